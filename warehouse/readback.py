"""Read-only queries on the published warehouse for UI metadata and asset checks (``sql/readback/``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from warehouse.publish import connect_published
from warehouse.sqlfiles import sql_text

Fetch = Callable[..., list[tuple]]


def sql(name: str) -> str:
    """The text of ``sql/readback/<name>.sql``."""
    return sql_text(f"readback/{name}.sql")


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
