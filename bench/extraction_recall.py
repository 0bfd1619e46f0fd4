"""Exact-line recall and precision of ``extract_document`` against the sample generator's truth.

A line matches only when table_type, code, item, measure, amount and page are all equal.
``python -m bench.extraction_recall OUTDIR`` scores an existing corpus (or generates the demo
corpus into a temporary folder) and prints one row per table type plus every mismatch.
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from extract.document import extract_document
from extract.model import QuarantineError
from extract.settings import ExtractSettings

_OURS = ("no_text_layer", "not_budget", "no_tables")
Key = tuple[str, str | None, str | None, str, str, int]


@dataclass
class Score:
    """Matched / extra / missed line counts per table type, and examples of each mismatch."""

    matched: Counter = field(default_factory=Counter)
    extra: Counter = field(default_factory=Counter)
    missed: Counter = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)
    by_measure: dict[str, Counter] = field(
        default_factory=lambda: {"matched": Counter(), "extra": Counter(), "missed": Counter()}
    )  # the same counts per (table_type, measure)

    def table_types(self) -> list[str]:
        return sorted(set(self.matched) | set(self.extra) | set(self.missed))

    def precision(self, table_type: str) -> float:
        found = self.matched[table_type] + self.extra[table_type]
        return self.matched[table_type] / found if found else 1.0

    def recall(self, table_type: str) -> float:
        expected = self.matched[table_type] + self.missed[table_type]
        return self.matched[table_type] / expected if expected else 1.0


def truth_keys(truth: dict) -> Counter:
    return Counter(
        (r["table_type"], r["code"], r["item"], r["measure"], r["amount_yuan"], r["page"])
        for r in truth["lines"]
    )


def compare(name: str, expected: Counter, actual: Counter, score: Score) -> None:
    for key in expected | actual:
        both = min(expected[key], actual[key])
        score.matched[key[0]] += both
        score.missed[key[0]] += expected[key] - both
        score.extra[key[0]] += actual[key] - both
        measure = (key[0], key[3])
        score.by_measure["matched"][measure] += both
        score.by_measure["missed"][measure] += expected[key] - both
        score.by_measure["extra"][measure] += actual[key] - both
        if expected[key] != actual[key]:
            score.problems.append(f"{name}: {'missed' if expected[key] > actual[key] else 'extra'} {key}")


def score_corpus(outdir: Path, settings: ExtractSettings | None = None) -> Score:
    """Extract every PDF of a generated corpus and compare with its truth file."""
    score = Score()
    settings = settings or ExtractSettings(run_narrative=False)
    for truth_path in sorted((outdir / "truth").glob("*.json")):
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        pdf = outdir / truth["file"]
        if truth["expected_status"] == "quarantined" and truth.get("reason_class") not in _OURS:
            continue  # preflight's business (not_pdf, corrupt, encrypted, duplicate, ...)
        try:
            document = extract_document(pdf, settings)
        except QuarantineError as error:
            if truth["expected_status"] != "quarantined":
                score.problems.append(f"{truth['file']}: quarantined unexpectedly: {error}")
                compare(truth["file"], truth_keys(truth), Counter(), score)
            elif truth.get("reason_class") not in (None, error.reason.value):
                score.problems.append(
                    f"{truth['file']}: reason {error.reason.value}, expected {truth['reason_class']}"
                )
            continue
        if truth["expected_status"] == "quarantined":
            if truth.get("reason_class") in _OURS:
                score.problems.append(f"{truth['file']}: loaded, expected quarantine {truth['reason_class']}")
            continue
        actual = Counter(
            (x.table_type, x.code, x.item, x.measure, f"{x.amount_yuan:.2f}", x.page) for x in document.lines
        )
        compare(truth["file"], truth_keys(truth), actual, score)
        identity = document.identity
        got = (identity.county, identity.department, identity.fiscal_year, identity.phase)
        want = (truth["county"], truth["department"], truth["fiscal_year"], truth["phase"])
        if got != want:
            score.problems.append(f"{truth['file']}: identity {got}, expected {want}")
        if sorted(document.tables_found) != sorted(truth["tables_present"]):
            score.problems.append(
                f"{truth['file']}: tables {document.tables_found}, expected {truth['tables_present']}"
            )
        for report in document.tables:
            score.problems.extend(f"{truth['file']}: {report.table_type}: {error}" for error in report.errors)
    return score


def main() -> None:
    if len(sys.argv) > 1:
        outdir = Path(sys.argv[1])
    else:
        from samplegen.corpus import write_corpus

        outdir = Path(tempfile.mkdtemp(prefix="recall-demo-"))
        write_corpus(outdir, size="demo")
    score = score_corpus(outdir)
    for table_type in score.table_types():
        print(
            f"{table_type:30s} precision {score.precision(table_type):.4f} recall {score.recall(table_type):.4f} "
            f"(matched {score.matched[table_type]}, extra {score.extra[table_type]}, missed {score.missed[table_type]})"
        )
    print("per measure (matched / extra / missed):")
    counts = score.by_measure
    for table_type, measure in sorted(set().union(*counts.values())):
        key = (table_type, measure)
        print(
            f"  {table_type:30s} {measure:22s} {counts['matched'][key]:6d} {counts['extra'][key]:4d} "
            f"{counts['missed'][key]:4d}"
        )
    for problem in score.problems:
        print("  ", problem)
    print(f"{len(score.problems)} problems")


if __name__ == "__main__":
    main()
