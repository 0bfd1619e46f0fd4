"""Partition ranges and the inventory/manifest: one run per batch, a no-op costs a stat per file."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from extract.inventory import group_by_content
from plumbing.inventory import Manifest, discover_pdfs, local_folder, split_duplicates, take_inventory
from plumbing.ranges import contiguous_ranges
from tests.pipeline_fixtures import write_pdf_like


def test_contiguous_ranges_cover_exactly_the_wanted_keys() -> None:
    registered = ["a", "b", "c", "d", "e", "f"]
    assert contiguous_ranges(["e", "f"], registered) == [("e", "f")]
    assert contiguous_ranges(["b", "c", "e"], registered) == [("b", "c"), ("e", "e")]
    assert contiguous_ranges(["f", "a"], registered) == [("a", "a"), ("f", "f")]
    assert contiguous_ranges([], registered) == []


def test_discovery_is_recursive_case_insensitive_and_sorted(tmp_path: Path) -> None:
    write_pdf_like(tmp_path / "b" / "x.PDF", "x")
    write_pdf_like(tmp_path / "a.pdf", "a")
    (tmp_path / "b" / "notes.txt").write_text("no")
    single = tmp_path / "elsewhere.pdf"
    write_pdf_like(single, "e")
    found = discover_pdfs([tmp_path / "b", str(tmp_path / "a.pdf"), single, tmp_path / "b"])
    assert found == sorted([tmp_path / "b" / "x.PDF", tmp_path / "a.pdf", single])


def test_local_folder_understands_file_urls() -> None:
    assert local_folder("file:///srv/inbox%20a") == Path("/srv/inbox a")
    assert local_folder("data/inbox") == Path("data/inbox")
    with pytest.raises(ValueError, match="inbox scheme 'https' is not supported yet"):
        local_folder("https://example.org/inbox")


def test_manifest_reuses_the_hash_while_size_and_mtime_are_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "a.pdf"
    key = write_pdf_like(path, "a")
    manifest = Manifest(tmp_path / "manifest.json")
    [entry] = take_inventory([path], manifest)
    assert entry.document_id == key
    assert entry.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    manifest.record([entry])

    reloaded = Manifest(tmp_path / "manifest.json")
    assert reloaded.entries == {key: entry}
    assert reloaded.entry_for(path) is reloaded.entries[key]  # cache hit: not re-read

    stat = path.stat()
    new_key = write_pdf_like(path, "b")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert reloaded.entry_for(path).document_id == new_key != key


def test_split_duplicates_keeps_the_first_path_of_each_content(tmp_path: Path) -> None:
    paths = [tmp_path / "a.pdf", tmp_path / "b.pdf", tmp_path / "c.pdf"]
    write_pdf_like(paths[0], "same")
    write_pdf_like(paths[1], "other")
    write_pdf_like(paths[2], "same")
    unique, duplicates = split_duplicates(take_inventory(paths, Manifest(tmp_path / "m.json")))
    assert [e.path for e in unique] == [str(paths[0]), str(paths[1])]
    assert [e.path for e in duplicates] == [str(paths[2])]


def test_manifest_record_merges_with_entries_another_process_wrote(tmp_path: Path) -> None:
    paths = [tmp_path / "a.pdf", tmp_path / "b.pdf"]
    keys = [write_pdf_like(path, path.stem) for path in paths]
    sensor_view, ingest_view = Manifest(tmp_path / "m.json"), Manifest(tmp_path / "m.json")
    sensor_view.record(take_inventory(paths[:1], sensor_view))
    ingest_view.record(take_inventory(paths[1:], ingest_view))  # loaded before the sensor wrote
    assert sorted(Manifest(tmp_path / "m.json").entries) == sorted(keys)


def test_one_duplicate_rule_groups_by_content_with_the_preferred_original_first() -> None:
    items = ["a1", "b1", "a2", "a3", "b2"]
    assert group_by_content(items, lambda item: item[0]) == {"a": ["a1", "a2", "a3"], "b": ["b1", "b2"]}
    assert group_by_content(items, lambda item: item[0], preferred=lambda item: item == "a3") == {
        "a": ["a3", "a1", "a2"],
        "b": ["b1", "b2"],
    }
