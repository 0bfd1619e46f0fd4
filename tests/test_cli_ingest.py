"""``countybudget ingest`` end to end in a subprocess: one line per document, a summary, exit 0, a run in the UI."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest
from dagster import DagsterInstance

from plumbing.inventory import sha256_of

REPO = Path(__file__).resolve().parents[1]
REAL_PDFS = REPO.parent / "shared" / "real-pdfs"
PUTUO = "putuo-shehui-gongzuobu-2024-final.pdf"
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not (REAL_PDFS / PUTUO).is_file(), reason=f"real PDFs not found at {REAL_PDFS}"),
]


def test_cli_ingest_end_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inbox = tmp_path / "inbox" / "普陀区"
    inbox.mkdir(parents=True)
    shutil.copyfile(REAL_PDFS / PUTUO, inbox / PUTUO)
    (inbox / "broken.pdf").write_bytes((REAL_PDFS / PUTUO).read_bytes()[:5000])
    home, published = tmp_path / "home", tmp_path / "out" / "warehouse.duckdb"
    env = os.environ | {"DAGSTER_HOME": str(home), "COLUMNS": "250"}

    done = subprocess.run(
        [
            str(REPO / ".venv" / "bin" / "countybudget"),
            "ingest",
            str(tmp_path / "inbox"),
            "--warehouse",
            str(published),
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    good, broken = sha256_of(inbox / PUTUO)[:16], sha256_of(inbox / "broken.pdf")[:16]
    with duckdb.connect(str(published), read_only=True) as con:
        amounts = con.execute("SELECT count(*) FROM v_budget_lines").fetchone()[0]
        reason = con.execute(f"SELECT reason FROM v_documents WHERE document_id = '{broken}'").fetchone()[0]
    assert reason == "corrupt"
    assert any(
        line.startswith(
            f"loaded      {good}  中共上海市普陀区委社会工作部2024年度部门决算  9 tables, {amounts} amounts"
        )
        for line in lines
    ), done.stdout
    assert any(line.startswith(f"quarantined {broken}  corrupt: ") for line in lines), done.stdout
    assert any(
        line.startswith(
            f"2 processed: 1 loaded, 1 quarantined, 0 unchanged skipped; {amounts} amounts loaded"
        )
        for line in lines
    ), done.stdout
    assert (home / "dagster.yaml").read_text() == (REPO / "dagster.yaml").read_text()

    monkeypatch.setenv("DAGSTER_HOME", str(home))
    [run] = DagsterInstance.get().get_runs()
    assert run.job_name == "ingest_documents"
    assert run.is_success
    assert (
        run.tags["dagster/asset_partition_range_start"],
        run.tags["dagster/asset_partition_range_end"],
    ) == (broken, good)  # registered in path order: broken.pdf, then putuo-….pdf
