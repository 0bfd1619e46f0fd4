"""OCR engines behind one small interface: an image in, text boxes with confidence out.

RapidOCR is the default (chosen by measurement, see docs/ocr.md): its wheel ships the PP-OCR ONNX
models, so it runs offline from packages. Tesseract (Debian ``tesseract-ocr-chi-sim``) is kept as the
measured alternative; it is only used when asked for by name.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

import cv2
import numpy as np
from PIL import Image

ENGINES = ("rapidocr", "tesseract")


@dataclass(frozen=True)
class OcrBox:
    """One recognised text run: its text, the engine's confidence (0..1) and its box in pixels."""

    text: str
    confidence: float
    left: float
    top: float
    right: float
    bottom: float

    @property
    def centre(self) -> tuple[float, float]:
        return (self.left + self.right) / 2, (self.top + self.bottom) / 2


REC_MIN_WIDTH = 48  # px: the recogniser's input is 48 high; a lone character is about square
# Lines per recogniser call: measured as fast as 6, and a line's reading never depends on others.
REC_BATCH = 1
# Detection at ~75 dpi for an A4 page: 3.5 times cheaper than at 200 dpi, and the same text lines
# on 34 scanned pages but for page-number footers (docs/ocr.md).
DET_MAX_SIDE = 1280

Cuts = Callable[[OcrBox], list[float]]  # x of the ruling lines a detected text line must not cross


class OcrEngine(Protocol):
    name: str

    def read(self, image: Image.Image, cuts: Cuts | None = None) -> list[OcrBox]: ...

    def read_line(self, image: Image.Image) -> tuple[str, float]: ...

    def read_lines(self, images: list[np.ndarray]) -> list[tuple[str, float]]: ...


class RapidOcrEngine:
    """PP-OCR (detection + recognition ONNX models from the ``rapidocr`` wheel) on onnxruntime."""

    name = "rapidocr"

    def __init__(self, threads: int | None = None, tuned: bool = True) -> None:
        from rapidocr import RapidOCR  # heavy import: only when a page needs OCR

        params: dict[str, object] = {
            "Global.log_level": "warning",
            "Global.use_cls": False,  # table pages are upright; the angle classifier only costs time
        }
        if tuned:
            params |= {
                # Each line at its own width: the default pads every line to at least 320 px (a 48-px
                # high line 6.7 times as wide), and a batch to its widest line; most table cells are
                # short (an amount, a code), so that padding was half the recognition time (docs/ocr.md).
                "Rec.rec_img_shape": [3, 48, REC_MIN_WIDTH],
                "Rec.rec_batch_num": REC_BATCH,
                # The detector (only used for text outside tables) sees the page with its longer side
                # at DET_MAX_SIDE px; its boxes are mapped back and recognised at full resolution.
                "Det.limit_type": "max",
                "Det.limit_side_len": DET_MAX_SIDE,
            }
        if threads:
            params["EngineConfig.onnxruntime.intra_op_num_threads"] = threads
        self._ocr = RapidOCR(params=params)

    def read(self, image: Image.Image, cuts: Cuts | None = None) -> list[OcrBox]:
        """Word boxes (a number is one word, a Chinese character is one word). A detected line that
        runs over a ruling line (``cuts``) is cut there and each piece recognised alone: read as one
        line, ``1,156.31 一、…`` came back as ``1,156.311`` with confidence 1.0."""
        result = self._ocr(
            np.asarray(image.convert("RGB")),
            use_det=True,
            use_cls=False,
            use_rec=True,
            return_word_box=True,
            return_single_char_box=True,
        )
        if result.boxes is None:
            return []
        words = result.word_results or [()] * len(result.txts)
        boxes: list[OcrBox] = []
        for points, text, score, line_words in zip(
            result.boxes, result.txts, result.scores, words, strict=True
        ):
            line = _box(str(text), float(score), points)
            inner = [x for x in (cuts(line) if cuts else []) if line.left + 3 < x < line.right - 3]
            if inner:
                boxes.extend(self._pieces(image, line, inner))
                continue
            parts = [(word, word_score, word_points) for word, word_score, word_points in line_words if word]
            if not parts:  # no word split available: keep the whole line
                parts = [(text, score, points)]
            boxes.extend(
                _box(str(word), float(word_score), word_points) for word, word_score, word_points in parts
            )
        return boxes

    def _pieces(self, image: Image.Image, line: OcrBox, cuts: list[float]) -> list[OcrBox]:
        edges = [line.left, *sorted(cuts), line.right]
        pieces = []
        for left, right in zip(edges, edges[1:], strict=False):
            if right - left < 4:
                continue
            crop = image.crop((int(left), int(line.top), int(right) + 1, int(line.bottom) + 1))
            text, score = self.read_line(crop)
            if text.strip():
                pieces.append(OcrBox(text.strip(), score, left, line.top, right, line.bottom))
        return pieces

    def read_line(self, image: Image.Image) -> tuple[str, float]:
        """Recognition alone on an image holding one line of text (a cell the detector missed)."""
        result = self._ocr(np.asarray(image.convert("RGB")), use_det=False, use_cls=False, use_rec=True)
        texts = [(str(text), float(score)) for text, score in zip(result.txts, result.scores, strict=True)]
        return texts[0] if texts and texts[0][0].strip() else ("", 0.0)

    def read_lines(self, images: list[np.ndarray]) -> list[tuple[str, float]]:
        """Recognition alone on many one-line crops (greyscale arrays) in one call: each line's text
        and its least sure character's confidence (as ``read`` gives per character box)."""
        if not images:
            return []
        from rapidocr.ch_ppocr_rec import TextRecInput

        recogniser = self._ocr._load_rec_model()  # the wheel's TextRecognizer (rapidocr pinned)
        rgb = [cv2.cvtColor(image, cv2.COLOR_GRAY2RGB) if image.ndim == 2 else image for image in images]
        result = recogniser(TextRecInput(img=rgb, return_word_box=True))
        lines = []
        for text, score, info in zip(result.txts, result.scores, result.word_results, strict=True):
            text = str(text)
            confs = list(getattr(info, "confs", None) or [])
            chars = [conf for char, conf in zip(text, confs, strict=False) if not char.isspace()]
            sure = min(chars) if len(confs) == len(text) and chars else float(score)
            lines.append((text, float(sure) if text.strip() else 0.0))
        return lines


def _box(text: str, score: float, points: object) -> OcrBox:
    xs = [float(point[0]) for point in points]  # type: ignore[attr-defined]
    ys = [float(point[1]) for point in points]  # type: ignore[attr-defined]
    return OcrBox(text, score, min(xs), min(ys), max(xs), max(ys))


class TesseractEngine:
    """Tesseract 5 LSTM with Debian's ``chi_sim`` data, word boxes from ``image_to_data``."""

    name = "tesseract"

    def __init__(self, threads: int | None = None, psm: int = 11) -> None:
        import pytesseract

        self._tesseract = pytesseract
        self._config = f"--psm {psm}"
        if threads:
            os.environ["OMP_THREAD_LIMIT"] = str(threads)

    def read(self, image: Image.Image, cuts: Cuts | None = None) -> list[OcrBox]:
        """Word boxes; Tesseract's words rarely cross a ruling line, so ``cuts`` is not used."""
        data = self._tesseract.image_to_data(
            image.convert("L"), lang="chi_sim", config=self._config, output_type=self._tesseract.Output.DICT
        )
        lines: dict[tuple[int, int, int], list[int]] = {}
        for index, text in enumerate(data["text"]):
            if text.strip() and float(data["conf"][index]) >= 0:
                key = (data["block_num"][index], data["par_num"][index], data["line_num"][index])
                lines.setdefault(key, []).append(index)
        boxes = []
        for indexes in lines.values():  # one box per word; cells join them by position later
            for index in indexes:
                left, top = data["left"][index], data["top"][index]
                boxes.append(
                    OcrBox(
                        data["text"][index].strip(),
                        float(data["conf"][index]) / 100,
                        left,
                        top,
                        left + data["width"][index],
                        top + data["height"][index],
                    )
                )
        return boxes

    def read_line(self, image: Image.Image) -> tuple[str, float]:
        """One line of text (``--psm 7``)."""
        data = self._tesseract.image_to_data(
            image.convert("L"), lang="chi_sim", config="--psm 7", output_type=self._tesseract.Output.DICT
        )
        words = [
            (t.strip(), float(c) / 100) for t, c in zip(data["text"], data["conf"], strict=True) if t.strip()
        ]
        if not words:
            return "", 0.0
        return "".join(text for text, _ in words), min(confidence for _, confidence in words)

    def read_lines(self, images: list[np.ndarray]) -> list[tuple[str, float]]:
        """One ``read_line`` per crop (Tesseract has no batch)."""
        return [self.read_line(Image.fromarray(image)) for image in images]


@lru_cache(maxsize=4)
def get_engine(name: str = "rapidocr", threads: int | None = None, tuned: bool = True) -> OcrEngine:
    """One engine per process and name (model loading costs ~0.1-1 s). ``tuned=False``: RapidOCR's
    defaults (lines padded to 320 px, detection at full size), which scanned tables still use."""
    if name == "rapidocr":
        return RapidOcrEngine(threads, tuned)
    if name == "tesseract":
        return TesseractEngine(threads)
    raise ValueError(f"OCR engine must be one of {ENGINES}, got {name!r}")
