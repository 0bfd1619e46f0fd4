"""Helpers for the stage-2 tests: generate good PDFs, run ``countybudget ingest`` as a subprocess
(optionally armed with a failpoint), and read a warehouse file's per-document state."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from extract.limits import MIB
from warehouse.failpoints import FAILPOINT_ENV
from warehouse.publish import TEMP_SUFFIX, connect_published

REPO = Path(__file__).resolve().parents[1]
INGEST_ENV = {"COUNTYBUDGET_MAX_BYTES": str(2 * MIB), "COLUMNS": "250"}  # over_size_limit.pdf is 3 MiB
# Per document: status, reason, amounts and their exact sum, narrative figures, findings.
DOCUMENT_STATE_SQL = """
SELECT d.document_id, d.status, d.reason,
       (SELECT count(*) FROM v_budget_lines l WHERE l.document_id = d.document_id),
       (SELECT sum(amount_yuan) FROM v_budget_lines l WHERE l.document_id = d.document_id),
       (SELECT count(*) FROM v_narrative_metrics n WHERE n.document_id = d.document_id),
       (SELECT count(*) FROM v_dq_findings f WHERE f.document_id = d.document_id)
FROM v_documents d ORDER BY d.document_id
"""

# Per document, straight from the fact tables (the views join dim_document, so they would hide rows
# of a document whose dimension row is missing): rows, and exact sums where the table has amounts.
FACT_STATE_SQL = """
SELECT document_id, 'budget_line', count(*), sum(amount_yuan) FROM fact_budget_line GROUP BY ALL
UNION ALL SELECT document_id, 'narrative_metric', count(*), sum(amount_yuan) FROM fact_narrative_metric GROUP BY ALL
UNION ALL SELECT document_id, 'performance_target', count(*), NULL FROM fact_performance_target GROUP BY ALL
UNION ALL SELECT document_id, 'project', count(*), NULL FROM fact_project GROUP BY ALL
UNION ALL SELECT document_id, 'table_report', count(*), NULL FROM fact_table_report GROUP BY ALL
"""


def write_good_corpus(folder: Path, departments: int, first: int = 0) -> list[Path]:
    """Sample disclosures (3 years x budget/final per department) from the project's generator."""
    from samplegen.corpus import generate, plan

    generate(plan(folder, "demo", 2024)[first : first + departments], workers=1)
    return sorted((folder / "pdfs").rglob("*.pdf"))


def ingest_argv(inputs: list[Path], published: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "countybudget.cli",
        "ingest",
        *map(str, inputs),
        "--warehouse",
        str(published),
    ]


def ingest_env(home: Path, failpoint: str | None = None) -> dict[str, str]:
    path = os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env = {key: value for key, value in os.environ.items() if key != FAILPOINT_ENV}
    armed = {FAILPOINT_ENV: failpoint} if failpoint else {}
    return env | INGEST_ENV | {"DAGSTER_HOME": str(home), "PYTHONPATH": path} | armed


def run_ingest(inputs: list[Path], published: Path, home: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        ingest_argv(inputs, published),
        cwd=published.parent,
        env=ingest_env(home),
        capture_output=True,
        text=True,
        timeout=900,
    )


def start_ingest(
    inputs: list[Path], published: Path, home: Path, log: Path, failpoint: str | None = None
) -> subprocess.Popen:
    """An ingest in its own session, so the whole process group (workers included) can be killed.

    ``failpoint`` (``warehouse/failpoints.py``) makes the ingest SIGKILL itself at that point.
    """
    with log.open("w") as out:
        return subprocess.Popen(
            ingest_argv(inputs, published),
            cwd=published.parent,
            env=ingest_env(home, failpoint),
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def document_state(warehouse: Path) -> dict[str, tuple]:
    """Per document_id: (status, reason, amounts, sum of amounts, narrative figures, findings)."""
    con = connect_published(warehouse)
    try:
        return {row[0]: tuple(row[1:]) for row in con.execute(DOCUMENT_STATE_SQL).fetchall()}
    finally:
        con.close()


def fact_state(warehouse: Path) -> dict[str, dict[str, tuple]]:
    """Per document_id, per fact table that holds its rows: (rows, exact sum of amounts or None)."""
    con = connect_published(warehouse)
    try:
        state: dict[str, dict[str, tuple]] = {}
        for doc_id, table, rows, total in con.execute(FACT_STATE_SQL).fetchall():
            state.setdefault(doc_id, {})[table] = (rows, total)
        return state
    finally:
        con.close()


def publishing_temps(published: Path) -> list[Path]:
    """Temporary copies of a publish (``.<name>.*.publishing``) lying beside the published file."""
    return sorted(published.parent.glob(f".{published.name}.*{TEMP_SUFFIX}"))


def staged_count(published: Path, stage: str, document_ids: set[str]) -> int:
    """How many of these documents have a staged ``<stage>.json`` (``outcome`` is written after each load)."""
    folder = published.with_name(f"{published.stem}.staging") / "documents"
    return sum((folder / doc_id / f"{stage}.json").exists() for doc_id in document_ids)


def wait_for(condition: Callable[[], bool], process: subprocess.Popen, timeout: float = 600) -> bool:
    """Poll every 10 ms; False if the process ended (or time ran out) before the condition held."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        if process.poll() is not None:
            return condition()
        time.sleep(0.01)
    return False
