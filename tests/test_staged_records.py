"""Staged records are typed JSON: exact round trip, and a renamed field fails loudly, by name."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from factstore.schema import StoredSchemaError
from pipelines.inventory import InventoryEntry
from pipelines.staged import EXTRACTED, SOURCE, Quarantined, SourceFile
from tests.pipeline_fixtures import staging_in
from tests.warehouse_fixtures import sample_document

DOC_ID = "abcdef0123456789"


def test_an_extracted_document_round_trips_exactly(tmp_path: Path) -> None:
    staging = staging_in(tmp_path)
    doc = sample_document()
    staging.put(DOC_ID, EXTRACTED, doc)
    assert staging.get(DOC_ID, EXTRACTED) == doc
    assert staging.get(DOC_ID, EXTRACTED).lines[0].amount_yuan == Decimal("12345678.91")
    source = SourceFile(
        InventoryEntry(DOC_ID, "/inbox/a.pdf", 1, 2, "ab" * 32), Quarantined("corrupt", "bad")
    )
    staging.put(DOC_ID, SOURCE, source)
    assert staging.get(DOC_ID, SOURCE) == source
    assert sorted(p.name for p in staging.document_dir(DOC_ID).iterdir()) == ["extracted.json", "source.json"]


def test_a_record_staged_with_a_renamed_field_fails_naming_it(tmp_path: Path) -> None:
    staging = staging_in(tmp_path)
    staging.put(DOC_ID, EXTRACTED, sample_document())
    path = staging.document_dir(DOC_ID) / "extracted.json"
    payload = json.loads(path.read_text(encoding="utf-8"))
    for line in payload["value"]["lines"]:
        line["amount"] = line.pop("amount_yuan")
    path.write_text(json.dumps(payload), encoding="utf-8")
    with pytest.raises(StoredSchemaError) as caught:
        staging.get(DOC_ID, EXTRACTED)
    assert str(caught.value) == (
        f"{path}: staged BudgetLine does not match this code: missing fields ['amount_yuan'], "
        "unexpected fields ['amount']"
    )


def test_a_record_of_another_version_or_class_is_refused(tmp_path: Path) -> None:
    staging = staging_in(tmp_path)
    path = staging.document_dir(DOC_ID) / "source.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"record_version": 0, "value": None}), encoding="utf-8")
    with pytest.raises(StoredSchemaError, match=r"staged with record version 0, this code reads version 1$"):
        staging.get(DOC_ID, SOURCE)
    path.write_text(json.dumps({"record_version": 1, "value": {"__type__": "Popen"}}), encoding="utf-8")
    with pytest.raises(StoredSchemaError, match=r"unknown staged record class 'Popen'$"):
        staging.get(DOC_ID, SOURCE)
