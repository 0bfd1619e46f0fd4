"""File names from the inbox are data, never code: SQL quotes, shell syntax, option-like names and a
newline go through ``countybudget ingest`` verbatim, with nothing executed and nothing dropped."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "tests" / "fixtures" / "samples" / "pdfs"
HOSTILE = {
    "x'; DROP TABLE dim_document; --.pdf": "白石县/中共白石县委组织部/2024-budget.pdf",
    "$(touch PWNED) `touch PWNED2`.pdf": "白石县/中共白石县委组织部/2024-final.pdf",
    "--warehouse=evil.duckdb.pdf": "青山县/青山县人民医院/2023-budget.pdf",
    "line\nbreak %s {0} 预算.pdf": "青山县/青山县财政局/2023-final.pdf",
    "' OR 1=1 --.pdf": "_messy/会议通知.pdf",
}
# the published file, its private working copy, the writer's lock and the staging folder
WAREHOUSE_FILES = (
    "warehouse.duckdb",
    "warehouse.work.duckdb",
    "warehouse.duckdb.lock",
    "warehouse.staging",
    "report.html",  # the analyst_report asset, after each publish
)
pytestmark = pytest.mark.slow


def test_hostile_file_names_are_stored_verbatim_and_never_interpreted(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name, sample in HOSTILE.items():
        shutil.copyfile(SAMPLES / sample, inbox / name)
    published = tmp_path / "warehouse.duckdb"
    done = subprocess.run(
        [sys.executable, "-m", "countybudget.cli", "ingest", str(inbox), "--warehouse", str(published)],
        cwd=tmp_path,
        env=os.environ | {"DAGSTER_HOME": str(tmp_path / "home")},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )

    assert done.returncode == 0, done.stdout + done.stderr
    with duckdb.connect(str(published), read_only=True) as con:
        stored = dict(con.execute("SELECT source_path, status FROM v_documents").fetchall())
        tables = {
            row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
        }
    assert stored == {
        str(inbox / name): ("quarantined" if sample.startswith("_messy") else "loaded")
        for name, sample in HOSTILE.items()
    }
    assert "dim_document" in tables
    made = {p.name for p in tmp_path.iterdir()}
    assert made == {"home", "inbox", *WAREHOUSE_FILES}  # no PWNED, no evil.duckdb
    assert sorted(p.name for p in inbox.iterdir()) == sorted(HOSTILE)  # nothing renamed or removed
    assert not (REPO / "PWNED").exists() and not (REPO / "PWNED2").exists()
