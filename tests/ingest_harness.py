"""Helpers for the stage-2 tests: generate good PDFs, run ``countybudget ingest`` as a subprocess,
and read the published warehouse's per-document state."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from extract.limits import MIB
from warehouse.publish import connect_published

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


def ingest_env(home: Path) -> dict[str, str]:
    path = os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return os.environ | INGEST_ENV | {"DAGSTER_HOME": str(home), "PYTHONPATH": path}


def run_ingest(inputs: list[Path], published: Path, home: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        ingest_argv(inputs, published),
        cwd=published.parent,
        env=ingest_env(home),
        capture_output=True,
        text=True,
        timeout=900,
    )


def start_ingest(inputs: list[Path], published: Path, home: Path, log: Path) -> subprocess.Popen:
    """An ingest in its own session, so the whole process group (workers included) can be killed."""
    with log.open("w") as out:
        return subprocess.Popen(
            ingest_argv(inputs, published),
            cwd=published.parent,
            env=ingest_env(home),
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


def staged_count(published: Path, stage: str, document_ids: set[str]) -> int:
    """How many of these documents have a staged ``<stage>.pkl`` (``outcome`` is written after each load)."""
    folder = published.with_name(f"{published.stem}.staging") / "documents"
    return sum((folder / doc_id / f"{stage}.pkl").exists() for doc_id in document_ids)


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
