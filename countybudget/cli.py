"""The ``countybudget`` command line (typer + rich). Each command is a thin shell over a module."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True, help="County budget disclosures warehouse.")

WarehouseOpt = Annotated[
    Path | None,
    typer.Option("--warehouse", help="DuckDB file (default: $WAREHOUSE_PATH or data/warehouse.duckdb)"),
]


@app.command("make-samples")
def make_samples(
    outdir: Path,
    size: Annotated[str, typer.Option(help="demo | full")] = "demo",
    seed: Annotated[int, typer.Option(help="random seed; same seed, same corpus")] = 2024,
    scanned: Annotated[
        int,
        typer.Option(
            help="also scan N documents (spread over the corpus) into OUTDIR/scanned: image-only, form b"
        ),
    ] = 0,
    form_b: Annotated[
        bool,
        typer.Option(
            "--form-b", help="also write OUTDIR/form_b: two documents printed, stamped and scanned (form b)"
        ),
    ] = False,
) -> None:
    """Write the sample corpus: OUTDIR/pdfs/**.pdf and OUTDIR/truth/*.json (and OUTDIR/form_a)."""
    from samplegen.corpus import write_corpus

    write_corpus(outdir, size=size, seed=seed)
    if form_b:
        from samplegen.scan import FORM_B, scan_form_b

        started = time.perf_counter()
        truths = scan_form_b(outdir, seed)
        pages = sum(t["pages"] for t in truths)
        print(
            f"make-samples: {len(truths)} documents ({pages} pages) scanned into {outdir / FORM_B} "
            f"({time.perf_counter() - started:.1f} s)"
        )
    if scanned:
        from samplegen.scan import scan_corpus

        scan_corpus(outdir, outdir / "scanned", limit=scanned, seed=seed)


@app.command()
def ingest(paths: list[Path], warehouse: WarehouseOpt = None) -> None:
    """Run the whole asset graph in-process on PDFs (files or folders) and publish the warehouse."""
    from pipelines.ingest import run_ingest

    raise typer.Exit(run_ingest(paths, warehouse))


@app.command("ingest-distributed")
def ingest_distributed(
    paths: list[Path],
    warehouse: WarehouseOpt = None,
    runs: Annotated[int, typer.Option(help="extraction runs to fan out over the Celery pool")] = 2,
    extraction_workers: Annotated[int, typer.Option(help="extraction processes per step")] = 1,
) -> None:
    """``ingest`` with the steps on a Celery worker pool and the Dagster instance on Postgres (docs/scaling.md)."""
    from pipelines.distributed_ingest import run_ingest_distributed

    raise typer.Exit(run_ingest_distributed(paths, warehouse, runs, extraction_workers))


@app.command()
def score(warehouse: Path, truthdir: Path) -> None:
    """Per-table precision and recall of exact amounts against the generator's truth."""
    from countybudget.score import print_score

    raise typer.Exit(print_score(warehouse, truthdir))


@app.command()
def query(
    sql: Annotated[str | None, typer.Argument()] = None,
    file: Annotated[Path | None, typer.Option("--file")] = None,
    format: Annotated[str, typer.Option("--format", help="table | csv | json")] = "table",
    warehouse: WarehouseOpt = None,
) -> None:
    """Run SQL on the published, read-only warehouse."""
    from countybudget.query import run_query

    raise typer.Exit(run_query(sql, file, format, warehouse))


@app.command()
def report(out: Path, warehouse: WarehouseOpt = None) -> None:
    """Write the self-contained HTML comparison report."""
    from analyst.report import write_report

    write_report(out, warehouse)


@app.command()
def export(
    outdir: Path,
    format: Annotated[str, typer.Option("--format", help="parquet | csv")] = "parquet",
    warehouse: WarehouseOpt = None,
) -> None:
    """Write every public view (Parquet by region and year, or CSV) and a Fiscal Data Package."""
    from analyst.export import run_export

    raise typer.Exit(run_export(outdir, format, warehouse))


@app.command()
def coverage(
    paths: list[Path],
    details: Annotated[bool, typer.Option("--details", help="one line per document too")] = False,
    json_out: Annotated[Path | None, typer.Option("--json", help="write every figure as JSON")] = None,
    workers: Annotated[int, typer.Option(help="extraction worker processes")] = 2,
) -> None:
    """What the reader gets from a folder of disclosures, per source folder (no warehouse)."""
    from countybudget.coverage import run_coverage

    raise typer.Exit(run_coverage(paths, details, json_out, workers))


@app.command()
def reread(warehouse: WarehouseOpt = None) -> None:
    """Re-extract documents an older extractor version read (or quarantined for a reason a better
    reader may overcome); a re-read that would lose facts keeps the old ones, with a finding."""
    from pipelines.reread import run_reread

    raise typer.Exit(run_reread(warehouse))


@app.command()
def rebuild(
    facts: Annotated[Path, typer.Option("--from", help="the fact store (<warehouse>.staging/facts)")],
    warehouse: WarehouseOpt = None,
) -> None:
    """Recreate the warehouse from the Parquet fact store alone, and publish it."""
    from factstore.rebuild import rebuild as rebuild_from
    from plumbing.paths import warehouse_path

    target = warehouse_path(warehouse).absolute()
    done = rebuild_from(facts, target)
    typer.echo(
        f"rebuilt {target} from {facts}: {done.loaded} loaded, {done.quarantined} quarantined, "
        f"{done.amounts} amounts"
    )


if __name__ == "__main__":  # pragma: no cover
    app()
