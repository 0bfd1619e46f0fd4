"""The layers hold (``lint-imports`` on the contracts in pyproject.toml), and docs/architecture.md's
package table says what those contracts say."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def contracts() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]


def layers() -> list[list[str]]:
    """Top to bottom; siblings (``a | b``) share a layer."""
    (layered,) = [c for c in contracts()["contracts"] if c["type"] == "layers"]
    return [[name.strip() for name in layer.split("|")] for layer in layered["layers"]]


def test_lint_imports_keeps_every_contract() -> None:
    done = subprocess.run(
        [str(Path(sys.executable).parent / "lint-imports"), "--no-cache"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:]
    kept = len(contracts()["contracts"])
    assert f"Contracts: {kept} kept, 0 broken." in done.stdout


def test_every_package_is_in_a_layer() -> None:
    packages = sorted(p.parent.name for p in REPO.glob("*/__init__.py") if p.parent.name != "tests")
    assert sorted(name for layer in layers() for name in layer) == packages
    assert sorted(contracts()["root_packages"]) == packages


def test_architecture_table_matches_the_contracts() -> None:
    text = (REPO / "docs" / "architecture.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (\d+) \| `([a-z_]+)/` \| .* \| (.*) \|$", text, re.MULTILINE)
    table = {package: (int(layer), re.findall(r"`([a-z_]+)`", imports)) for layer, package, imports in rows}
    expected = {}
    for index, layer in enumerate(layers()):
        below = [name for lower in layers()[index + 1 :] for name in lower]
        for package in layer:
            expected[package] = (index + 1, below)
    assert table == expected
