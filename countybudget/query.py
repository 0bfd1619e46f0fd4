"""``countybudget query``: SQL on the published warehouse, opened read-only, printed exactly."""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb
from rich.console import Console

from countybudget.render import FORMATS, print_result
from plumbing.paths import warehouse_path
from warehouse.publish import connect_published


def read_sql(sql: str | None, file: Path | None) -> str:
    """Exactly one of the SQL argument and ``--file``."""
    if (sql is None) == (file is None):
        raise ValueError("give either SQL or --file FILE (exactly one)")
    return Path(file).read_text(encoding="utf-8") if file is not None else sql


def run_query(
    sql: str | None, file: Path | None, fmt: str, warehouse: Path | None, console: Console | None = None
) -> int:
    """Print the result in ``fmt`` (table | csv | json); returns the exit code (0 ok, 1 SQL error, 2 usage)."""
    console = console or Console(file=sys.stdout)
    errors = Console(file=sys.stderr)
    path = warehouse_path(warehouse)
    if fmt not in FORMATS:
        errors.print(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
        return 2
    try:
        text = read_sql(sql, file)
    except (ValueError, OSError) as exc:
        errors.print(str(exc))
        return 2
    if not path.exists():
        errors.print(f"no warehouse at {path} (run `countybudget ingest` first)")
        return 2
    try:
        with connect_published(path) as con:
            relation = con.sql(text)
            if relation is None:
                return 0
            table = relation.to_arrow_table()
    except duckdb.Error as exc:
        errors.print(f"query failed: {exc}", markup=False)
        return 1
    print_result(table, fmt, console)
    return 0
