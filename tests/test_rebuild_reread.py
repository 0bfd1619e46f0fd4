"""The warehouse rebuilt from the fact store alone, and the re-extraction backfill after an upgrade."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

import extract.isolation
import extract.version
from countybudget.cli import app
from factstore.rebuild import Rebuilt, rebuild
from pipelines.ingest import run_ingest
from pipelines.reread import run_reread
from tests.warehouse_compare import differences

SAMPLES = Path(__file__).resolve().parent / "fixtures" / "samples" / "pdfs"
MESSY = ["_messy/会议通知.pdf", "_messy/空文件.pdf"]  # not_budget (a reader may improve), not_pdf (never)
BAISHI = ["白石县/中共白石县委组织部/2024-budget.pdf", "白石县/中共白石县委组织部/2024-final.pdf"]
pytestmark = pytest.mark.slow


@pytest.fixture
def inbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "dagster_home"))
    return tmp_path / "inbox"


def copy_samples(inbox: Path, names: list[str] | None = None) -> None:
    if names is None:
        shutil.copytree(SAMPLES, inbox)
        return
    for name in names:
        (inbox / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SAMPLES / name, inbox / name)


def query(published: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(published), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_rebuild_from_the_fact_store_equals_the_incremental_warehouse(inbox: Path, tmp_path: Path) -> None:
    copy_samples(inbox)
    published = tmp_path / "w.duckdb"
    assert run_ingest([inbox], published) == 0
    facts = tmp_path / "w.staging" / "facts"

    assert rebuild(facts, tmp_path / "rebuilt.duckdb") == Rebuilt(loaded=5, quarantined=2, amounts=1374)
    assert differences(published, tmp_path / "rebuilt.duckdb") == []

    # The command, over a warehouse that already exists: replaced, not added to.
    result = CliRunner().invoke(
        app, ["rebuild", "--from", str(facts), "--warehouse", str(tmp_path / "rebuilt.duckdb")]
    )
    assert result.exit_code == 0, result.output
    assert result.output == (
        f"rebuilt {tmp_path / 'rebuilt.duckdb'} from {facts}: 5 loaded, 2 quarantined, 1374 amounts\n"
    )
    assert differences(published, tmp_path / "rebuilt.duckdb") == []
    assert query(published, "SELECT DISTINCT extractor_version FROM v_documents") == [
        (extract.version.EXTRACTOR_VERSION,)
    ]


def summary(output: str) -> str:
    return next(line for line in output.splitlines() if line.startswith("re-read ")).split(" in ")[0]


def test_an_upgrade_rereads_old_reads_and_keeps_facts_a_regression_would_lose(
    inbox: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(extract.version, "EXTRACTOR_VERSION", 1)  # the version before the upgrade
    copy_samples(inbox, MESSY + BAISHI)
    published = tmp_path / "w.duckdb"
    assert run_ingest([inbox], published) == 0
    documents = "SELECT source_path, status, reason, extractor_version FROM v_documents ORDER BY source_path"
    final = "SELECT count(*), sum(amount_yuan) FROM v_budget_lines WHERE document_id = '1905543c54d0221d'"
    final_before = query(published, final)
    capsys.readouterr()

    assert run_reread(published) == 0  # nothing is older than the current version
    assert summary(capsys.readouterr().out) == (
        "re-read 0 documents with extractor version 1: 0 replaced, 0 kept (the new version would lose "
        "facts), 0 not re-read"
    )

    # Version 2 reads one document worse: it misses that document's last table.
    monkeypatch.setattr(extract.version, "EXTRACTOR_VERSION", 2)
    original = extract.isolation.extract_many
    missed: list[str] = []

    def worse(paths, limits, workers=2, **options):
        results = original(paths, limits, workers, **options)
        for path, doc in results.items():
            if path.name == "2024-final.pdf":
                missed.append(doc.tables[-1].table_type)
                results[path] = dataclasses.replace(
                    doc,
                    tables=doc.tables[:-1],
                    lines=[line for line in doc.lines if line.table_type != missed[0]],
                )
        return results

    monkeypatch.setattr(extract.isolation, "extract_many", worse)
    assert run_reread(published) == 0
    output = capsys.readouterr().out
    assert summary(output) == (
        "re-read 3 documents with extractor version 2: 2 replaced, 1 kept (the new version would lose "
        "facts), 0 not re-read"
    )
    assert "kept        1905543c54d0221d  the facts of version 1" in output
    assert [(Path(p).relative_to(inbox).as_posix(), *rest) for p, *rest in query(published, documents)] == [
        ("_messy/会议通知.pdf", "quarantined", "not_budget", 2),  # re-read: a better reader may find a title
        ("_messy/空文件.pdf", "quarantined", "not_pdf", 1),  # never re-read: no reader makes it a PDF
        ("白石县/中共白石县委组织部/2024-budget.pdf", "loaded", None, 2),
        ("白石县/中共白石县委组织部/2024-final.pdf", "loaded", None, 1),  # the old facts stay
    ]
    assert query(published, final) == final_before
    assert query(
        published,
        "SELECT document_id, severity, message FROM v_dq_findings WHERE \"check\" = 'reread_regression'",
    ) == [
        (
            "1905543c54d0221d",
            "warn",
            f"extractor version 2 would lose what version 1 read: table {missed[0]}; the facts of version 1 are kept",
        )
    ]

    assert run_reread(published) == 0  # version 2 was refused for that document: not retried
    assert summary(capsys.readouterr().out).startswith("re-read 0 documents with extractor version 2")
