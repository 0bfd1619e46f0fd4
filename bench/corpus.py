"""Extraction speed on the real corpus (``$COUNTYBUDGET_REAL_PDFS/corpus``): every document through our
extractor (one process, so the figure is per document on one core), and plain
``camelot.read_pdf(pages='all')`` on a sample of two documents per source folder.

Usage: ``python -m bench.corpus [CORPUS] [--sample N]``; prints per-folder medians and the overall
median, and the speedup on the sample.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from bench.extraction import REAL_PDFS, _plain_camelot
from extract.document import extract_document

CORPUS = REAL_PDFS / "corpus"


def _seconds(function, path: Path) -> float | None:
    started = time.perf_counter()
    try:
        function(path)
    except Exception:  # noqa: BLE001 - a quarantined file has no extraction time
        return None
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--sample", type=int, default=2, help="documents per folder for plain camelot")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}: skipped")
        return
    paths = sorted(args.corpus.rglob("*.pdf"))
    extract_document(paths[0])  # warm-up: lazy imports are not per document
    ours: dict[str, list[float]] = {}
    ours_by_path: dict[Path, float] = {}
    for path in paths:
        seconds = _seconds(extract_document, path)
        if seconds is not None:
            ours.setdefault(path.parent.name, []).append(seconds)
            ours_by_path[path] = seconds
    for folder, times in sorted(ours.items()):
        print(
            f"  {folder:26} {len(times):3} documents, median {statistics.median(times):.3f} s, max {max(times):.2f} s"
        )
    every = [t for times in ours.values() for t in times]
    print(
        f"corpus: {len(every)} documents read, median {statistics.median(every):.3f} s per document (one core)"
    )
    sample = [
        p for folder in sorted(ours) for p in [q for q in paths if q.parent.name == folder][: args.sample]
    ]
    pairs = []
    for path in sample:
        plain = _seconds(_plain_camelot, path)
        if plain is not None and path in ours_by_path:
            pairs.append((ours_by_path[path], plain))
            print(
                f"  {path.parent.name}/{path.name}: ours {ours_by_path[path]:.3f} s, plain camelot {plain:.3f} s"
            )
    if pairs:
        ours_median = statistics.median(p[0] for p in pairs)
        plain_median = statistics.median(p[1] for p in pairs)
        print(
            f"sample of {len(pairs)}: median ours {ours_median:.3f} s, plain camelot pages='all' "
            f"{plain_median:.3f} s, speedup {plain_median / ours_median:.1f}x"
        )


if __name__ == "__main__":
    main()
