"""Read-only queries on the published warehouse for UI metadata and asset checks (SQL in warehouse/sql/readback/)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

from warehouse.publish import connect_published

SQL_DIR = Path(__file__).resolve().parent / "sql" / "readback"
Fetch = Callable[..., list[tuple]]


@cache
def sql(name: str) -> str:
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


@contextmanager
def reader(published: Path) -> Iterator[Fetch]:
    """One read-only connection; yields ``fetch(name, parameters=None)`` returning Python values
    (DECIMAL stays Decimal: no ``.df()`` on money)."""
    with connect_published(published) as connection:

        def fetch_rows(name: str, parameters: dict[str, Any] | None = None) -> list[tuple]:
            return connection.execute(sql(name), parameters or {}).fetchall()

        yield fetch_rows


def fetch(published: Path, name: str, parameters: dict[str, Any] | None = None) -> list[tuple]:
    with reader(published) as fetch_rows:
        return fetch_rows(name, parameters)
