"""The sample generator's truth files (docs/conventions.md), read for scoring."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

# (table_type, code, item, measure, amount_yuan): what must match exactly; page is not part of it.
LineKey = tuple[str, str | None, str | None, str, Decimal]


@dataclass(frozen=True)
class TruthDocument:
    file: str
    sha256: str
    expected_status: str
    reason_class: str | None
    identity: tuple[str, str, int, str] | None  # county, department, fiscal_year, phase
    lines: list[LineKey] = field(default_factory=list)


def line_key(line: dict) -> LineKey:
    return (
        line["table_type"],
        line.get("code"),
        line.get("item"),
        line["measure"],
        Decimal(line["amount_yuan"]),
    )


def read_truth_file(path: Path) -> TruthDocument:
    data = json.loads(path.read_text(encoding="utf-8"))
    parts = [data.get(k) for k in ("county", "department", "fiscal_year", "phase")]
    return TruthDocument(
        file=data.get("file", path.name),
        sha256=data["sha256"],
        expected_status=data.get("expected_status", "loaded"),
        reason_class=data.get("reason_class"),
        identity=tuple(parts) if all(p is not None for p in parts) else None,
        lines=[line_key(line) for line in data.get("lines") or []],
    )


def read_truth(truthdir: Path) -> list[TruthDocument]:
    """Every ``*.json`` under the folder, in name order."""
    return [read_truth_file(p) for p in sorted(Path(truthdir).rglob("*.json"))]
