"""Every table and view of two DuckDB warehouses, row for row (timestamps of when, not what, left out)."""

from __future__ import annotations

from pathlib import Path

import duckdb

RELATIONS_SQL = """
SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY table_name
"""
COLUMNS_SQL = """
SELECT column_name, data_type FROM information_schema.columns
WHERE table_schema = 'main' AND table_name = $name ORDER BY ordinal_position
"""


def contents(path: Path) -> dict[str, tuple[list[str], list[tuple]]]:
    """relation -> (compared columns, sorted rows); TIMESTAMP columns (loaded_at, …) are left out."""
    out = {}
    with duckdb.connect(str(path), read_only=True) as con:
        for (name,) in con.execute(RELATIONS_SQL).fetchall():
            columns = [
                c
                for c, kind in con.execute(COLUMNS_SQL, {"name": name}).fetchall()
                if "TIMESTAMP" not in kind
            ]
            select = ", ".join(f'"{c}"' for c in columns)
            rows = con.execute(f'SELECT {select} FROM "{name}"').fetchall()
            out[name] = (columns, sorted(rows, key=repr))
    return out


def differences(left: Path, right: Path) -> list[str]:
    """Human-readable differences (empty when the warehouses are identical)."""
    a, b = contents(left), contents(right)
    found = [f"relation {n} only in {left}" for n in sorted(set(a) - set(b))]
    found += [f"relation {n} only in {right}" for n in sorted(set(b) - set(a))]
    for name in sorted(set(a) & set(b)):
        if a[name][0] != b[name][0]:
            found.append(f"{name}: columns {a[name][0]} != {b[name][0]}")
        elif a[name][1] != b[name][1]:
            only_a = [r for r in a[name][1] if r not in b[name][1]][:3]
            only_b = [r for r in b[name][1] if r not in a[name][1]][:3]
            found.append(f"{name}: {len(a[name][1])} vs {len(b[name][1])} rows; e.g. {only_a} vs {only_b}")
    return found
