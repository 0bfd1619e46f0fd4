"""Truth records: building them from rendered marks, validating their shape, writing them.

jsonschema is not installed, so the schema is a small table of required keys and value checks.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

from checks.names import ALL_CHECKS
from extract.model import PHASES, TABLE_TYPES, ReasonClass
from samplegen.layout import Block, Paragraph, TableSpec

AMOUNT = re.compile(r"^-?\d+\.\d{2}$")
NARRATIVE_METRICS = (
    "revenue_total",
    "expenditure_total",
    "revenue_change",
    "basic_expenditure",
    "project_expenditure",
    "operating_cost",
    "three_public_total",
    "outbound",
    "vehicle_purchase",
    "vehicle_operation",
    "reception",
    "procurement_total",
    "procurement_goods",
    "procurement_works",
    "procurement_services",
)
Check = Callable[[object], bool]


def _str(value: object) -> bool:
    return isinstance(value, str) and value != ""


def _opt_str(value: object) -> bool:
    return value is None or _str(value)


def _page(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


def _amount(value: object) -> bool:
    return isinstance(value, str) and bool(AMOUNT.match(value))


def _opt_amount(value: object) -> bool:
    return value is None or _amount(value)


LINE = {
    "table_type": lambda v: v in TABLE_TYPES,
    "code": lambda v: v is None or (_str(v) and v.isdigit()),
    "item": _opt_str,
    "measure": _str,
    "amount_yuan": _amount,
    "page": _page,
}
NARRATIVE = {"metric": lambda v: v in NARRATIVE_METRICS, "amount_yuan": _amount, "page": _page}
TARGET = {
    "scope": lambda v: v in ("department", "project"),
    "project": _opt_str,
    "level1": _opt_str,
    "level2": _opt_str,
    "level3": _opt_str,
    "target_text": _str,
    "page": _page,
}
FINDING = {
    "check": lambda v: v in ALL_CHECKS,
    "metric": _opt_str,
    "table_type": lambda v: v is None or v in TABLE_TYPES,
    "expected_yuan": _opt_amount,
    "actual_yuan": _opt_amount,
}


def _list_of(schema: dict[str, Check]) -> Check:
    return lambda value: isinstance(value, list) and all(not _record_errors(r, schema) for r in value)


DOCUMENT = {
    "file": lambda v: _str(v) and v.startswith("pdfs/"),
    "sha256": lambda v: isinstance(v, str) and len(v) == 64,
    "expected_status": lambda v: v in ("loaded", "quarantined"),
    "reason_class": lambda v: v is None or v in {r.value for r in ReasonClass},
    "county": _opt_str,
    "department": _opt_str,
    "fiscal_year": lambda v: v is None or (isinstance(v, int) and 2000 <= v <= 2100),
    "phase": lambda v: v is None or v in PHASES,
    "title": _opt_str,
    "pages": lambda v: v is None or _page(v),
    "tables_present": lambda v: isinstance(v, list) and all(t in TABLE_TYPES for t in v),
    "lines": _list_of(LINE),
    "narrative": _list_of(NARRATIVE),
    "targets": _list_of(TARGET),
    "expected_findings": _list_of(FINDING),
}


def _record_errors(record: object, schema: dict[str, Check]) -> list[str]:
    if not isinstance(record, dict):
        return [f"not an object: {record!r}"]
    errors = [f"missing {key}" for key in schema if key not in record]
    errors += [f"unexpected {key}" for key in record if key not in schema]
    errors += [
        f"bad {key}: {record[key]!r}" for key, ok in schema.items() if key in record and not ok(record[key])
    ]
    return errors


def validation_errors(truth: dict) -> list[str]:
    """Everything wrong with a truth record's shape (empty when valid)."""
    errors = _record_errors(truth, DOCUMENT)
    if not errors and truth["expected_status"] == "loaded":
        errors += [
            f"loaded document lacks {k}"
            for k in ("county", "department", "fiscal_year", "phase", "title")
            if truth[k] is None
        ]
    if not errors and (truth["expected_status"] == "quarantined") != (truth["reason_class"] is not None):
        errors.append("reason_class must be set exactly when quarantined")
    return errors


def collect(blocks: list[Block]) -> tuple[list[dict], list[dict], list[dict]]:
    """(lines, narrative, targets) from rendered blocks, in print order."""
    lines, narrative, targets = [], [], []
    for block in blocks:
        if isinstance(block, Paragraph):  # target rows printed as text lines (the seed) carry a scope
            narrative += [mark for _, mark in block.marks if "scope" not in mark]
            targets += [mark for _, mark in block.marks if "scope" in mark]
        elif isinstance(block, TableSpec):
            bucket = lines if block.key else targets
            bucket += [mark for row in block.rows for mark in row.marks]
    return lines, narrative, targets


def truth_name(relative_pdf: str) -> str:
    """``pdfs/a/b.pdf`` → ``a__b.json`` (the PDF's path under ``pdfs/``, ``/`` replaced by ``__``)."""
    return relative_pdf.removeprefix("pdfs/").removesuffix(".pdf").replace("/", "__") + ".json"


def write_truth(truth_dir: Path, truth: dict) -> Path:
    errors = validation_errors(truth)
    if errors:
        raise ValueError(f"invalid truth for {truth.get('file')}: {errors[:5]}")
    path = truth_dir / truth_name(truth["file"])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dumps(truth), encoding="utf-8")
    return path


def dumps(truth: dict) -> str:
    """JSON with one record per line (compact, diff-friendly); ``json.loads`` reads it as usual."""
    parts = []
    for key, value in truth.items():
        name = json.dumps(key)
        if isinstance(value, list) and value and isinstance(value[0], dict):
            records = ",\n  ".join(json.dumps(v, ensure_ascii=False) for v in value)
            parts.append(f" {name}: [\n  {records}\n ]")
        else:
            parts.append(f" {name}: {json.dumps(value, ensure_ascii=False)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"
