"""Where things are (data contract: defaults and environment overrides)."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def warehouse_path(override: Path | None = None) -> Path:
    """The published warehouse file analysts open."""
    if override is not None:
        return Path(override)
    return Path(os.environ.get("WAREHOUSE_PATH", REPO_ROOT / "data" / "warehouse.duckdb"))


def inbox_path() -> str:
    """The inbox of incoming PDFs (a local folder today; kept a string so a URL can come later)."""
    return os.environ.get("DISCLOSURE_INBOX", str(REPO_ROOT / "data" / "inbox"))


def dagster_home() -> Path:
    return Path(os.environ.get("DAGSTER_HOME", REPO_ROOT / ".dagster_home"))


def default_staging_root(published: Path) -> Path:
    """Staging sits next to the warehouse it feeds, so two warehouses never share staged results."""
    return published.with_name(f"{published.stem}.staging")
