"""Frames read from the open working copy for the warehouse-level steps (money kept as Arrow decimals)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from plumbing.inventory import Manifest
from warehouse.readback import sql


def view_frame(con: duckdb.DuckDBPyConnection, name: str) -> pd.DataFrame:
    """A query result through Arrow: DECIMAL stays decimal128, never float64."""
    return con.sql(sql(name)).to_arrow_table().to_pandas(types_mapper=pd.ArrowDtype)


def check_inputs(con: duckdb.DuckDBPyConnection) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(lines, narrative, documents) shaped like the contract views, for ``check_across_documents``."""
    return (
        view_frame(con, "cross_document_lines"),
        view_frame(con, "cross_document_narrative"),
        view_frame(con, "cross_document_documents"),
    )


def missing_documents(con: duckdb.DuckDBPyConnection, manifest: Manifest) -> list[tuple[str, str]]:
    """Loaded documents whose file is gone and whose bytes are not known at another path either."""
    present = {key for key, entry in manifest.entries.items() if Path(entry.path).is_file()}
    rows = con.execute(sql("loaded_sources")).fetchall()
    return [(key, path) for key, path in rows if key not in present and not (path and Path(path).is_file())]
