"""Seconds per image-table page: the form (a) corpus (tables pasted as screenshots) through OCR.

Two figures:
- per page, in one process: wall and CPU seconds of rendering + OCR for every page
  ``extract.image_pages`` reads (one engine thread, as in a worker);
- throughput on the machine's cores: the documents through ``extract_many`` (killable workers,
  ``--workers`` of them, as ``countybudget ingest`` runs them), wall seconds / image-table pages.

Usage: ``python -m bench.ocr [PDF ...] [--workers N]``; without PDFs it generates the form (a)
corpus (``samplegen.form_a``) into a temporary folder.

``python -m bench.ocr --text FOLDER`` instead times text documents with the image-table path off
(as before it existed) and on, alternating per document: what the detection costs a text corpus.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from extract.document import extract_document
from extract.image_pages import read_image_tables
from extract.isolation import extract_many
from extract.layout import lines_text
from extract.limits import Limits
from extract.pages import read_page_layouts
from extract.routing import route_pages
from extract.settings import ExtractSettings


def page_seconds(path: Path, settings: ExtractSettings) -> list[tuple[int, float, float]]:
    """(page, wall s, CPU s) of each OCR'd page of one document, read one page at a time."""
    layouts = read_page_layouts(path)
    texts = [lines_text(lines) for lines in layouts]
    routes = route_pages(texts, settings.title_search_lines, [[line.y1 for line in ls] for ls in layouts])
    found = read_image_tables(path, routes, texts, settings)
    return [(page, found.seconds[page], found.cpu_seconds[page]) for page in sorted(found.seconds)]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--text", type=Path, help="a folder of text PDFs: time with OCR off and on")
    args = parser.parse_args(argv)
    if args.text:
        text_cost(sorted(args.text.rglob("*.pdf")))
        return
    with tempfile.TemporaryDirectory() as tmp:
        paths = args.pdfs
        if not paths:
            from samplegen.form_a import FORM_A, write_form_a

            write_form_a(Path(tmp))
            paths = sorted((Path(tmp) / FORM_A / "pdfs").rglob("*.pdf"))
        settings = ExtractSettings()
        extract_document(paths[0])  # warm-up: imports and the OCR models are loaded once per process
        walls, cpus = [], []
        for path in paths:
            timings = page_seconds(path, settings)
            walls += [wall for _, wall, _ in timings]
            cpus += [cpu for _, _, cpu in timings]
            print(f"  {path.name:24} {len(timings):3} image-table pages, median {_median(timings)}")
        if not walls:
            print("no image-table page found")
            return
        print(
            f"one process: {len(walls)} pages, wall {statistics.mean(walls):.2f} s/page "
            f"(median {statistics.median(walls):.2f}), CPU {statistics.mean(cpus):.2f} s/page"
        )
        started = time.perf_counter()
        results = extract_many(paths, Limits.from_env(), workers=args.workers)
        wall = time.perf_counter() - started
        pages = sum(len(doc.ocr_pages) for doc in results.values() if not isinstance(doc, Exception))
        failed = [path.name for path, doc in results.items() if isinstance(doc, Exception)]
        print(
            f"{args.workers} workers: {len(paths)} documents, {pages} image-table pages in {wall:.1f} s = "
            f"{wall / max(pages, 1):.2f} s per page (whole documents, text parts included)"
            + (f"; failed: {failed}" if failed else "")
        )


def text_cost(paths: list[Path]) -> None:
    """Seconds per text document with the image-table path off and on (best of two each)."""
    off, on = ExtractSettings(ocr_tables=False), ExtractSettings()
    extract_document(paths[0], on)  # warm-up
    before, after, ocr_pages = [], [], 0
    for path in paths:
        timings: dict[bool, list[float]] = {False: [], True: []}
        for settings in (off, on, off, on):
            started = time.perf_counter()
            try:
                doc = extract_document(path, settings)
            except Exception:  # noqa: BLE001 - a quarantined file has no extraction time
                break
            timings[settings.ocr_tables].append(time.perf_counter() - started)
        else:
            before.append(min(timings[False]))
            after.append(min(timings[True]))
            ocr_pages += len(doc.ocr_pages)
    print(
        f"{len(before)} text documents: median {statistics.median(before):.3f} s without the image-table "
        f"path, {statistics.median(after):.3f} s with it (total {sum(before):.1f} s vs {sum(after):.1f} s); "
        f"pages OCR'd: {ocr_pages}"
    )


def _median(timings: list[tuple[int, float, float]]) -> str:
    if not timings:
        return "-"
    wall = statistics.median(t[1] for t in timings)
    cpu = statistics.median(t[2] for t in timings)
    return f"wall {wall:.2f} s, CPU {cpu:.2f} s"


if __name__ == "__main__":
    main()
