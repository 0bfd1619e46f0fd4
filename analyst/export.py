"""``countybudget export``: every public view of the published warehouse in open formats.

Views are discovered from the warehouse (every ``v_%`` view), so a view added later is exported
without touching this module. Rows travel DuckDB → Arrow → file: DECIMAL(18,2) stays decimal128 in
Parquet and exact text in CSV (never pandas, never float). Parquet is partitioned hive-style by
region and year (``county=白石县/fiscal_year=2024/``) so Spark, DuckDB, pandas and R read one
county or one year without scanning the rest.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from analyst.fiscal import write_fiscal_package
from plumbing.paths import warehouse_path
from warehouse.publish import connect_published

FORMATS = ("parquet", "csv")
# The region column of a view (contract views say `county`; newer views may say `region`), then the year.
REGION_COLUMNS = ("county", "region")
YEAR_COLUMN = "fiscal_year"
# Written for a NULL partition value (a document whose cover prints no region or year): Hive's own spelling.
NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"
BATCH_ROWS = 100_000


def public_views(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Every analyst-facing view (``v_`` prefix) in the warehouse, by name."""
    rows = con.sql(
        "SELECT view_name FROM duckdb_views() WHERE NOT internal AND starts_with(view_name, 'v_') "
        "ORDER BY view_name"
    ).fetchall()
    return [name for (name,) in rows]


def partition_columns(schema: pa.Schema) -> list[str]:
    """The region column (if the view has one) then the year column (if it has one)."""
    names = schema.names
    region = next((c for c in REGION_COLUMNS if c in names), None)
    return [c for c in (region, YEAR_COLUMN if YEAR_COLUMN in names else None) if c]


def partitioning(schema: pa.Schema) -> ds.Partitioning | None:
    """Hive partitioning on the view's region and year columns, with their own types; None if neither."""
    columns = partition_columns(schema)
    if not columns:
        return None
    fields = pa.schema([schema.field(c) for c in columns])
    return ds.HivePartitioning(fields, null_fallback=NULL_PARTITION)


def view_table(con: duckdb.DuckDBPyConnection, view: str) -> pa.Table:
    """A whole view as one Arrow table (tests and small views; the export streams instead)."""
    return con.sql(f'SELECT * FROM "{view}"').to_arrow_table()


class Counted:
    """A view's record batches, streamed (a province's lines need not fit in memory), rows counted."""

    def __init__(self, con: duckdb.DuckDBPyConnection, view: str) -> None:
        self.source = con.sql(f'SELECT * FROM "{view}"').to_arrow_reader(BATCH_ROWS)
        self.schema = self.source.schema
        self.rows = 0

    def _batches(self) -> Iterator[pa.RecordBatch]:
        for batch in self.source:
            self.rows += batch.num_rows
            yield batch

    def reader(self) -> pa.RecordBatchReader:
        return pa.RecordBatchReader.from_batches(self.schema, self._batches())


def write_parquet(view: Counted, folder: Path) -> None:
    """One Parquet dataset per view: hive folders by region and year, or one file when the view has neither."""
    if folder.exists():
        shutil.rmtree(folder)
    scheme = partitioning(view.schema)
    if scheme is not None:
        ds.write_dataset(
            view.reader(),
            folder,
            format="parquet",
            partitioning=scheme,
            basename_template="part-{i}.parquet",
            existing_data_behavior="error",
        )
    if scheme is None or view.rows == 0:
        # no partition columns, or no rows (the dataset writer wrote no file): one file, full schema
        folder.mkdir(parents=True, exist_ok=True)
        with pq.ParquetWriter(folder / "part-0.parquet", view.schema) as writer:
            for batch in view.reader():
                writer.write_batch(batch)


def read_parquet(folder: Path, schema: pa.Schema) -> pa.Table:
    """A view read back from its Parquet folder, columns in the view's order and with its types."""
    flat = (folder / "part-0.parquet").exists()
    scheme = None if flat else partitioning(schema)
    table = ds.dataset(folder, format="parquet", partitioning=scheme).to_table()
    return table.select(schema.names).cast(schema)


def csv_ready(batch: pa.RecordBatch) -> pa.RecordBatch:
    """Nested columns (lists, structs) as JSON text: CSV has no nesting, JSON is what tools parse back."""
    columns = []
    for field, column in zip(batch.schema, batch.columns, strict=True):
        if pa.types.is_nested(field.type):
            texts = [None if v is None else json.dumps(v, ensure_ascii=False) for v in column.to_pylist()]
            column = pa.array(texts, pa.string())
        columns.append(column)
    return pa.RecordBatch.from_arrays(columns, names=batch.schema.names)


def csv_schema(schema: pa.Schema) -> pa.Schema:
    return pa.schema([pa.field(f.name, pa.string()) if pa.types.is_nested(f.type) else f for f in schema])


def write_csv(view: Counted, path: Path) -> None:
    """UTF-8 CSV with a header; decimals printed exactly (12345.60), NULL as an empty cell."""
    options = pacsv.WriteOptions(quoting_style="needed")
    with pacsv.CSVWriter(path, csv_schema(view.schema), write_options=options) as writer:
        for batch in view.reader():
            writer.write_batch(csv_ready(batch))


def export_views(con: duckdb.DuckDBPyConnection, outdir: Path, fmt: str) -> dict[str, int]:
    """Write every public view in ``fmt`` under ``outdir``; returns rows per view."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: expected one of {', '.join(FORMATS)}")
    outdir.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    for name in public_views(con):
        view = Counted(con, name)
        if fmt == "parquet":
            write_parquet(view, outdir / name)
        else:
            write_csv(view, outdir / f"{name}.csv")
        counts[name] = view.rows
    return counts


def run_export(outdir: Path, fmt: str, warehouse: Path | None = None) -> int:
    """The CLI command: the views, then the Fiscal Data Package beside them; prints rows per view."""
    if fmt not in FORMATS:
        raise SystemExit(f"unknown format {fmt!r}: expected one of {', '.join(FORMATS)}")
    published = warehouse_path(warehouse)
    if not published.exists():
        raise SystemExit(f"no published warehouse at {published}: run `countybudget ingest` first")
    con = connect_published(published)
    try:
        counts = export_views(con, outdir, fmt)
        fiscal_rows = write_fiscal_package(con, outdir)
    finally:
        con.close()
    for view, rows in counts.items():
        print(f"{view}: {rows} rows")
    print(f"datapackage.json: {fiscal_rows} fiscal lines → {outdir}")
    return 0
