"""Title-blind classification on the real corpus: every table the extractor finds by its title is
classified again from its column headers alone (the title blanked), and compared.

Usage: ``python -m bench.signatures [CORPUS] [--per-folder N]``; prints per source folder the tables
found by title, how many the header signature names right, leaves unknown (ambiguous or no match:
never a guess) and names wrong.
"""

from __future__ import annotations

import argparse
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from unittest import mock

import extract.document as document
from bench.extraction import REAL_PDFS
from extract.settings import ExtractSettings
from extract.signature import classify_header
from extract.stitch import TablePages

CORPUS = REAL_PDFS / "corpus"


@dataclass
class Tally:
    right: int = 0
    unknown: int = 0
    wrong: int = 0
    mistakes: Counter = field(default_factory=Counter)  # (title's type, header's type)

    @property
    def tables(self) -> int:
        return self.right + self.unknown + self.wrong

    def add(self, by_title: str, by_header: str | None) -> None:
        if by_header is None:
            self.unknown += 1
        elif by_header == by_title:
            self.right += 1
        else:
            self.wrong += 1
            self.mistakes[(by_title, by_header)] += 1


def blind_tally(path: Path, tally: Tally) -> None:
    """Extract ``path`` and classify each titled table's first grid by its header alone."""
    real = document.table_lines

    def spy(table: TablePages, phase: str, fiscal_year: int):
        if table.grids:
            tally.add(table.table_type, classify_header(table.grids[0]))
        return real(table, phase, fiscal_year)

    with mock.patch.object(document, "table_lines", spy):
        try:
            document.extract_document(path, ExtractSettings(run_narrative=False))
        except Exception:  # noqa: BLE001 - a quarantined file has no tables to classify
            return


def main(argv: list[str] | None = None) -> dict[str, Tally]:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--per-folder", type=int, default=0, help="documents per source folder (0: all)")
    args = parser.parse_args(argv)
    tallies: dict[str, Tally] = {}
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}: skipped")
        return tallies
    for folder in sorted(p for p in args.corpus.iterdir() if p.is_dir()):
        paths = sorted(folder.rglob("*.pdf"))
        tally = tallies.setdefault(folder.name, Tally())
        for path in paths[: args.per_folder or None]:
            blind_tally(path, tally)
    total = Tally()
    print(f"{'source':28} {'tables':>6} {'right':>6} {'unknown':>7} {'wrong':>5}")
    for name, tally in tallies.items():
        print(f"{name:28} {tally.tables:6} {tally.right:6} {tally.unknown:7} {tally.wrong:5}")
        total.right, total.unknown, total.wrong = (
            total.right + tally.right,
            total.unknown + tally.unknown,
            total.wrong + tally.wrong,
        )
        total.mistakes.update(tally.mistakes)
    share = total.right / total.tables if total.tables else 0.0
    print(f"{'all':28} {total.tables:6} {total.right:6} {total.unknown:7} {total.wrong:5}  right {share:.1%}")
    for (by_title, by_header), count in total.mistakes.most_common():
        print(f"  wrong: titled {by_title}, header says {by_header}: {count}")
    return tallies


if __name__ == "__main__":
    main()
