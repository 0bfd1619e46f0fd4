"""Scanned documents (form b) read page by page with OCR, scored against the generator's truth.

``python -m bench.ocr_scan SCANNED [--limit N]`` where SCANNED holds ``pdfs/``, ``truth/`` and
``scans/`` from ``samplegen.scan``. Each document goes through ``extract_document`` as in
ingest: with no text layer it takes the scan path (``extract.scanned``: each page's embedded image
read by ``extract.ocr.page.read_scanned_page``; its lines feed identity, routing, the narrative and
the targets, its grids stitching and row reading). Printed per table type:

- exact: truth amounts read with the same table type, code, item, measure, page and amount;
- wrong: a truth line's identity read with another amount; ``silent`` = wrong amounts whose cell
  no arithmetic identity checks or that one still confirms (``checks.verification.Verifier``):
  these would reach the warehouse unflagged (target 0);
- missed / extra lines; narrative figures exact; deskew error against the known angle;
  seconds per page: wall (inflated by whatever else shares the cores) and CPU (this process).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from checks.line_index import department_lines, unit_sections
from checks.verification import Verifier
from extract import scanned
from extract.document import extract_document
from extract.model import BudgetLine, ExtractedDocument, QuarantineError
from extract.ocr.page import ScannedPage
from extract.settings import ExtractSettings

Key = tuple[str, str | None, str | None, str, int]  # a line's identity without its amount


@dataclass
class Tally:
    exact: Counter = field(default_factory=Counter)
    truth: Counter = field(default_factory=Counter)
    wrong: Counter = field(default_factory=Counter)
    silent: Counter = field(default_factory=Counter)
    extra: Counter = field(default_factory=Counter)
    narrative: list[int] = field(default_factory=lambda: [0, 0])  # exact, truth
    skew_errors: list[float] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def read_scanned_document(
    path: Path, settings: ExtractSettings | None = None
) -> tuple[ExtractedDocument, dict[int, ScannedPage]]:
    """A scanned PDF read by ``extract_document`` (its scan path, ``extract.scanned``), and each
    page OCR read (skew taken out, seconds)."""
    pages: dict[int, ScannedPage] = {}
    previous = scanned.on_page
    scanned.on_page = pages.__setitem__
    try:
        return extract_document(path, settings), pages
    finally:
        scanned.on_page = previous


def flagged_cells(doc: ExtractedDocument) -> tuple[set, set]:
    """(cells an identity checks, cells an identity confirms), per view as verified_counts does."""
    checked, confirmed = set(), set()
    for lines in [department_lines(doc.lines), *unit_sections(doc.lines).values()]:
        verifier = Verifier(dataclasses.replace(doc, lines=lines))
        checked |= verifier.checked
        confirmed |= verifier.confirmed
    return checked, confirmed


def _key(line: BudgetLine | dict) -> Key:
    if isinstance(line, dict):
        return (line["table_type"], line["code"], line["item"], line["measure"], line["page"])
    return (line.table_type, line.code, line.item, line.measure, line.page)


def score_document(doc: ExtractedDocument, truth: dict, tally: Tally, name: str) -> None:
    expected: dict[Key, Counter] = defaultdict(Counter)
    for row in truth["lines"]:
        expected[_key(row)][row["amount_yuan"]] += 1
    got: dict[Key, Counter] = defaultdict(Counter)
    for line in doc.lines:
        got[_key(line)][f"{line.amount_yuan:.2f}"] += 1
    checked, confirmed = flagged_cells(doc)
    for key, amounts in expected.items():
        table = key[0]
        tally.truth[table] += sum(amounts.values())
        read = got.get(key, Counter())
        tally.exact[table] += sum((amounts & read).values())
        for amount in (read - amounts).elements():  # read with another amount
            tally.wrong[table] += 1
            cell = (table, key[1] or key[2], key[3])
            unflagged = cell not in checked or cell in confirmed
            tally.silent[table] += unflagged
            tally.problems.append(
                f"{'SILENT' if unflagged else 'flagged'} wrong {name} {key} read {amount} truth {sorted(amounts)}"
            )
        for amount in (amounts - read).elements():
            tally.problems.append(f"missed {name} {key} {amount}")
    for key, amounts in got.items():
        if key not in expected:
            tally.extra[key[0]] += sum(amounts.values())
            tally.problems.append(f"extra {name} {key} {sorted(amounts)}")
    want = Counter((n["metric"], n["amount_yuan"]) for n in truth["narrative"])
    have = Counter((n.metric, f"{n.amount_yuan:.2f}") for n in doc.narrative)
    tally.narrative[0] += sum((want & have).values())
    tally.narrative[1] += sum(want.values())


def run(folder: Path, limit: int | None, page_budget: float = 600.0) -> Tally:
    """Score every scanned document of ``folder``; each page may take ``page_budget`` wall seconds
    (ingest's 60 s would skip pages on a machine shared far beyond its cores, and skew the score)."""
    tally = Tally()
    settings = ExtractSettings(ocr_seconds_per_page=page_budget)
    for truth_file in sorted((folder / "truth").glob("*.json"))[:limit]:
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        started, cpu = time.perf_counter(), time.process_time()
        try:
            doc, pages = read_scanned_document(folder / truth["file"], settings)
        except QuarantineError as error:
            tally.problems.append(f"quarantined {truth_file.stem}: {error}")
            continue
        elapsed = time.perf_counter() - started
        tally.seconds.extend([elapsed / doc.pages] * doc.pages)
        tally.cpu.extend([(time.process_time() - cpu) / doc.pages] * doc.pages)
        scans = folder / "scans" / truth_file.name
        if scans.exists():
            for scan in json.loads(scans.read_text(encoding="utf-8")):
                if scan["page"] in pages:
                    tally.skew_errors.append(abs(pages[scan["page"]].angle - scan["angle"]))
        score_document(doc, truth, tally, truth_file.stem)
        tally.problems += [f"{truth_file.stem}: {error}" for table in doc.tables for error in table.errors]
        print(f"{truth_file.stem}: {doc.pages} pages, {elapsed:.1f} s", file=sys.stderr)
    return tally


def report(tally: Tally) -> dict:
    tables = {
        table: {
            "truth": tally.truth[table],
            "exact": tally.exact[table],
            "share": round(tally.exact[table] / tally.truth[table], 4) if tally.truth[table] else 1.0,
            "wrong": tally.wrong[table],
            "silent_wrong": tally.silent[table],
            "extra": tally.extra[table],
        }
        for table in sorted(set(tally.truth) | set(tally.extra))
    }
    truth, exact = sum(tally.truth.values()), sum(tally.exact.values())
    pages = len(tally.seconds)
    return {
        "tables": tables,
        "all": {
            "truth": truth,
            "exact": exact,
            "share": round(exact / truth, 4) if truth else 1.0,
            "wrong": sum(tally.wrong.values()),
            "silent_wrong": sum(tally.silent.values()),
            "extra": sum(tally.extra.values()),
        },
        "narrative": {"exact": tally.narrative[0], "truth": tally.narrative[1]},
        "skew_error_deg": {
            "mean": round(sum(tally.skew_errors) / len(tally.skew_errors), 3) if tally.skew_errors else None,
            "max": round(max(tally.skew_errors), 3) if tally.skew_errors else None,
        },
        "pages": pages,
        "seconds_per_page": round(sum(tally.seconds) / pages, 2) if pages else 0.0,
        "cpu_seconds_per_page": round(sum(tally.cpu) / pages, 2) if pages else 0.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("folder", type=Path, help="samplegen.scan output (pdfs/, truth/, scans/)")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N documents")
    parser.add_argument("--page-budget", type=float, default=600.0, help="wall seconds a page may take")
    args = parser.parse_args()
    tally = run(args.folder, args.limit, args.page_budget)
    for problem in tally.problems:
        print(problem, file=sys.stderr)
    print(json.dumps(report(tally), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
