"""``run_ingest`` against a persistent instance: incremental by content hash, supersede, removed files."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from dagster import DagsterInstance

from pipelines.ingest import run_ingest
from plumbing.inventory import sha256_of

REAL_PDFS = Path(__file__).resolve().parents[2] / "shared" / "real-pdfs"
PUTUO = "putuo-shehui-gongzuobu-2024-final.pdf"
TEMPLATE = "template-department-final-2024.pdf"
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not (REAL_PDFS / PUTUO).is_file(), reason=f"real PDFs not found at {REAL_PDFS}"),
]


@pytest.fixture
def inbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "dagster_home"))
    folder = tmp_path / "inbox"
    folder.mkdir()
    for name in (PUTUO, TEMPLATE):
        shutil.copyfile(REAL_PDFS / name, folder / name)
    (folder / "scan.pdf").write_bytes(b"GIF89a not a pdf at all")
    return folder


def query(published: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(published), read_only=True) as con:
        return con.execute(sql).fetchall()


def summary_line(output: str) -> str:
    return next(line for line in output.splitlines() if " processed: " in line).split(" in ")[0]


def runs() -> int:
    return DagsterInstance.get().get_runs_count()


def test_second_ingest_of_an_unchanged_corpus_processes_nothing(
    inbox: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    published = tmp_path / "w.duckdb"
    assert run_ingest([inbox], published) == 0
    assert summary_line(capsys.readouterr().out) == (
        "3 processed: 2 loaded, 1 quarantined, 0 unchanged skipped; "
        f"{query(published, 'SELECT count(*) FROM v_budget_lines')[0][0]} amounts loaded"
    )
    assert runs() == 1
    before = published.stat().st_mtime_ns

    assert run_ingest([inbox], published) == 0
    output = capsys.readouterr().out
    assert (
        summary_line(output) == "0 processed: 0 loaded, 0 quarantined, 3 unchanged skipped; 0 amounts loaded"
    )
    assert sum(line.startswith("unchanged ") for line in output.splitlines()) == 3
    assert runs() == 1  # no run at all
    assert published.stat().st_mtime_ns == before


def test_a_changed_file_supersedes_its_older_version(
    inbox: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    published = tmp_path / "w.duckdb"
    assert run_ingest([inbox], published) == 0
    old_id = sha256_of(inbox / PUTUO)[:16]
    old_lines = query(
        published, f"SELECT count(*), sum(amount_yuan) FROM v_budget_lines WHERE document_id = '{old_id}'"
    )
    assert old_lines[0][0] > 100

    with (inbox / PUTUO).open("ab") as corrected:  # a re-issue: same document, different bytes
        corrected.write(b"\n% corrected re-issue\n")
    new_id = sha256_of(inbox / PUTUO)[:16]
    capsys.readouterr()
    assert run_ingest([inbox], published) == 0
    assert summary_line(capsys.readouterr().out).startswith(
        "1 processed: 1 loaded, 0 quarantined, 2 unchanged"
    )

    statuses = dict(
        query(
            published,
            "SELECT document_id, status FROM v_documents WHERE phase = 'final' "
            "AND department = '中共上海市普陀区委社会工作部'",
        )
    )
    assert statuses == {old_id: "superseded", new_id: "loaded"}
    by_document = query(
        published,
        "SELECT document_id, count(*), sum(amount_yuan) FROM v_budget_lines "
        "WHERE department = '中共上海市普陀区委社会工作部' GROUP BY ALL",
    )
    assert by_document == [(new_id, *old_lines[0])]


def test_a_removed_file_is_reported_not_deleted(
    inbox: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    published = tmp_path / "w.duckdb"
    assert run_ingest([inbox], published) == 0
    removed_id = sha256_of(inbox / PUTUO)[:16]
    lines = query(published, f"SELECT count(*) FROM v_budget_lines WHERE document_id = '{removed_id}'")
    (inbox / PUTUO).unlink()
    capsys.readouterr()

    assert run_ingest([inbox], published) == 0
    output = capsys.readouterr().out
    assert f"missing     {removed_id}  file removed; kept in the warehouse  {inbox / PUTUO}" in output
    assert query(
        published,
        f"SELECT status, missing_since IS NOT NULL FROM v_documents WHERE document_id = '{removed_id}'",
    ) == [("loaded", True)]
    assert (
        query(published, f"SELECT count(*) FROM v_budget_lines WHERE document_id = '{removed_id}'") == lines
    )
    assert runs() == 2  # one refresh run recorded the removal; the next ingest needs none
    assert run_ingest([inbox], published) == 0
    assert runs() == 2


def test_a_failed_run_exits_1_and_says_which_step_failed(
    inbox: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    published = tmp_path / "w.duckdb"
    working = tmp_path / "w.work.duckdb"
    holder = subprocess.Popen(  # another process holds the working copy: DuckDB refuses a second writer
        [
            sys.executable,
            "-c",
            f"import duckdb, time; c = duckdb.connect({str(working)!r}); print('ready', flush=True); "
            "time.sleep(120)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "ready\n"
        assert run_ingest([inbox], published) == 1
    finally:
        holder.kill()
        holder.wait()
    output = capsys.readouterr().out
    assert "step warehouse_documents: _duckdb.IOException: IO Error: Could not set lock on file" in output
    assert sum(line.startswith("not processed ") for line in output.splitlines()) == 3
    assert not published.exists()

    assert run_ingest([inbox], published) == 0  # the next run completes the work
    assert summary_line(capsys.readouterr().out).startswith("3 processed: 2 loaded, 1 quarantined")


def test_in_one_batch_the_newer_reissue_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Original and corrected re-issue arrive together: the newer file (mtime) supersedes, whatever
    the path order says (here the re-issue's path sorts first)."""
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "dagster_home"))
    original, reissue = tmp_path / "inbox" / "b" / PUTUO, tmp_path / "inbox" / "a-corrected" / PUTUO
    for path in (original, reissue):
        path.parent.mkdir(parents=True)
        shutil.copyfile(REAL_PDFS / PUTUO, path)
    with reissue.open("ab") as corrected:
        corrected.write(b"\n% corrected re-issue\n")
    os.utime(original, ns=(1_700_000_000_000_000_000, 1_700_000_000_000_000_000))
    os.utime(reissue, ns=(1_760_000_000_000_000_000, 1_760_000_000_000_000_000))
    published = tmp_path / "w.duckdb"

    assert run_ingest([tmp_path / "inbox"], published) == 0

    assert dict(query(published, "SELECT document_id, status FROM v_documents")) == {
        sha256_of(original)[:16]: "superseded",
        sha256_of(reissue)[:16]: "loaded",
    }
    assert query(published, "SELECT DISTINCT document_id FROM v_budget_lines") == [(sha256_of(reissue)[:16],)]
