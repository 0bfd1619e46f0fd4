"""Stage 2 of issue 7: a reader process queries the published warehouse in a loop while an ingest
runs; zero errors (no lock error ever), and every answer is exactly the old or the new state."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.badinputs import BUILDERS
from tests.ingest_harness import run_ingest, write_good_corpus
from warehouse.publish import connect_published

pytestmark = pytest.mark.slow
SNAPSHOT_SQL = """
SELECT (SELECT count(*) FROM v_documents),
       (SELECT count(*) FROM v_documents WHERE status = 'loaded'),
       (SELECT count(*) FROM v_budget_lines),
       (SELECT sum(amount_yuan) FROM v_budget_lines),
       (SELECT count(*) FROM v_narrative_metrics)
"""
READER = """
import json, sys, time
from pathlib import Path
import duckdb
path, stop, sql = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
answers, errors = {}, []
while not stop.exists():
    try:
        con = duckdb.connect(path, read_only=True)
        try:
            answer = json.dumps([str(value) for value in con.execute(sql).fetchone()])
        finally:
            con.close()
        if not answers:
            print("ready", flush=True)
        answers[answer] = answers.get(answer, 0) + 1
    except Exception as exc:
        errors.append(f"{type(exc).__name__}: {exc}")
    time.sleep(0.005)
print(json.dumps({"answers": answers, "errors": errors}), flush=True)
"""


def snapshot(published: Path) -> str:
    con = connect_published(published)
    try:
        return json.dumps([str(value) for value in con.execute(SNAPSHOT_SQL).fetchone()])
    finally:
        con.close()


def test_reader_sees_old_or_new_state_and_no_error_while_ingest_runs(tmp_path: Path, figures) -> None:
    inbox = tmp_path / "inbox"
    write_good_corpus(inbox / "base", departments=1)
    write_good_corpus(inbox / "extra", departments=1, first=1)
    (inbox / "extra" / "corrupt.pdf").write_bytes(BUILDERS["corrupt.pdf"][1]())
    published = tmp_path / "out" / "warehouse.duckdb"
    published.parent.mkdir()
    home = tmp_path / "home"
    first = run_ingest([inbox / "base"], published, home)
    assert first.returncode == 0, first.stdout + first.stderr
    old = snapshot(published)

    stop = tmp_path / "stop-reading"
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(published), str(stop), SNAPSHOT_SQL],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert reader.stdout.readline().strip() == "ready"
        second = run_ingest([inbox], published, home)
        assert second.returncode == 0, second.stdout + second.stderr
        time.sleep(1.0)  # the reader also reads the new state for a while
    finally:
        stop.touch()
        out, _ = reader.communicate(timeout=60)
    new = snapshot(published)
    report = json.loads(out.strip().splitlines()[-1])

    assert report["errors"] == []
    assert old != new
    assert set(report["answers"]) == {old, new}
    figures(
        f"reader: {sum(report['answers'].values())} reads during the ingest, 0 errors, "
        f"{report['answers'][old]} old and {report['answers'][new]} new answers"
    )
