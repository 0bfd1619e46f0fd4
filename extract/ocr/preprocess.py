"""Clean a scanned page image before the grid and OCR read it: red seal out, paper flat, skew out.

The grid finder (``extract.ocr.cells``) finds separators as exact pixel rows and columns of the line
masks and binarises with an adaptive threshold, so a scan needs, in this order:

1. ``without_stamp``: a red seal printed over a table darkens cells in every channel but red, so the
   red channel alone shows the text without it; the seal's own pixels (red well above green and
   blue, and light in red) become paper. Text and ruling lines under the seal stay dark in the red
   channel (ink multiplies) and are kept.
2. ``flatten_background``: grey, unevenly lit paper divided by its own estimate (a max filter on a
   reduced copy, wider than any glyph stroke), so paper is 255 everywhere and ink keeps its contrast.
3. ``denoise``: a 3×3 median filter takes scanner speckle and JPEG ringing without moving edges.
4. ``estimate_skew`` / ``deskew``: the angle that makes ink rows sharpest (ruling lines on a table
   page, text lines on a narrative page), found on ink pixel coordinates without resampling,
   coarse then fine; the page is then rotated back about its centre with white fill.

All functions are pure (arrays in, arrays out).
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

RED_MARGIN = 40  # red above the larger of green and blue: seal ink, not grey paper or black text
SEAL_LIGHT = 150  # red channel above this: seal ink alone; darker is text or a line under the seal
MAX_SKEW = 2.0  # degrees either way searched for the page's skew
_COARSE_STEP, _FINE_STEP = 0.1, 0.01
_SKEW_SIDE = 3000  # long side (pixels) the skew is measured on: a 1400 px copy missed a cover by 0.46°


@dataclass(frozen=True)
class Prepared:
    """A page image ready for ``ocr_page_grids``: greyscale, white paper, upright."""

    gray: np.ndarray
    angle: float  # degrees the scan was turned counter-clockwise (undone in ``gray``)
    stamp_pixels: int  # seal pixels turned to paper


def without_stamp(rgb: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(greyscale without red ink, mask of the red pixels). The red channel is the grey of the
    page for neutral pixels; ``prepare`` turns the masked pixels to paper once the paper is flat."""
    red = rgb[:, :, 0].astype(np.int16)
    other = np.maximum(rgb[:, :, 1], rgb[:, :, 2]).astype(np.int16)
    core = ((red - other) > RED_MARGIN).astype(np.uint8)
    # the seal's blurred rim is only faintly red: take the pixels around it too, if light
    mask = cv2.dilate(core, np.ones((5, 5), np.uint8)).astype(bool) & (red > SEAL_LIGHT)
    return rgb[:, :, 0].copy(), mask


def flatten_background(gray: np.ndarray, dpi: int = 200) -> np.ndarray:
    """Paper brought to 255 by dividing by a background estimate (uneven light, grey stock)."""
    factor = 8
    small = cv2.resize(
        gray, (max(1, gray.shape[1] // factor), max(1, gray.shape[0] // factor)), interpolation=cv2.INTER_AREA
    )
    size = max(3, (dpi // 20) // factor * 2 + 1)  # wider than a glyph at this reduction
    background = cv2.dilate(small, np.ones((size, size), np.uint8))
    background = cv2.GaussianBlur(background, (0, 0), size)
    background = cv2.resize(background, (gray.shape[1], gray.shape[0]), interpolation=cv2.INTER_LINEAR)
    flat = gray.astype(np.float32) * 255.0 / np.maximum(background.astype(np.float32), 1.0)
    return np.clip(flat, 0, 255).astype(np.uint8)


def denoise(gray: np.ndarray) -> np.ndarray:
    """Speckle and JPEG ringing out (3×3 median: keeps edges where they are)."""
    return cv2.medianBlur(gray, 3)


def _sharpness(ys: np.ndarray, xs: np.ndarray, angle: float, rows: int) -> float:
    """How peaked the ink's row histogram is once the page is turned back by ``angle``."""
    theta = np.deg2rad(angle)
    projected = np.rint(ys * np.cos(theta) + xs * np.sin(theta)).astype(np.int64)
    counts = np.bincount(projected - projected.min(), minlength=rows).astype(np.float64)
    return float(np.sum(np.diff(counts) ** 2))


def estimate_skew(gray: np.ndarray, max_angle: float = MAX_SKEW) -> float:
    """Degrees the page content is turned counter-clockwise (PIL's ``rotate`` sense)."""
    scale = min(1.0, _SKEW_SIDE / max(gray.shape))
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else gray
    ink = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)[1]
    ys, xs = np.nonzero(ink)
    if len(ys) < 100:
        return 0.0
    ys, xs = ys.astype(np.float64), xs.astype(np.float64) - small.shape[1] / 2
    rows = small.shape[0] * 2
    best = 0.0
    for step, span in ((_COARSE_STEP, max_angle), (_FINE_STEP, _COARSE_STEP)):
        angles = np.arange(best - span, best + span + step / 2, step)
        scores = np.array([_sharpness(ys, xs, a, rows) for a in angles])
        # thin lines score the same over a range of angles (whole-pixel rows): take its middle,
        # not its first angle (that biased a level page to -0.11°)
        best = float(np.median(angles[scores >= scores.max()]))
    return round(best, 2)


def deskew(gray: np.ndarray, angle: float) -> np.ndarray:
    """The page turned back by ``angle`` degrees about its centre, white where nothing was."""
    if abs(angle) < 0.005:
        return gray
    height, width = gray.shape
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), -angle, 1.0)
    return cv2.warpAffine(gray, matrix, (width, height), flags=cv2.INTER_CUBIC, borderValue=255)


def reduce(image: np.ndarray, dpi: int, target: int) -> tuple[np.ndarray, int]:
    """A scan finer than ``target`` dpi brought down to it (OCR reads 200 dpi as well as 300, for
    less than half the time); coarser scans are kept as they are."""
    if dpi <= target:
        return image, dpi
    factor = target / dpi
    size = (round(image.shape[1] * factor), round(image.shape[0] * factor))
    return cv2.resize(image, size, interpolation=cv2.INTER_AREA), target


def prepare(image: np.ndarray, dpi: int = 200) -> Prepared:
    """Everything above, in order, on an RGB or greyscale page image."""
    stamp = np.zeros(image.shape[:2], dtype=bool)
    if image.ndim == 3:
        gray, stamp = without_stamp(image)
    else:
        gray = image
    flat = flatten_background(gray, dpi)
    flat[stamp] = 255
    clean = denoise(flat)
    angle = estimate_skew(clean)
    return Prepared(deskew(clean, angle), angle, int(stamp.sum()))
