"""Explicit Arrow schemas of the stored frames, derived from the pandera models in ``schemas/``.

A stored file carries the schema version and its frame name in the Parquet key-value metadata; a
file whose version or columns differ from what this code expects is refused with a message naming
the file, the version and the columns, never read half-right.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import pandas as pd
import pandera.pandas as pandera
import pyarrow as pa

from schemas import models

SCHEMA_VERSION = 1  # bump with a migration below when a stored column changes
VERSION_KEY = b"countybudget.schema_version"
FRAME_KEY = b"countybudget.frame"
WRITE_KEY = b"countybudget.write_id"  # ties a frame file to the report written with it

# frame name (folder under facts/) -> pandera model of its columns
FRAME_MODELS: dict[str, type[pandera.DataFrameModel]] = {
    "lines": models.BudgetLinesModel,
    "narrative": models.NarrativeMetricsModel,
    "targets": models.PerformanceTargetsModel,
    "projects": models.ProjectsModel,
    "tables": models.TableReportsModel,
    "findings": models.FindingsModel,
}

# Version -> function turning a table written by that version into the next version's shape.
# Empty while version 1 is the only one; a change of columns adds an entry here.
MIGRATIONS: dict[int, Callable[[pa.Table], pa.Table]] = {}

_SIMPLE = {
    "str": pa.string(),
    "string[pyarrow]": pa.string(),
    "int64": pa.int64(),
    "float64": pa.float64(),
    "bool": pa.bool_(),
}


class StoredSchemaError(ValueError):
    """A stored file this code cannot read as it is (other schema version, renamed or retyped column)."""


def _arrow_type(frame: str, column: str, dtype: object) -> pa.DataType:
    native = getattr(dtype, "type", None)
    if isinstance(native, pd.ArrowDtype):
        return native.pyarrow_dtype
    name = str(dtype)
    if name not in _SIMPLE:
        raise TypeError(f"{frame}.{column}: no Arrow type for pandera dtype {name!r}")
    return _SIMPLE[name]


@cache
def arrow_schema(frame: str) -> pa.Schema:
    """The frame's Arrow schema: the pandera model's columns in order, with their nullability."""
    columns = FRAME_MODELS[frame].to_schema().columns
    return pa.schema(
        [
            pa.field(name, _arrow_type(frame, name, column.dtype), nullable=column.nullable)
            for name, column in columns.items()
        ]
    )


def file_metadata(frame: str, write_id: str) -> dict[bytes, bytes]:
    return {
        VERSION_KEY: str(SCHEMA_VERSION).encode(),
        FRAME_KEY: frame.encode(),
        WRITE_KEY: write_id.encode(),
    }


def checked(table: pa.Table, frame: str, where: str) -> pa.Table:
    """The table in this code's schema (migrated from an older version), or StoredSchemaError."""
    metadata = table.schema.metadata or {}
    if metadata.get(FRAME_KEY, b"").decode() != frame:
        raise StoredSchemaError(
            f"{where}: not a stored {frame!r} frame (metadata {metadata.get(FRAME_KEY)!r})"
        )
    raw_version = metadata.get(VERSION_KEY, b"?").decode()
    version = int(raw_version) if raw_version.isdigit() else None
    while version is not None and version < SCHEMA_VERSION and version in MIGRATIONS:
        table, version = MIGRATIONS[version](table), version + 1
    if version != SCHEMA_VERSION:
        raise StoredSchemaError(
            f"{where}: written with fact-store schema version {raw_version}, this code reads version "
            f"{SCHEMA_VERSION} and has no migration from it; re-extract the document (countybudget reread)"
        )
    expected = arrow_schema(frame)
    found = {field.name: field.type for field in table.schema}
    missing = [name for name in expected.names if name not in found]
    unexpected = [name for name in found if name not in expected.names]
    retyped = [
        f"{field.name} is {found[field.name]}, expected {field.type}"
        for field in expected
        if field.name in found and found[field.name] != field.type
    ]
    if missing or unexpected or retyped:
        problems = (
            [f"missing columns {missing}"] * bool(missing)
            + [f"unexpected columns {unexpected}"] * bool(unexpected)
            + retyped
        )
        raise StoredSchemaError(
            f"{where}: {frame!r} frame does not match schema version {SCHEMA_VERSION}: " + "; ".join(problems)
        )
    return table.select(expected.names)


def to_arrow(frame: str, data: pd.DataFrame, write_id: str) -> pa.Table:
    """A validated frame as an Arrow table in the frame's explicit schema (money stays decimal128)."""
    table = pa.Table.from_pandas(data, schema=arrow_schema(frame), preserve_index=False)
    return table.replace_schema_metadata(file_metadata(frame, write_id))


def _pandas_type(arrow_type: pa.DataType) -> object:
    """Decimals and lists back as pd.ArrowDtype (what the pandera models expect); the rest default."""
    if pa.types.is_decimal(arrow_type) or pa.types.is_list(arrow_type):
        return pd.ArrowDtype(arrow_type)
    return None


def to_pandas(table: pa.Table) -> pd.DataFrame:
    return table.to_pandas(types_mapper=_pandas_type)
