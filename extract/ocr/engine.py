"""OCR engines behind one small interface: an image in, text boxes with confidence out.

RapidOCR is the default (chosen by measurement, see docs/ocr.md): its wheel ships the PP-OCR ONNX
models, so it runs offline from packages. Tesseract (Debian ``tesseract-ocr-chi-sim``) is kept as the
measured alternative; it is only used when asked for by name.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

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


class OcrEngine(Protocol):
    name: str

    def read(self, image: Image.Image) -> list[OcrBox]: ...

    def read_line(self, image: Image.Image) -> tuple[str, float]: ...


class RapidOcrEngine:
    """PP-OCR (detection + recognition ONNX models from the ``rapidocr`` wheel) on onnxruntime."""

    name = "rapidocr"

    def __init__(self, threads: int | None = None) -> None:
        from rapidocr import RapidOCR  # heavy import: only when a page needs OCR

        params: dict[str, object] = {
            "Global.log_level": "warning",
            "Global.use_cls": False,  # table pages are upright; the angle classifier only costs time
        }
        if threads:
            params["EngineConfig.onnxruntime.intra_op_num_threads"] = threads
        self._ocr = RapidOCR(params=params)

    def read(self, image: Image.Image) -> list[OcrBox]:
        """Word boxes (a number is one word, a Chinese character is one word), so text that runs
        across a ruling line is split between the cells it belongs to."""
        import numpy as np

        result = self._ocr(
            np.asarray(image.convert("RGB")), use_det=True, use_cls=False, use_rec=True, return_word_box=True
        )
        if result.boxes is None:
            return []
        words = result.word_results or [()] * len(result.txts)
        boxes = []
        for points, text, score, line_words in zip(
            result.boxes, result.txts, result.scores, words, strict=True
        ):
            parts = [(word, word_score, word_points) for word, word_score, word_points in line_words if word]
            if not parts:  # no word split available: keep the whole line
                parts = [(text, score, points)]
            for word, word_score, word_points in parts:
                xs = [float(point[0]) for point in word_points]
                ys = [float(point[1]) for point in word_points]
                boxes.append(OcrBox(str(word), float(word_score), min(xs), min(ys), max(xs), max(ys)))
        return boxes

    def read_line(self, image: Image.Image) -> tuple[str, float]:
        """Recognition alone on an image holding one line of text (a cell the detector missed)."""
        import numpy as np

        result = self._ocr(np.asarray(image.convert("RGB")), use_det=False, use_cls=False, use_rec=True)
        texts = [(str(text), float(score)) for text, score in zip(result.txts, result.scores, strict=True)]
        return texts[0] if texts and texts[0][0].strip() else ("", 0.0)


class TesseractEngine:
    """Tesseract 5 LSTM with Debian's ``chi_sim`` data, word boxes from ``image_to_data``."""

    name = "tesseract"

    def __init__(self, threads: int | None = None, psm: int = 11) -> None:
        import pytesseract

        self._tesseract = pytesseract
        self._config = f"--psm {psm}"
        if threads:
            os.environ["OMP_THREAD_LIMIT"] = str(threads)

    def read(self, image: Image.Image) -> list[OcrBox]:
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


@lru_cache(maxsize=4)
def get_engine(name: str = "rapidocr", threads: int | None = None) -> OcrEngine:
    """One engine per process and name (model loading costs ~0.1-1 s)."""
    if name == "rapidocr":
        return RapidOcrEngine(threads)
    if name == "tesseract":
        return TesseractEngine(threads)
    raise ValueError(f"OCR engine must be one of {ENGINES}, got {name!r}")
