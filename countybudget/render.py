"""Print Arrow query results exactly: Decimal money as its digits, never through float."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

import pyarrow as pa
from rich.console import Console
from rich.table import Table

FORMATS = ("table", "csv", "json")


def cell_text(value: Any) -> str:
    """One value as text: Decimal keeps its printed places, NULL is empty."""
    if value is None:
        return ""
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, (list, dict)):
        return json.dumps(json_ready(value), ensure_ascii=False)
    return str(value)


def json_ready(value: Any) -> Any:
    """Decimals become strings (exact digits, like the truth files); dates ISO; containers recurse."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, list):
        return [json_ready(v) for v in value]
    if isinstance(value, dict):
        return {k: json_ready(v) for k, v in value.items()}
    return value


def to_csv(table: pa.Table) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.column_names)
    for row in table.to_pylist():
        writer.writerow([cell_text(v) for v in row.values()])
    return out.getvalue()


def to_json(table: pa.Table) -> str:
    return json.dumps([json_ready(row) for row in table.to_pylist()], ensure_ascii=False, indent=1)


def _is_number(arrow_type: pa.DataType) -> bool:
    return (
        pa.types.is_decimal(arrow_type) or pa.types.is_integer(arrow_type) or pa.types.is_floating(arrow_type)
    )


def to_rich(table: pa.Table) -> Table:
    rich_table = Table(show_lines=False, caption=f"{table.num_rows} rows")
    for field in table.schema:
        rich_table.add_column(
            field.name, justify="right" if _is_number(field.type) else "left", overflow="fold"
        )
    for row in table.to_pylist():
        rich_table.add_row(*(cell_text(v) for v in row.values()))
    return rich_table


def print_result(table: pa.Table, fmt: str, console: Console) -> None:
    if fmt == "table":
        console.print(to_rich(table))
    else:
        text = to_csv(table) if fmt == "csv" else to_json(table)
        console.file.write(text if text.endswith("\n") else text + "\n")
