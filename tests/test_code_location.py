"""The repo root is a Dagster project: ``dg check defs`` and ``dagster definitions validate`` load it
from pyproject.toml's ``[tool.dg]`` / ``[tool.dagster]`` settings alone (no -m flags)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
pytestmark = pytest.mark.slow


def run(tool: str, *args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"DAGSTER_HOME": str(home)}
    return subprocess.run(
        [str(BIN / tool), *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=300, check=False
    )


def test_dg_check_defs_loads_the_code_location(tmp_path: Path) -> None:
    done = run("dg", "check", "defs", home=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "All definitions loaded successfully." in done.stdout + done.stderr


def test_dagster_definitions_validate_names_the_code_location(tmp_path: Path) -> None:
    done = run("dagster", "definitions", "validate", home=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Validation successful for code location county_budget." in done.stdout + done.stderr
