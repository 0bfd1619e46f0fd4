"""Read-only queries on the published warehouse for UI metadata and asset checks (SQL in assets/sql/)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import duckdb

SQL_DIR = Path(__file__).resolve().parent / "sql"


@cache
def sql(name: str) -> str:
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def fetch(published: Path, name: str, parameters: dict[str, Any] | None = None) -> list[tuple]:
    """Rows as Python values (DECIMAL stays Decimal: no ``.df()`` on money)."""
    with duckdb.connect(str(published), read_only=True) as connection:
        return connection.execute(sql(name), parameters or {}).fetchall()
