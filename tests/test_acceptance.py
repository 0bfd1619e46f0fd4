"""Acceptance through the real command line: the demo corpus and the real PDFs, ingested into a
warehouse and read back through the contract views only.

- demo corpus: every table type exact (precision = recall = 1), every file with its expected status,
  and the findings are exactly the planted inconsistencies (no error-severity finding elsewhere);
- the real Putuo final accounts: the warehouse holds exactly the hand-checked amounts; the template
  loads its nine tables and not one amount from a placeholder.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from countybudget.score import score
from tests.samplegen_support import demo_corpus_dir, load_truths

REPO = Path(__file__).resolve().parents[1]
REAL_PDFS = REPO.parent / "shared" / "real-pdfs"
PUTUO = "putuo-shehui-gongzuobu-2024-final.pdf"
TEMPLATE = "template-department-final-2024.pdf"
pytestmark = pytest.mark.slow


def ingest(inbox: Path, published: Path, home: Path) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-m", "countybudget.cli", "ingest", str(inbox), "--warehouse", str(published)],
        cwd=REPO,
        env=os.environ | {"DAGSTER_HOME": str(home), "COLUMNS": "250"},
        capture_output=True,
        text=True,
        timeout=1200,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done


def rows(published: Path, sql: str) -> list[dict]:
    with duckdb.connect(str(published), read_only=True) as con:
        return con.sql(sql).to_arrow_table().to_pylist()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    corpus, folder = demo_corpus_dir(), tmp_path_factory.mktemp("demo")
    published = folder / "warehouse.duckdb"
    ingest(corpus / "pdfs", published, folder / "home")
    return corpus, published


def test_demo_corpus_scores_exact_for_every_table_type(demo: tuple[Path, Path], figures) -> None:
    corpus, published = demo
    result = score(published, corpus / "truth")
    assert result.documents == len(load_truths(corpus)) == result.found == result.status_agrees
    for table_type, table in sorted(result.tables.items()):
        assert (table.precision, table.recall) == (1.0, 1.0), table_type
        figures(
            f"{table_type}: {table.matched} of {table.truth} exact amounts, precision 1.0000, recall 1.0000"
        )


def test_demo_findings_are_exactly_the_planted_ones(demo: tuple[Path, Path], figures) -> None:
    corpus, published = demo
    found: dict[str, Counter] = {}
    for row in rows(
        published,
        "SELECT d.source_path, f.check, f.severity, f.expected_yuan, f.actual_yuan "
        "FROM v_dq_findings f JOIN v_documents d USING (document_id)",
    ):
        relative = Path(row["source_path"]).relative_to(corpus).as_posix()
        amounts = tuple(None if a is None else f"{a:.2f}" for a in (row["expected_yuan"], row["actual_yuan"]))
        found.setdefault(relative, Counter())[(row["check"], *amounts)] += 1
    expected = {
        t["file"]: Counter((e["check"], e["expected_yuan"], e["actual_yuan"]) for e in t["expected_findings"])
        for t in load_truths(corpus)
        if t["expected_findings"]
    }
    assert found == expected
    figures(
        f"{sum(c.total() for c in expected.values())} planted findings in {len(expected)} documents, all found, none else"
    )


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not (REAL_PDFS / PUTUO).is_file():
        pytest.skip(f"real PDFs not found at {REAL_PDFS}")
    folder = tmp_path_factory.mktemp("real")
    (folder / "inbox").mkdir()
    for name in (PUTUO, TEMPLATE):
        shutil.copyfile(REAL_PDFS / name, folder / "inbox" / name)
    published = folder / "warehouse.duckdb"
    ingest(folder / "inbox", published, folder / "home")
    return published


def document_of(published: Path, name: str) -> dict:
    (document,) = rows(
        published,
        "SELECT document_id, county, department, fiscal_year, phase, status, tables_found FROM v_documents "
        f"WHERE source_path LIKE '%/{name}'",
    )
    return document


def test_warehouse_holds_exactly_the_hand_checked_putuo_amounts(real: Path) -> None:
    expected = json.loads(
        (REPO / "tests" / "expected" / f"{Path(PUTUO).stem}.json").read_text(encoding="utf-8")
    )
    document = document_of(real, PUTUO)
    want = Counter(
        (x["table_type"], x["code"], x["item"], x["measure"], Decimal(x["amount_yuan"]), x["page"])
        for x in expected["lines"]
    )
    got = Counter(
        tuple(r.values())
        for r in rows(
            real,
            "SELECT table_type, code, item, measure, amount_yuan, page FROM v_budget_lines "
            f"WHERE document_id = '{document['document_id']}'",
        )
    )
    assert got == want
    assert sum(got.values()) == 205
    assert {k: document[k] for k in ("county", "department", "fiscal_year", "phase", "status")} == {
        "county": "普陀区",
        "department": "中共上海市普陀区委社会工作部",
        "fiscal_year": 2024,
        "phase": "final",
        "status": "loaded",
    }
    assert len(document["tables_found"]) == 9


def test_template_loads_nine_tables_and_no_placeholder_amount(real: Path) -> None:
    document = document_of(real, TEMPLATE)
    assert document["status"] == "loaded"
    assert len(document["tables_found"]) == 9
    count = rows(
        real, f"SELECT count(*) AS n FROM v_budget_lines WHERE document_id = '{document['document_id']}'"
    )
    assert count == [{"n": 0}]
