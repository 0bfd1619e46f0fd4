"""Stage 2 of issue 7: the bad-input corpus beside good sample disclosures through ``countybudget ingest``.

Exit 0, each bad file quarantined in v_documents with its reason (and a message naming it), every
good document loaded with every line the extractor read, the duplicate reported, no file touched.
"""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from extract.document import extract_document
from extract.inventory import document_id
from plumbing.inventory import duplicate_document_id, sha256_of
from tests.badinputs import write_bad_inputs
from tests.ingest_harness import document_state, run_ingest, write_good_corpus
from warehouse.publish import connect_published

pytestmark = pytest.mark.slow


def test_bad_corpus_and_good_documents_through_ingest(tmp_path: Path, figures) -> None:
    inbox = tmp_path / "inbox"
    good = write_good_corpus(inbox / "good", departments=1)
    bad = write_bad_inputs(inbox / "bad")
    duplicate = inbox / "zz" / "copy_of_a_good_one.pdf"  # after good/ in path order: the copy
    duplicate.parent.mkdir()
    shutil.copyfile(good[0], duplicate)
    files = [*good, *(case.path for case in bad), duplicate]
    before = {path: (path.read_bytes(), path.stat().st_mtime_ns) for path in files}
    published = tmp_path / "out" / "warehouse.duckdb"
    published.parent.mkdir()

    done = run_ingest([inbox], published, tmp_path / "home")

    assert done.returncode == 0, done.stdout + done.stderr
    state = document_state(published)
    assert {case.name: state[document_id(case.path)][:2] for case in bad} == {
        case.name: ("quarantined", case.reason.value) for case in bad
    }
    con = connect_published(published)
    try:
        for case in bad:
            (message,) = con.execute(
                "SELECT message FROM v_documents WHERE document_id = ?", [document_id(case.path)]
            ).fetchone()
            assert message.startswith(f"{case.name}: "), message
    finally:
        con.close()
    for pdf in good:
        lines = extract_document(pdf).lines
        status, reason, amounts, total = state[document_id(pdf)][:4]
        assert (status, reason, amounts) == ("loaded", None, len(lines)), pdf
        assert total == sum((line.amount_yuan for line in lines), Decimal("0")), pdf
    assert len(state) == len(good) + len(bad) + 1  # the copy is a row of its own, quarantined
    copy_id = duplicate_document_id(sha256_of(duplicate), str(duplicate))
    assert state[copy_id][:2] == ("quarantined", "duplicate")
    assert any(
        line.startswith("quarantined") and copy_id in line and f"same bytes as {good[0]}" in line
        for line in done.stdout.splitlines()
    ), done.stdout
    assert {path: (path.read_bytes(), path.stat().st_mtime_ns) for path in files} == before
    figures(
        f"bad-input cases tried through countybudget ingest: {len(bad) + 1} ({len(good)} good documents beside)"
    )
