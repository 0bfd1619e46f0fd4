"""The analysts' HTML report, rewritten after each publish from the file analysts just got."""

import os
import tempfile
import time
from pathlib import Path

from dagster import AssetExecutionContext, MaterializeResult, MetadataValue, asset

from assets.publishing import published_warehouse
from assets.resources import WarehouseResource


def report_path(published: Path) -> Path:
    """``$REPORT_PATH``, else ``report.html`` beside the published warehouse."""
    return Path(os.environ.get("REPORT_PATH", published.parent / "report.html"))


def write_atomically(target: Path, text: str) -> None:
    """Readers never see half a report: write a temporary file beside it, then rename over it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.chmod(temp, 0o644)  # mkstemp makes it private; the report is for every analyst
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


@asset(
    deps=[published_warehouse],
    group_name="warehouse",
    description="The self-contained HTML report (trends, functional mix, year-over-year changes, execution, "
    "open findings linked to their pages) of the published warehouse, written after each publish.",
)
def analyst_report(context: AssetExecutionContext, warehouse: WarehouseResource) -> MaterializeResult:
    from analyst.report import build_report

    started = time.perf_counter()
    out = report_path(warehouse.published)
    html = build_report(warehouse.published)
    write_atomically(out, html)
    context.log.info(f"wrote {out}")
    return MaterializeResult(
        metadata={
            "path": MetadataValue.path(str(out)),
            "charts": html.count('<div class="chart" id="chart-'),
            "bytes": len(html.encode("utf-8")),
            "seconds": round(time.perf_counter() - started, 3),
        }
    )
