"""Measure an OCR engine on rendered table pages of the generated corpus (``python -m extract.ocr.measure``).

For every routed table page of the given truth files: render it with pypdfium2 at each dpi, OCR it,
and compare the amounts read (tokens shaped like a printed amount, converted with the page's unit)
with the truth lines of that page, as multisets: recall = truth amounts found / truth amounts,
precision = amounts read that are true / amounts read. Seconds are wall time per page (OCR only).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image

from extract.amounts import AmountError, parse_amount, to_yuan
from extract.assemble import table_lines
from extract.model import BudgetLine
from extract.ocr.engine import ENGINES, get_engine
from extract.ocr.page_image import OcrSettings, ocr_page_grids, render_page
from extract.pages import read_page_texts
from extract.routing import route_pages
from extract.stitch import stitch

_AMOUNT_TOKEN = re.compile(r"^\(?-?[\d,]+\.\d{2}\)?$")


@dataclass
class Tally:
    """Counts over pages for one engine and dpi."""

    truth: int = 0
    read: int = 0
    matched: int = 0
    seconds: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)

    def row(self) -> dict[str, float]:
        pages = len(self.seconds)
        return {
            "pages": pages,
            "truth": self.truth,
            "read": self.read,
            "matched": self.matched,
            "recall": round(self.matched / self.truth, 4) if self.truth else 0.0,
            "precision": round(self.matched / self.read, 4) if self.read else 0.0,
            "seconds_per_page": round(sum(self.seconds) / pages, 2) if pages else 0.0,
            "cpu_seconds_per_page": round(sum(self.cpu) / pages, 2) if pages else 0.0,
        }


def read_amounts(texts: list[str], unit: str) -> Counter[Decimal]:
    """Every OCR token shaped like a printed amount, in yuan."""
    found: Counter[Decimal] = Counter()
    for text in texts:
        token = text.replace(" ", "")
        if not _AMOUNT_TOKEN.match(token):
            continue
        try:
            value = parse_amount(token)
            if value is not None:
                found[to_yuan(value, unit)] += 1
        except AmountError:
            continue
    return found


@contextmanager
def timed(tally: Tally) -> Iterator[None]:
    """Wall and CPU seconds (this process and its children: tesseract runs as a subprocess)."""
    wall, before = time.perf_counter(), os.times()
    yield
    after = os.times()
    tally.seconds.append(time.perf_counter() - wall)
    tally.cpu.append(sum(after[:4]) - sum(before[:4]))


def line_keys(lines: list[BudgetLine]) -> Counter[tuple]:
    return Counter((x.table_type, x.code, x.item, x.measure, f"{x.amount_yuan:.2f}", x.page) for x in lines)


def _jpeg(image: Image.Image, quality: int) -> Image.Image:
    """The image as a screenshot pasted into Word often is: JPEG-compressed."""
    buffer = io.BytesIO()
    image.convert("L").save(buffer, format="JPEG", quality=quality)
    return Image.open(io.BytesIO(buffer.getvalue()))


def measure_lines(
    corpus: Path, truth_files: list[Path], settings: OcrSettings, jpeg: int | None = None
) -> Tally:
    """The whole OCR path: page image → ocr_page_grids → stitch → table_lines, exact lines vs truth
    (table type, code, item, measure, amount and page all equal, as bench.extraction_recall)."""
    tally = Tally()
    for truth_file in truth_files:
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        pdf = corpus / truth["file"]
        routes = route_pages(read_page_texts(pdf), 8)
        document = pdfium.PdfDocument(str(pdf))
        grids = {}
        for route in routes:
            image = render_page(document[route.page - 1], settings.dpi)
            if jpeg:
                image = _jpeg(image, jpeg)
            with timed(tally):
                grids[route.page] = ocr_page_grids(image, route.page, settings)
        document.close()
        lines: list[BudgetLine] = []
        for table in stitch(routes, grids):
            lines.extend(table_lines(table, truth["phase"], truth["fiscal_year"])[0])
        expected = Counter(
            (r["table_type"], r["code"], r["item"], r["measure"], r["amount_yuan"], r["page"])
            for r in truth["lines"]
        )
        got = line_keys(lines)
        tally.truth += sum(expected.values())
        tally.read += sum(got.values())
        tally.matched += sum((expected & got).values())
        for key in (expected - got) + (got - expected):
            print(("missed" if expected[key] > got[key] else "extra"), truth_file.name, key, file=sys.stderr)
    return tally


def measure(
    corpus: Path, truth_files: list[Path], engine_name: str, dpis: list[int], threads: int | None = None
) -> dict[int, Tally]:
    engine = get_engine(engine_name, threads)
    tallies = {dpi: Tally() for dpi in dpis}
    for truth_file in truth_files:
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        pdf = corpus / truth["file"]
        routes = route_pages(read_page_texts(pdf), 8)
        document = pdfium.PdfDocument(str(pdf))
        unit = "元"
        for route in routes:
            unit = route.unit or unit  # a continuation page keeps its table's unit
            expected = Counter(
                Decimal(line["amount_yuan"]) for line in truth["lines"] if line["page"] == route.page
            )
            for dpi in dpis:
                image = document[route.page - 1].render(scale=dpi / 72).to_pil()
                with timed(tallies[dpi]):
                    boxes = engine.read(image)
                tally = tallies[dpi]
                got = read_amounts([box.text for box in boxes], unit)
                tally.truth += sum(expected.values())
                tally.read += sum(got.values())
                tally.matched += sum((expected & got).values())
        document.close()
    return tallies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", type=Path, help="make-samples output folder (pdfs/ and truth/)")
    parser.add_argument("truth", nargs="+", help="truth JSON file names under corpus/truth")
    parser.add_argument("--engine", choices=ENGINES, default="rapidocr")
    parser.add_argument("--dpi", type=int, action="append", default=None)
    parser.add_argument("--lines", action="store_true", help="score exact lines through ocr_page_grids")
    parser.add_argument("--jpeg", type=int, default=None, help="JPEG-compress page images at this quality")
    parser.add_argument("--threads", type=int, default=None, help="engine threads (default: the engine's)")
    args = parser.parse_args()
    files = [args.corpus / "truth" / name for name in args.truth]
    if args.lines:
        for dpi in args.dpi or [100, 200]:
            tally = measure_lines(
                args.corpus, files, OcrSettings(engine=args.engine, dpi=dpi, threads=args.threads)
            )
            print(
                json.dumps(
                    {"engine": args.engine, "dpi": dpi, "jpeg": args.jpeg, "lines": True, **tally.row()}
                )
            )
        return
    tallies = measure(args.corpus, files, args.engine, args.dpi or [100, 200], args.threads)
    for dpi, tally in tallies.items():
        print(json.dumps({"engine": args.engine, "dpi": dpi, **tally.row()}, ensure_ascii=False))


if __name__ == "__main__":
    main()
