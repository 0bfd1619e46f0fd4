"""``countybudget score``: per-table precision and recall of exact amounts against the truth files.

A line matches when document, table_type, code, item, measure and amount_yuan are all equal
(multiset match: a repeated line must be extracted as often as it is printed).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import duckdb
from rich.console import Console
from rich.table import Table

from countybudget.truth import LineKey, TruthDocument, read_truth
from warehouse.sqlfiles import sql_text


@dataclass
class TableScore:
    truth: int = 0
    extracted: int = 0
    matched: int = 0

    @property
    def precision(self) -> float | None:
        return self.matched / self.extracted if self.extracted else None

    @property
    def recall(self) -> float | None:
        return self.matched / self.truth if self.truth else None


@dataclass
class Score:
    tables: dict[str, TableScore] = field(default_factory=dict)
    documents: int = 0  # truth files
    found: int = 0  # truth files paired with a warehouse document
    status_agrees: int = 0  # expected_status (and reason) equal to the warehouse's
    superseded: int = 0  # paired with a document a re-issue replaced: its lines are left out
    status_mismatches: list[tuple[str, str, str]] = field(default_factory=list)  # file, expected, actual
    missed: list[tuple[str, LineKey]] = field(default_factory=list)  # in truth, not extracted
    spurious: list[tuple[str, LineKey]] = field(default_factory=list)  # extracted, not in truth

    def worst_documents(self, count: int) -> list[tuple[str, int, int]]:
        """(file, missed, spurious) for the documents with the most wrong lines."""
        missed, spurious = Counter(f for f, _ in self.missed), Counter(f for f, _ in self.spurious)
        files = sorted(set(missed) | set(spurious), key=lambda f: (-(missed[f] + spurious[f]), f))
        return [(f, missed[f], spurious[f]) for f in files[:count]]

    @property
    def overall(self) -> TableScore:
        scores = self.tables.values()
        return TableScore(
            truth=sum(s.truth for s in scores),
            extracted=sum(s.extracted for s in scores),
            matched=sum(s.matched for s in scores),
        )


def _relative_to_pdfs(file: str) -> str:
    """A truth file's path below the corpus's ``pdfs/`` folder (the inbox may be a copy of it)."""
    return file.split("pdfs/", 1)[1] if file.startswith("pdfs/") else file


def _path_suffixes(path: str) -> list[str]:
    """Every trailing run of a path's parts: ``a/b/c.pdf`` → ``c.pdf``, ``b/c.pdf``, ``a/b/c.pdf``."""
    parts = PurePosixPath(path).parts
    return ["/".join(parts[-n:]) for n in range(1, len(parts) + 1)]


def pair_documents(truth: list[TruthDocument], rows: list[dict]) -> dict[str, dict]:
    """truth file → warehouse document row: by source path (the row with the truth's bytes first),
    else content hash, else identity.

    The path comes first because two files with the same bytes are two rows (the second one
    quarantined as a duplicate) that share a content hash; the bytes break the tie between an old
    version of a file, superseded, and the current one at the same path.
    """
    by_suffix: dict[str, list[dict]] = {}
    for r in rows:
        for suffix in _path_suffixes(Path(r["source_path"] or "").as_posix()):
            by_suffix.setdefault(suffix, []).append(r)
    by_sha = {r["sha256"]: r for r in rows if r["status"] != "quarantined" or r["reason"] != "duplicate"}
    by_identity = {
        (r["county"], r["department"], r["fiscal_year"], r["phase"]): r
        for r in rows
        if r["status"] == "loaded"
    }
    paired = {}
    for t in truth:
        at_path = by_suffix.get(_relative_to_pdfs(t.file), [])
        row = next((r for r in at_path if r["sha256"] == t.sha256), at_path[0] if at_path else None)
        row = row or by_sha.get(t.sha256) or (by_identity.get(t.identity) if t.identity else None)
        if row is not None:
            paired[t.file] = row
    return paired


def _status_text(status: str, reason: str | None) -> str:
    return f"{status} ({reason})" if reason else status


def _status_agrees(t: TruthDocument, row: dict) -> bool:
    if t.expected_status == "quarantined":
        return row["status"] == "quarantined" and (t.reason_class is None or row["reason"] == t.reason_class)
    return row["status"] in ("loaded", "superseded") and t.expected_status == "loaded"


def score(warehouse: Path, truthdir: Path) -> Score:
    truth = read_truth(truthdir)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.sql(sql_text("score_documents.sql")).to_arrow_table().to_pylist()
        paired = pair_documents(truth, rows)
        ids = sorted({r["document_id"] for r in paired.values()})
        lines = (
            con.sql(sql_text("score_lines.sql"), params={"document_ids": ids}).to_arrow_table().to_pylist()
        )
    extracted: dict[str, Counter[LineKey]] = {}
    for line in lines:
        key = (line["table_type"], line["code"], line["item"], line["measure"], line["amount_yuan"])
        extracted.setdefault(line["document_id"], Counter())[key] += 1
    result = Score(documents=len(truth), found=len(paired))
    for t in truth:
        row = paired.get(t.file)
        if row is not None and _status_agrees(t, row):
            result.status_agrees += 1
        else:
            result.status_mismatches.append(
                (
                    t.file,
                    _status_text(t.expected_status, t.reason_class),
                    _status_text(row["status"], row["reason"]) if row else "absent",
                )
            )
        if row is not None and row["status"] == "superseded":
            result.superseded += 1
            continue
        expected = Counter(t.lines)
        got = extracted.get(row["document_id"], Counter()) if row else Counter()
        _tally(result, t.file, expected, got)
    return result


def _tally(result: Score, file: str, expected: Counter[LineKey], got: Counter[LineKey]) -> None:
    for key, n in expected.items():
        result.tables.setdefault(key[0], TableScore()).truth += n
    for key, n in got.items():
        result.tables.setdefault(key[0], TableScore()).extracted += n
    for key, n in (expected & got).items():
        result.tables[key[0]].matched += n
    result.missed += [(file, k) for k in (expected - got).elements()]
    result.spurious += [(file, k) for k in (got - expected).elements()]


def _ratio(value: float | None) -> str:
    return "—" if value is None else f"{value:.4f}"


def score_table(result: Score) -> Table:
    table = Table(
        title="Exact amounts against the truth",
        caption=(
            f"{result.found}/{result.documents} truth documents found; status as expected: "
            f"{result.status_agrees}/{result.documents}; superseded (not scored): {result.superseded}"
        ),
    )
    for name in ("table_type", "truth", "extracted", "matched", "precision", "recall"):
        table.add_column(name, justify="left" if name == "table_type" else "right")
    rows = sorted(result.tables.items()) + [("all", result.overall)]
    for name, s in rows:
        table.add_row(
            name, str(s.truth), str(s.extracted), str(s.matched), _ratio(s.precision), _ratio(s.recall)
        )
    return table


def print_score(warehouse: Path, truthdir: Path, examples: int = 5, console: Console | None = None) -> int:
    """Print the score table and a few missed / spurious lines; exit code 2 when there is nothing to score."""
    console = console or Console()
    if not Path(warehouse).exists() or not any(Path(truthdir).rglob("*.json")):
        console.print(f"nothing to score: need {warehouse} and truth JSON files under {truthdir}")
        return 2
    result = score(Path(warehouse), Path(truthdir))
    console.print(score_table(result))
    for file, missed, spurious in result.worst_documents(examples):
        console.print(f"worst: {file} missed {missed}, spurious {spurious}", markup=False)
    for file, expected, actual in result.status_mismatches[:examples]:
        console.print(f"status: {file} expected {expected}, got {actual}", markup=False)
    for label, found in (("missed", result.missed), ("spurious", result.spurious)):
        for file, key in found[:examples]:
            console.print(f"{label}: {file} {key[:4]} {key[4]}", markup=False)
    return 0
