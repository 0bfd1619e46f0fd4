"""Every SQL file of the project lives under ``warehouse/sql`` (one file per operation); this is the
one loader that reads and runs them.

Sub-folders group them: ``ddl/`` (numbered), ``views/`` (each view names the views it reads in a
``-- depends: v_a, v_b`` line and they are created in that order), ``readback/`` (read-only
queries for asset metadata and checks), ``report/`` (the HTML report), ``examples/``.

A file may hold several statements: DuckDB only binds parameters on the last statement of a
string, so each statement runs on its own with just the named parameters it uses.
"""

from __future__ import annotations

import re
from functools import cache
from graphlib import TopologicalSorter
from pathlib import Path
from typing import Any

import duckdb

SQL_DIR = Path(__file__).resolve().parent / "sql"
_PARAM = re.compile(r"\$([a-z_][a-z0-9_]*)")
_COMMENT = re.compile(r"--[^\n]*")
_DEPENDS = re.compile(r"^--[ \t]*depends:[ \t]*(.*)$", re.MULTILINE)


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
    """``folder/*.sql`` names in sorted order (the DDL files are numbered)."""
    return [f"{folder}/{p.name}" for p in sorted((SQL_DIR / folder).glob("*.sql"))]


def declared_dependencies(name: str) -> list[str]:
    """The views a view file names in its ``-- depends:`` lines (comma or space separated)."""
    return [view for line in _DEPENDS.findall(sql_text(name)) for view in re.split(r"[,\s]+", line) if view]


def views_in_order(folder: str = "views") -> list[str]:
    """The view files, each after the views it declares (``v_x`` lives in ``views/v_x.sql``).

    Ties keep file-name order, so the order is stable; an unknown dependency or a cycle raises.
    """
    files = files_in(folder)
    by_view = {Path(name).stem: name for name in files}
    graph: TopologicalSorter[str] = TopologicalSorter()
    for name in files:
        needed = declared_dependencies(name)
        unknown = [view for view in needed if view not in by_view]
        if unknown:
            raise ValueError(f"{name} depends on {', '.join(unknown)}, which no file in {folder}/ defines")
        graph.add(name, *(by_view[view] for view in needed))
    graph.prepare()
    ordered: list[str] = []
    while graph.is_active():
        ready = sorted(graph.get_ready())
        ordered += ready
        graph.done(*ready)
    return ordered
