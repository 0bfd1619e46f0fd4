"""Records handed between the per-document steps, as typed JSON instead of pickles.

A pickle of a dataclass whose field was since renamed loads without complaint and breaks later; here
every record names its class and fields, and reading refuses an unknown class, an unexpected field
or a missing required one, naming them. Money stays exact (Decimal as its string).
"""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal
from enum import Enum
from typing import Any

from extract import model
from factstore.schema import StoredSchemaError
from pipelines import inventory, staged

RECORD_VERSION = 1
TYPE = "__type__"
DECIMAL = "__decimal__"
# Every class a staged record may hold, by name (nothing else is ever instantiated from a file).
CLASSES: dict[str, type] = {
    cls.__name__: cls
    for cls in (
        inventory.InventoryEntry,
        staged.SourceFile,
        staged.Quarantined,
        staged.Outcome,
        model.ExtractedDocument,
        model.DocumentIdentity,
        model.BudgetLine,
        model.TableReport,
        model.NarrativeMetric,
        model.PerformanceTarget,
        model.ProjectEntry,
    )
}


def dumps(value: Any) -> str:
    return json.dumps({"record_version": RECORD_VERSION, "value": _encode(value)}, ensure_ascii=False)


def loads(text: str, where: str) -> Any:
    payload = json.loads(text)
    version = payload.get("record_version")
    if version != RECORD_VERSION:
        raise StoredSchemaError(
            f"{where}: staged with record version {version}, this code reads version {RECORD_VERSION}"
        )
    return _decode(payload["value"], where)


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        name = type(value).__name__
        if CLASSES.get(name) is not type(value):
            raise TypeError(f"{name} is not a staged record class (factstore.records.CLASSES)")
        return {TYPE: name, **{f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}}
    if isinstance(value, Decimal):
        return {DECIMAL: str(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list | tuple):
        return [_encode(item) for item in value]
    if value is None or isinstance(value, str | int | float):
        return value
    raise TypeError(f"cannot stage a {type(value).__name__}: {value!r}")


def _decode(value: Any, where: str) -> Any:
    if isinstance(value, list):
        return [_decode(item, where) for item in value]
    if not isinstance(value, dict):
        return value
    if DECIMAL in value:
        return Decimal(value[DECIMAL])
    name = value.get(TYPE)
    cls = CLASSES.get(name or "")
    if cls is None:
        raise StoredSchemaError(f"{where}: unknown staged record class {name!r}")
    fields = dataclasses.fields(cls)
    given = {key for key in value if key != TYPE}
    unexpected = sorted(given - {f.name for f in fields})
    missing = [
        f.name
        for f in fields
        if f.name not in given
        and f.default is dataclasses.MISSING
        and f.default_factory is dataclasses.MISSING
    ]
    if unexpected or missing:
        raise StoredSchemaError(
            f"{where}: staged {name} does not match this code: missing fields {missing}, "
            f"unexpected fields {unexpected}"
        )
    return cls(**{key: _decode(item, where) for key, item in value.items() if key != TYPE})
