"""The inbox sensor registers exactly the new files as partitions and asks for one run per batch."""

from __future__ import annotations

from pathlib import Path

import pytest
from dagster import DagsterInstance, SensorResult, SkipReason, build_sensor_context

from assets.partitions import DOCUMENTS_PARTITIONS_NAME, range_tags
from pipelines.sensors import inbox_sensor
from plumbing.inventory import duplicate_document_id, sha256_of
from tests.pipeline_fixtures import staging_in, write_pdf_like


def tick(instance: DagsterInstance, tmp_path: Path) -> SensorResult | SkipReason:
    """One sensor evaluation; applies its partition requests the way the daemon does."""
    context = build_sensor_context(instance=instance, resources={"staging": staging_in(tmp_path)})
    result = inbox_sensor(context)
    if isinstance(result, SensorResult):
        for request in result.dynamic_partitions_requests:
            instance.add_dynamic_partitions(request.partitions_def_name, list(request.partition_keys))
    return result


@pytest.fixture
def inbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    monkeypatch.setenv("DISCLOSURE_INBOX", str(folder))
    return folder


def test_sensor_adds_exactly_the_new_files(inbox: Path, tmp_path: Path) -> None:
    instance = DagsterInstance.ephemeral()
    first = [write_pdf_like(inbox / "白石县" / f"{name}.pdf", name) for name in ("a", "b", "c")]
    (inbox / "notes.txt").write_text("not a pdf")

    result = tick(instance, tmp_path)
    assert isinstance(result, SensorResult)
    assert [list(r.partition_keys) for r in result.dynamic_partitions_requests] == [first]
    assert len(result.run_requests) == 1
    assert dict(result.run_requests[0].tags) == range_tags(first[0], first[-1])
    assert instance.get_dynamic_partitions(DOCUMENTS_PARTITIONS_NAME) == first

    new = write_pdf_like(inbox / "白石县" / "d.PDF", "d")
    copy = inbox / "copy-of-a.pdf"  # same bytes as 白石县/a.pdf, sorts before it: still the copy
    write_pdf_like(copy, "a")
    duplicate = duplicate_document_id(sha256_of(copy), str(copy.absolute()))
    result = tick(instance, tmp_path)
    assert isinstance(result, SensorResult)
    assert [list(r.partition_keys) for r in result.dynamic_partitions_requests] == [[new, duplicate]]
    assert dict(result.run_requests[0].tags) == range_tags(new, duplicate)
    assert instance.get_dynamic_partitions(DOCUMENTS_PARTITIONS_NAME) == [*first, new, duplicate]
    recorded = staging_in(tmp_path).manifest().entries[duplicate]
    assert (recorded.path, recorded.duplicate_of) == (str(copy.absolute()), first[0])


def test_sensor_skips_when_nothing_is_new(inbox: Path, tmp_path: Path) -> None:
    instance = DagsterInstance.ephemeral()
    write_pdf_like(inbox / "a.pdf", "a")
    assert isinstance(tick(instance, tmp_path), SensorResult)
    result = tick(instance, tmp_path)
    assert isinstance(result, SkipReason)
    assert result.skip_message == f"no new documents among 1 files in {inbox}"


def test_sensor_writes_the_manifest_for_new_partitions(inbox: Path, tmp_path: Path) -> None:
    instance = DagsterInstance.ephemeral()
    key = write_pdf_like(inbox / "x" / "a.pdf", "a")
    tick(instance, tmp_path)
    entry = staging_in(tmp_path).manifest().entries[key]
    assert entry.path == str((inbox / "x" / "a.pdf").absolute())
    assert entry.size == (inbox / "x" / "a.pdf").stat().st_size
    assert entry.sha256.startswith(key)


def test_sensor_accepts_a_file_url_and_refuses_other_schemes(
    inbox: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = write_pdf_like(inbox / "a.pdf", "a")
    monkeypatch.setenv("DISCLOSURE_INBOX", inbox.as_uri())
    result = tick(DagsterInstance.ephemeral(), tmp_path)
    assert isinstance(result, SensorResult)
    assert [list(r.partition_keys) for r in result.dynamic_partitions_requests] == [[key]]
    monkeypatch.setenv("DISCLOSURE_INBOX", "s3://bucket/inbox")
    with pytest.raises(ValueError, match="inbox scheme 's3' is not supported yet"):
        tick(DagsterInstance.ephemeral(), tmp_path)
