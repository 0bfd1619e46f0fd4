"""Title-blind classification on the real corpus, two ways.

- Per table (default): every table the extractor finds by its title is classified again from its
  column headers alone, and compared: right, unknown (ambiguous or no match: never a guess), wrong.
- End to end (``--blind``): each document is read twice, as printed and with every recognised title
  line removed from the page text the router sees (as if the titles were images); the second read
  finds its tables by their headers alone. Prints the tables found by title, those found again with
  the same type, those found with another type, and the share of amounts read identically.

Usage: ``python -m bench.signatures [CORPUS] [--per-folder N] [--blind]``.
"""

from __future__ import annotations

import argparse
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from unittest import mock

import extract.document as document
from bench.extraction import REAL_PDFS
from extract.model import ExtractedDocument
from extract.pages import page_lines
from extract.routing import route_pages
from extract.settings import ExtractSettings
from extract.signature import classify_header
from extract.stitch import TablePages
from extract.titles import classify_title

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


def _without_titles(page_texts: list[str], line_tops: list[list[float]] | None):
    """The page texts (and line positions) with every line that names a standard table removed."""
    texts, tops = [], []
    for number, text in enumerate(page_texts):
        lines = page_lines(text)
        keep = [i for i, line in enumerate(lines) if classify_title(line) is None]
        texts.append("\n".join(lines[i] for i in keep))
        page_tops = line_tops[number] if line_tops else []
        tops.append([page_tops[i] for i in keep] if len(page_tops) == len(lines) else [])
    return texts, tops


def _blind_route(page_texts: list[str], top_lines: int, line_tops: list[list[float]] | None = None):
    texts, tops = _without_titles(page_texts, line_tops)
    return route_pages(texts, top_lines, tops)


@dataclass
class Blind:
    titled: int = 0  # tables found by their titles
    same: int = 0  # found again, title blanked, with the same type
    other: int = 0  # found with another type
    amounts: int = 0
    same_amounts: int = 0


def blind_compare(path: Path, blind: Blind) -> None:
    """Read ``path`` as printed and with its titles blanked; count what the headers recover."""
    settings = ExtractSettings(run_narrative=False)
    try:
        printed = document.extract_document(path, settings)
    except Exception:  # noqa: BLE001 - a quarantined file has no tables to compare
        return
    with mock.patch.object(document, "route_pages", _blind_route):
        try:
            blank = document.extract_document(path, settings)
        except Exception:  # noqa: BLE001 - no table found by header at all
            blank = ExtractedDocument(printed.identity, printed.pages)
    titled = Counter(t.table_type for t in printed.tables)
    found = Counter(t.table_type for t in blank.tables)
    blind.titled += sum(titled.values())
    blind.same += sum((titled & found).values())
    blind.other += sum((found - titled).values())
    lines = Counter(printed.lines)
    blind.amounts += sum(lines.values())
    blind.same_amounts += sum((lines & Counter(blank.lines)).values())


def main_blind(folders: list[Path], per_folder: int) -> dict[str, Blind]:
    results: dict[str, Blind] = {}
    print(f"{'source':28} {'titled':>6} {'same':>5} {'other':>5} {'amounts':>8} {'same amounts':>12}")
    for folder in folders:
        blind = results.setdefault(folder.name, Blind())
        for path in sorted(folder.rglob("*.pdf"))[: per_folder or None]:
            blind_compare(path, blind)
        print(
            f"{folder.name:28} {blind.titled:6} {blind.same:5} {blind.other:5} {blind.amounts:8} "
            f"{blind.same_amounts:12}"
        )
    titled = sum(b.titled for b in results.values())
    same = sum(b.same for b in results.values())
    other = sum(b.other for b in results.values())
    amounts = sum(b.amounts for b in results.values())
    same_amounts = sum(b.same_amounts for b in results.values())
    print(
        f"{'all':28} {titled:6} {same:5} {other:5} {amounts:8} {same_amounts:12}  "
        f"tables {same / max(titled, 1):.1%}, amounts {same_amounts / max(amounts, 1):.1%}"
    )
    return results


def main(argv: list[str] | None = None) -> dict[str, Tally]:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--per-folder", type=int, default=0, help="documents per source folder (0: all)")
    parser.add_argument("--blind", action="store_true", help="end to end, titles removed from routing")
    args = parser.parse_args(argv)
    tallies: dict[str, Tally] = {}
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}: skipped")
        return tallies
    folders = sorted(p for p in args.corpus.iterdir() if p.is_dir())
    if args.blind:
        main_blind(folders, args.per_folder)
        return tallies
    for folder in folders:
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
