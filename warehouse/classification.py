"""Classification dimension rows: the standard codes for every year, overridden by printed names.

Names change between years (卫生健康 was 医疗卫生与计划生育), so the dimension is keyed by year and the
name a year's documents print wins; standard names fill codes nobody printed.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyarrow as pa

from extract import classification

# Tables whose coded rows carry functional codes (project tables list project names, not code names).
FUNCTIONAL_TABLES = (
    "revenue",
    "expenditure",
    "general_budget_expenditure",
    "government_fund_expenditure",
    "state_capital_expenditure",
)
ECONOMIC_TABLES = ("basic_expenditure_economic",)
SCHEME_TABLES = {"functional": FUNCTIONAL_TABLES, "economic": ECONOMIC_TABLES}

CLASSIFICATION_SCHEMA = pa.schema(
    [
        ("scheme", pa.string()),
        ("fiscal_year", pa.int32()),
        ("code", pa.string()),
        ("name", pa.string()),
        ("level", pa.int32()),
        ("parent_code", pa.string()),
        ("source", pa.string()),
    ]
)


def standard_names(scheme: str) -> dict[str, str]:
    """code → name from the standard list shipped with the extractor."""
    return dict(classification.FUNCTIONAL if scheme == "functional" else classification.ECONOMIC)


def is_classification_code(code: str) -> bool:
    try:
        classification.level(code)
    except ValueError:
        return False
    return True


def classification_rows(
    scheme: str, years: Iterable[int], printed: Iterable[tuple[int, str, str]]
) -> list[dict[str, object]]:
    """Rows for every (year, code): printed (year, code, name) triples win over the standard names."""
    names: dict[tuple[int, str], tuple[str, str]] = {}
    standard = standard_names(scheme)
    for year in years:
        for code, name in standard.items():
            names[(year, code)] = (name, "standard")
    for year, code, name in printed:
        if is_classification_code(code):  # a misread code (4 or 9 digits) has no place in the hierarchy
            names[(year, code)] = (name, "printed")
    return [
        {
            "scheme": scheme,
            "fiscal_year": year,
            "code": code,
            "name": name,
            "level": classification.level(code),
            "parent_code": classification.parent_code(code),
            "source": source,
        }
        for (year, code), (name, source) in sorted(names.items())
    ]


def classification_table(rows: list[dict[str, object]]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=CLASSIFICATION_SCHEMA)
