"""Pages stored turned (content drawn sideways, /Rotate 90 or 270 to show it upright), the way
virtual printers write landscape sheets: read exactly as the upright original, text and tables.

The turned copies are made with pypdf from a generated and a LibreOffice-printed fixture, so the
test needs nothing outside the repository."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
from pypdf import Transformation
from pypdf.generic import RectangleObject

from extract.document import extract_document
from extract.settings import ExtractSettings

FIXTURES = Path(__file__).resolve().parent / "fixtures"
DOCUMENTS = (
    FIXTURES / "samples/pdfs/白石县/中共白石县委组织部/2024-final.pdf",
    FIXTURES / "libreoffice/pdfs/青山县/青山县财政局/2023-final.pdf",
)


def turned_copy(source: Path, rotation: int, out: Path) -> Path:
    """Every page's content turned against ``rotation`` and /Rotate set, so it displays as before."""
    writer = pypdf.PdfWriter(clone_from=source)
    for page in writer.pages:
        box = page.mediabox
        width, height = float(box.width), float(box.height)
        move = Transformation().translate(-float(box.left), -float(box.bottom))
        if rotation == 90:  # content turned a quarter anticlockwise; the viewer turns it back
            move = move.rotate(90).translate(height, 0)
        else:
            move = move.rotate(-90).translate(0, width)
        page.add_transformation(move)
        page.mediabox = page.cropbox = RectangleObject([0, 0, height, width])
        page.rotate(rotation)
    writer.write(out)
    return out


def _readings(path: Path) -> tuple:
    document = extract_document(path, ExtractSettings())
    lines = list(
        (line.table_type, line.code, line.item, line.measure, line.amount_yuan, line.page)
        for line in document.lines
    )
    return document.identity, lines, [(m.metric, m.amount_yuan, m.page) for m in document.narrative]


@pytest.mark.parametrize("rotation", [90, 270])
@pytest.mark.parametrize("source", DOCUMENTS, ids=lambda path: f"{path.parent.name}-{path.stem}")
def test_a_turned_page_reads_as_the_upright_one(source: Path, rotation: int, tmp_path: Path) -> None:
    upright = _readings(source)
    turned_path = turned_copy(source, rotation, tmp_path / "turned.pdf")
    assert pypdf.PdfReader(turned_path).pages[0].rotation == rotation
    turned = _readings(turned_path)
    assert len(upright[1]) > 100  # the documents have their tables
    assert turned == upright
