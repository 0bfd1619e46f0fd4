"""Extraction speed: our routed extractor vs plain ``camelot.read_pdf(path, pages='all')``.

Prints seconds per document and per table page, on the real PDFs and on a demo corpus generated
into a temporary folder (or the folder given as the first argument), both measured in this run.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from extract.document import extract_document
from extract.pages import read_page_texts
from extract.routing import route_pages

# Real disclosures are not part of the repository: point COUNTYBUDGET_REAL_PDFS at a folder of them
# (a ``corpus/`` sub-folder holds the per-source corpus); absent, the real-PDF figures are skipped.
REAL_PDFS = Path(os.environ.get("COUNTYBUDGET_REAL_PDFS", "data/real-pdfs"))
DEMO_LIMIT = 12  # plain camelot takes seconds per file: a sample of the corpus is enough


def _timed(function, *arguments) -> float:
    started = time.perf_counter()
    function(*arguments)
    return time.perf_counter() - started


def _plain_camelot(path: Path) -> None:
    import camelot

    camelot.read_pdf(str(path), pages="all", flavor="lattice")


def _table_pages(path: Path) -> int:
    return len(route_pages(read_page_texts(path), 8))


def measure(label: str, paths: list[Path], limit: int | None = None) -> None:
    """Print per-document figures and the medians for one set of PDFs (``limit`` loaded ones)."""
    if not paths:
        print(f"{label}: no PDFs")
        return
    for path in paths[:3]:  # warm-up: first-call costs (lazy imports, caches) are not per document
        try:
            extract_document(path)
            break
        except Exception:  # noqa: BLE001, S112 - a quarantined sample cannot warm up
            continue
    ours, plain, per_page = [], [], []
    for path in paths:
        if limit is not None and len(ours) >= limit:
            break
        try:
            seconds = _timed(extract_document, path)
        except Exception as error:  # noqa: BLE001 - quarantined samples are part of a corpus
            print(f"  {path.name}: quarantined ({error})")
            continue
        pages = _table_pages(path)
        baseline = _timed(_plain_camelot, path)
        ours.append(seconds)
        plain.append(baseline)
        per_page.append(seconds / max(pages, 1))
        print(f"  {path.name}: ours {seconds:.3f} s ({pages} table pages), plain camelot {baseline:.3f} s")
    if not ours:
        return
    ours_median, plain_median = statistics.median(ours), statistics.median(plain)
    print(
        f"{label}: {len(ours)} documents; median per document ours {ours_median:.3f} s, "
        f"plain camelot pages='all' {plain_median:.3f} s, speedup {plain_median / ours_median:.1f}x; "
        f"median per table page ours {statistics.median(per_page):.3f} s"
    )


def _demo_corpus(folder: Path) -> list[Path]:
    from samplegen.corpus import write_corpus  # the sample generator's public entry point

    write_corpus(folder, size="demo")
    return sorted((folder / "pdfs").rglob("*.pdf"))


def main() -> None:
    import camelot  # noqa: F401 - import once up front so neither side pays for it

    real = sorted(REAL_PDFS.glob("*.pdf"))
    measure("real PDFs", real)
    if len(sys.argv) > 1:
        demo = sorted(Path(sys.argv[1]).rglob("*.pdf"))
    else:
        try:
            demo = _demo_corpus(Path(tempfile.mkdtemp(prefix="bench-demo-")))
        except Exception as error:  # noqa: BLE001 - the generator may be absent on a partial checkout
            print(f"demo corpus: not generated ({error!r})")
            return
    measure(f"demo corpus (first {DEMO_LIMIT} loaded)", demo, DEMO_LIMIT)


if __name__ == "__main__":
    main()
