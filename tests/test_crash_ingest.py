"""Stage 2 of issue 7: SIGKILL an ingest at several points; the warehouse stays consistent and a
re-run completes.

A base corpus is published first. An ingest of base + extra documents is then killed (whole process
group) during extraction, after the first document is loaded, and after all are loaded. After each
kill: the published file still holds exactly the base state (or, if the kill came after the
publish, exactly the final state); every document in the writer's working copy equals its state in
a clean run (fully old or fully new, never partial); and a re-run publishes exactly the clean
run's state.

Three more kill points fall inside the writer rather than between stages: the ingest arms a
failpoint (``warehouse/failpoints.py``) and SIGKILLs itself inside a document's load transaction
(rows inserted, no COMMIT), after the publish's temporary copy is written but before ``os.replace``,
and just after ``os.replace``. Those tests also compare the fact tables themselves (rows and exact
sums per document) with the clean run, and check that no temporary copy outlives the re-run.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal

import pytest

from tests.badinputs import BUILDERS
from tests.ingest_harness import (
    document_state,
    fact_state,
    publishing_temps,
    run_ingest,
    staged_count,
    start_ingest,
    wait_for,
    write_good_corpus,
)
from warehouse.failpoints import (
    FAILPOINTS,
    LOAD_MID_TRANSACTION,
    PUBLISH_AFTER_REPLACE,
    PUBLISH_BEFORE_REPLACE,
)
from warehouse.publish import working_path

pytestmark = pytest.mark.slow
EXTRA_BAD = ("not_pdf.pdf", "encrypted.pdf", "decompression_bomb.pdf", "scanned_no_text.pdf")


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> dict:
    root = tmp_path_factory.mktemp("crash")
    inbox = root / "inbox"
    write_good_corpus(inbox / "base", departments=1)
    extra = write_good_corpus(inbox / "extra", departments=1, first=1)
    for name in EXTRA_BAD:
        (inbox / "extra" / name).write_bytes(BUILDERS[name][1]())
    reference = root / "reference" / "warehouse.duckdb"
    base = root / "base" / "warehouse.duckdb"
    for published, inputs in ((reference, [inbox]), (base, [inbox / "base"])):
        published.parent.mkdir()
        done = run_ingest(inputs, published, published.parent / "home")
        assert done.returncode == 0, done.stdout + done.stderr
    return {
        "root": root,
        "inbox": inbox,
        "base": base,
        "new_documents": len(extra) + len(EXTRA_BAD),
        "reference": document_state(reference),
        "base_state": document_state(base),
        "reference_facts": fact_state(reference),
        "base_facts": fact_state(base),
    }


# Staged files of the new documents only (the base run's are still in the copied staging folder).
KILL_POINTS = {
    "during_extraction": lambda published, new: staged_count(published, "source", new) >= len(new),
    "after_first_load": lambda published, new: staged_count(published, "outcome", new) >= 1,
    "after_half_the_loads": lambda published, new: staged_count(published, "outcome", new) >= len(new) // 2,
    "after_all_loads": lambda published, new: staged_count(published, "outcome", new) >= len(new),
}


@pytest.mark.parametrize("kill_point", list(KILL_POINTS))
def test_sigkill_leaves_whole_documents_and_a_rerun_completes(setup: dict, kill_point: str, figures) -> None:
    folder = setup["root"] / kill_point
    shutil.copytree(setup["base"].parent, folder)
    published = folder / "warehouse.duckdb"
    reference, base_state = setup["reference"], setup["base_state"]
    new_documents = set(reference) - set(base_state)
    assert len(new_documents) == setup["new_documents"]

    ingest = start_ingest([setup["inbox"]], published, folder / "home", folder / "killed.log")
    reached = wait_for(lambda: KILL_POINTS[kill_point](published, new_documents), ingest)
    os.killpg(ingest.pid, signal.SIGKILL)
    ingest.wait()
    assert reached, (folder / "killed.log").read_text()

    after_kill = document_state(published)
    if kill_point == "after_all_loads":
        assert after_kill in (base_state, reference)
    else:
        assert after_kill == base_state
    working = document_state(working_path(published))
    assert set(base_state) <= set(working)
    for doc_id, state in working.items():  # loaded rows: fully new or absent, never partial
        assert state[:5] == reference[doc_id][:5], doc_id  # findings differ until cross-document checks run
    in_working = len(set(working) & new_documents)
    expected = {
        "during_extraction": (0, 0),
        "after_first_load": (1, len(new_documents)),
        "after_half_the_loads": (len(new_documents) // 2, len(new_documents)),
        "after_all_loads": (len(new_documents), len(new_documents)),
    }[kill_point]
    assert expected[0] <= in_working <= expected[1]

    done = run_ingest([setup["inbox"]], published, folder / "home")
    assert done.returncode == 0, done.stdout + done.stderr
    assert document_state(published) == reference
    figures(
        f"killed {kill_point}: {in_working} of {len(new_documents)} new documents "
        "were in the working copy; the re-run completed"
    )


# Per failpoint: does the published file hold the new state after the kill, and how many of the new
# documents (of all of them) are in the working copy. A load is killed at the first new document.
FAILPOINT_OUTCOMES = {
    LOAD_MID_TRANSACTION: (False, lambda new: 0),
    PUBLISH_BEFORE_REPLACE: (False, len),
    PUBLISH_AFTER_REPLACE: (True, len),
}


def test_every_failpoint_is_exercised() -> None:
    assert sorted(FAILPOINT_OUTCOMES) == sorted(FAILPOINTS)


@pytest.mark.parametrize("point", list(FAILPOINT_OUTCOMES))
def test_sigkill_inside_the_writer_leaves_whole_documents(setup: dict, point: str, figures) -> None:
    folder = setup["root"] / point
    shutil.copytree(setup["base"].parent, folder)
    published = folder / "warehouse.duckdb"
    reference, reference_facts = setup["reference"], setup["reference_facts"]
    new_documents = set(reference) - set(setup["base_state"])
    publishes_new, in_working_expected = FAILPOINT_OUTCOMES[point]

    log = folder / "killed.log"
    ingest = start_ingest([setup["inbox"]], published, folder / "home", log, failpoint=point)
    returncode = ingest.wait(timeout=900)
    with contextlib.suppress(ProcessLookupError):  # extraction workers, should any outlive the kill
        os.killpg(ingest.pid, signal.SIGKILL)
    assert returncode == -signal.SIGKILL, log.read_text()
    assert f"failpoint {point}: SIGKILL" in log.read_text()

    expected_published = (
        (reference, reference_facts) if publishes_new else (setup["base_state"], setup["base_facts"])
    )
    assert (document_state(published), fact_state(published)) == expected_published
    temps = publishing_temps(published)
    assert len(temps) == (point == PUBLISH_BEFORE_REPLACE), temps
    working = working_path(published)
    working_state, working_facts = document_state(working), fact_state(working)
    for doc_id, state in working_state.items():
        assert state[:5] == reference[doc_id][:5], doc_id  # findings differ until cross-document checks run
    for doc_id, tables in working_facts.items():  # no orphan or partial rows, even outside the views
        assert tables == reference_facts[doc_id], doc_id
    in_working = len(set(working_state) & new_documents)
    assert in_working == in_working_expected(new_documents)

    done = run_ingest([setup["inbox"]], published, folder / "home")
    assert done.returncode == 0, done.stdout + done.stderr
    assert (document_state(published), fact_state(published)) == (reference, reference_facts)
    assert publishing_temps(published) == []
    figures(
        f"failpoint {point}: ingest died with SIGKILL (rc {returncode}); published held the "
        f"{'new' if publishes_new else 'old'} state, {len(temps)} publishing temp file(s) left, {in_working} of "
        f"{len(new_documents)} new documents in the working copy; the re-run completed"
    )
