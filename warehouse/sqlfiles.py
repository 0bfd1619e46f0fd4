"""SQL lives in ``warehouse/sql`` (one file per operation); this reads and runs those files.

A file may hold several statements: DuckDB only binds parameters on the last statement of a
string, so each statement runs on its own with just the named parameters it uses.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import duckdb

SQL_DIR = Path(__file__).resolve().parent / "sql"
_PARAM = re.compile(r"\$([a-z_][a-z0-9_]*)")
_COMMENT = re.compile(r"--[^\n]*")


@cache
def sql_text(name: str) -> str:
    """The text of ``warehouse/sql/<name>`` (name may include a sub-folder, e.g. ``views/v_x.sql``)."""
    return (SQL_DIR / name).read_text(encoding="utf-8")


@cache
def statements(name: str) -> tuple[str, ...]:
    """The file's statements (our files never hold ``;`` inside a literal or comment)."""
    body = _COMMENT.sub("", sql_text(name))
    return tuple(s.strip() for s in body.split(";") if s.strip())


def run(con: duckdb.DuckDBPyConnection, name: str, params: dict[str, Any] | None = None) -> list[tuple]:
    """Run every statement of a file; returns the rows of the last one."""
    params = params or {}
    rows: list[tuple] = []
    for statement in statements(name):
        used = {key: params[key] for key in dict.fromkeys(_PARAM.findall(statement))}
        cursor = con.execute(statement, used) if used else con.execute(statement)
        rows = cursor.fetchall() if cursor.description else []
    return rows


def files_in(folder: str) -> list[str]:
    """``folder/*.sql`` names in sorted order (DDL numbering, views alphabetical)."""
    return [f"{folder}/{p.name}" for p in sorted((SQL_DIR / folder).glob("*.sql"))]
