"""The OCR engine runs offline from installed packages: its models are in the wheel, and reading an
image with every network connection refused still works (nothing is downloaded at run time)."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from extract.ocr.engine import RapidOcrEngine, get_engine

FONT = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")


def test_models_ship_inside_the_rapidocr_wheel():
    import rapidocr

    models = Path(rapidocr.__file__).parent / "models"
    names = sorted(path.name for path in models.glob("*.onnx"))
    assert any("det" in name for name in names)
    assert any("rec" in name for name in names)


@pytest.mark.skipif(not FONT.exists(), reason="fonts-wqy-zenhei not installed (make install does it)")
def test_reads_chinese_and_amounts_with_the_network_refused(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("network unplugged for this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    image = Image.new("L", (700, 60), 255)
    ImageDraw.Draw(image).text(
        (10, 12), "一般公共服务支出   4,470,008.00", font=ImageFont.truetype(str(FONT), 28)
    )
    boxes = RapidOcrEngine().read(image)  # a fresh engine: its models load under the refusal
    text = "".join(box.text for box in boxes)
    assert "一般公共服务支出" in text
    assert "4,470,008.00" in text
    assert all(0 < box.confidence <= 1 for box in boxes)


def test_unknown_engine_is_refused():
    with pytest.raises(ValueError, match="OCR engine must be one of"):
        get_engine("paddle")
