"""``extract/`` is pure: importing every extract module pulls in neither Dagster nor DuckDB."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PROBE = """
import importlib, json, pkgutil, sys
import extract
names = sorted(m.name for m in pkgutil.walk_packages(extract.__path__, "extract."))
for name in names:
    importlib.import_module(name)
leaked = sorted(m for m in sys.modules if m.split(".")[0] in ("dagster", "duckdb"))
print(json.dumps({"modules": names, "leaked": leaked}))
"""


def test_extract_imports_neither_dagster_nor_duckdb() -> None:
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=REPO, capture_output=True, text=True, check=True)
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert "extract.model" in report["modules"]
    assert len(report["modules"]) >= 5
    assert report["leaked"] == []
