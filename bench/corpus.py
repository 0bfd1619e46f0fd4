"""Extraction speed on the real corpus (``$COUNTYBUDGET_REAL_PDFS/corpus``): every document through our
extractor (one process, so the figure is per document on one core), and plain
``camelot.read_pdf(pages='all')`` on a sample of two documents per source folder.

Usage: ``python -m bench.corpus [CORPUS] [--sample N] [--limit N] [--workers N] [--handle N]``;
prints per-folder medians and the overall median, and the speedup on the sample. ``--limit``: the
first N documents of each folder. ``--workers 2``: the documents through ``extract_many`` on two
worker processes (the production path: preflight + extraction on one handle per document), with
the median extraction time inside the workers and the wall time per document of the batch.
``--handle N``: only ``bench.handle``'s comparison (one open vs separate opens) on N per folder.
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
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents per folder")
    parser.add_argument("--workers", type=int, default=0, help="read through extract_many on N workers")
    parser.add_argument(
        "--handle", type=int, default=0, help="compare one open vs separate opens on N/folder"
    )
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}: skipped")
        return
    paths = _per_folder(sorted(args.corpus.rglob("*.pdf")), args.limit)
    if args.handle:
        from bench.handle import compare

        compare(_per_folder(paths, args.handle))
        return
    if args.workers:
        _through_workers(paths, args.workers)
        return
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


def _per_folder(paths: list[Path], limit: int | None) -> list[Path]:
    """The first ``limit`` paths of each folder (all when None), in the given order."""
    if limit is None:
        return paths
    taken: dict[Path, int] = {}
    kept = []
    for path in paths:
        taken[path.parent] = taken.get(path.parent, 0) + 1
        if taken[path.parent] <= limit:
            kept.append(path)
    return kept


def _through_workers(paths: list[Path], workers: int) -> None:
    from extract.isolation import extract_many
    from extract.limits import Limits
    from extract.model import ExtractedDocument

    started = time.perf_counter()
    outcomes = extract_many(paths, Limits.from_env(), workers=workers)
    wall = time.perf_counter() - started
    seconds = [o.seconds for o in outcomes.values() if isinstance(o, ExtractedDocument)]
    print(
        f"{len(seconds)}/{len(paths)} documents read on {workers} workers: median extraction "
        f"{statistics.median(seconds):.3f} s per document (inside a worker), batch wall "
        f"{wall:.1f} s = {wall / len(paths):.3f} s per document"
    )


if __name__ == "__main__":
    main()
