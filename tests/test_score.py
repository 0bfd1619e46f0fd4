"""``countybudget score`` on a tiny hand-made truth: exact multiset matching per table."""

from __future__ import annotations

import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from rich.console import Console

from extract.model import ReasonClass
from schemas.frames import document_frames
from tests.warehouse_fixtures import ensure_classification, sample_document, sha_of

ensure_classification()

from countybudget.score import print_score, score  # noqa: E402
from warehouse.loader import DocumentRecord, WarehouseWriter  # noqa: E402


def truth_line(line: object) -> dict:
    return {
        "table_type": line.table_type,
        "code": line.code,
        "item": line.item,
        "measure": line.measure,
        "amount_yuan": f"{line.amount_yuan:.2f}",
        "page": line.page,
    }


def write_truth(
    folder: Path,
    name: str,
    sha: str,
    lines: list[dict],
    status: str = "loaded",
    reason: str | None = None,
    year: int | None = 2024,
) -> None:
    data = {
        "file": f"pdfs/{name}.pdf",
        "sha256": sha,
        "expected_status": status,
        "reason_class": reason,
        "county": "白石县" if year else None,
        "department": "白石县教育局" if year else None,
        "fiscal_year": year,
        "phase": "budget" if year else None,
        "lines": lines,
    }
    (folder / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def load(writer: WarehouseWriter, name: str, **doc_args: object) -> None:
    sha = sha_of(name)
    record = DocumentRecord(sha[:16], sha, f"{name}.pdf")
    writer.load_document(record, document_frames(sample_document(**doc_args), sha[:16]), [])


@pytest.fixture(scope="module")
def scored(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("score")
    warehouse, truthdir = root / "w.duckdb", root / "truth"
    truthdir.mkdir()
    with WarehouseWriter(warehouse) as writer:
        load(writer, "a")
        load(writer, "c-copy", year=2023)
        load(writer, "e-not-in-truth", department="白石县财政局")
        load(writer, "f-old", department="白石县文化和旅游局")
        load(writer, "f-new", department="白石县文化和旅游局")  # a re-issue supersedes f-old
        sha_b = sha_of("b")
        writer.quarantine_document(
            DocumentRecord(sha_b[:16], sha_b, "b.pdf"), ReasonClass.NO_TEXT_LAYER, "scan"
        )
    lines_a = [truth_line(line) for line in sample_document().lines]
    changed = next(x for x in lines_a if x["code"] == "205" and x["measure"] == "total")
    changed["amount_yuan"] = "1.00"
    lines_a.append(
        {
            "table_type": "basic_expenditure_economic",
            "code": "302",
            "item": "商品和服务支出",
            "measure": "total",
            "amount_yuan": "7.00",
            "page": 9,
        }
    )
    write_truth(truthdir, "a", sha_of("a"), lines_a)
    write_truth(truthdir, "b", sha_of("b"), [], status="quarantined", reason="no_text_layer", year=None)
    write_truth(
        truthdir,
        "c",
        sha_of("c-original"),
        [truth_line(x) for x in sample_document(year=2023).lines],
        year=2023,
    )
    write_truth(truthdir, "d", sha_of("d"), [], status="quarantined", reason="not_pdf", year=None)
    write_truth(truthdir, "f", sha_of("f-old"), [truth_line(x) for x in sample_document().lines])
    return warehouse, truthdir


def test_score_counts_exact_matches_per_table(scored: tuple[Path, Path]) -> None:
    result = score(*scored)
    figures = {name: (s.truth, s.extracted, s.matched) for name, s in result.tables.items()}
    assert figures == {"expenditure": (24, 24, 23), "basic_expenditure_economic": (5, 4, 4)}
    assert result.tables["expenditure"].precision == pytest.approx(23 / 24)
    assert result.tables["basic_expenditure_economic"].recall == pytest.approx(4 / 5)
    assert (result.overall.truth, result.overall.extracted, result.overall.matched) == (29, 28, 27)
    assert (result.documents, result.found, result.status_agrees, result.superseded) == (5, 4, 4, 1)
    assert result.status_mismatches == [("pdfs/d.pdf", "quarantined (not_pdf)", "absent")]
    assert result.worst_documents(5) == [("pdfs/a.pdf", 2, 1)]
    assert [key for _, key in result.spurious] == [
        ("expenditure", "205", "教育支出", "total", Decimal("12345678.91"))
    ]
    assert sorted(key for _, key in result.missed) == [
        ("basic_expenditure_economic", "302", "商品和服务支出", "total", Decimal("7.00")),
        ("expenditure", "205", "教育支出", "total", Decimal("1.00")),
    ]


def test_print_score_prints_the_table(scored: tuple[Path, Path]) -> None:
    out = io.StringIO()
    assert print_score(*scored, console=Console(file=out, width=120)) == 0
    text = out.getvalue()
    assert "│ expenditure                │    24 │        24 │      23 │    0.9583 │ 0.9583 │" in text
    assert "4/5 truth documents found; status as expected: 4/5; superseded (not scored): 1" in text
    assert "worst: pdfs/a.pdf missed 2, spurious 1" in text
    assert "status: pdfs/d.pdf expected quarantined (not_pdf), got absent" in text
    assert "spurious: pdfs/a.pdf ('expenditure', '205', '教育支出', 'total') 12345678.91" in text


def test_nothing_to_score_is_exit_2(tmp_path: Path) -> None:
    out = io.StringIO()
    assert print_score(tmp_path / "absent.duckdb", tmp_path, console=Console(file=out)) == 2
    assert "nothing to score" in out.getvalue()


def test_a_file_replaced_in_place_is_scored_as_its_current_version(tmp_path: Path) -> None:
    """The old bytes at a path are superseded by the new bytes at the same path: the truth (new bytes)
    pairs with the loaded row, not the superseded one."""
    warehouse, truthdir = tmp_path / "w.duckdb", tmp_path / "truth"
    truthdir.mkdir()
    with WarehouseWriter(warehouse) as writer:
        for version, total in (("g-old", Decimal("100.00")), ("g-new", Decimal("12345678.91"))):
            sha = sha_of(version)
            frames = document_frames(sample_document(total), sha[:16])
            writer.load_document(DocumentRecord(sha[:16], sha, "/inbox/g.pdf"), frames, [])
    write_truth(truthdir, "g", sha_of("g-new"), [truth_line(x) for x in sample_document().lines])

    result = score(warehouse, truthdir)

    assert (result.documents, result.found, result.status_agrees, result.superseded) == (1, 1, 1, 0)
    assert (result.overall.truth, result.overall.extracted, result.overall.matched) == (14, 14, 14)
