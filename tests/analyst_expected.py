"""The comparison views' rows computed in Python from the generated truth (not from the warehouse).

Each function mirrors one view's documented meaning (docs/data-dictionary.md) so the tests compare
the SQL against an independent reading of the same numbers.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

from extract import classification

FUNCTIONAL_TABLES = {
    "revenue",
    "expenditure",
    "general_budget_expenditure",
    "government_fund_expenditure",
    "state_capital_expenditure",
}
CENT = Decimal("0.01")
Aliases = list[tuple[str, str, int | None, int | None, str]]  # region, name, from, to, key


def pct(part: Decimal | None, whole: Decimal | None) -> Decimal | None:
    if part is None or whole is None or whole == 0:
        return None
    return (part * 100 / whole).quantize(CENT, rounding=ROUND_HALF_UP)


def key_of(truth: dict, aliases: Aliases) -> str:
    for region, name, low, high, key in aliases:
        if (region, name) == (truth["county"], truth["department"]) and (low or 0) <= truth[
            "fiscal_year"
        ] <= (high or 9999):
            return key
    name = truth["department"]
    return name.removeprefix("中国共产党").removeprefix("中共")


def _sum(values: list[Decimal]) -> Decimal | None:
    return sum(values, Decimal(0)) if values else None


def _pick(lines: list[dict], table: str, measure: str) -> Decimal | None:
    """A table's 合计 row, else the sum of its 类 rows."""
    total = [
        Decimal(x["amount_yuan"])
        for x in lines
        if (x["table_type"], x["measure"], x["code"], x["item"]) == (table, measure, None, "合计")
    ]
    if total:
        return _sum(total)
    return _sum(
        [
            Decimal(x["amount_yuan"])
            for x in lines
            if x["table_type"] == table and x["measure"] == measure and x["code"] and len(x["code"]) == 3
        ]
    )


def _economic(lines: list[dict], measure: str, row: str) -> Decimal | None:
    found = [
        Decimal(x["amount_yuan"])
        for x in lines
        if x["table_type"] == "basic_expenditure_economic"
        and x["code"] is None
        and (
            (x["item"] == "合计" and x["measure"] == measure)
            or (x["item"] == row and x["measure"] in ("amount", "total"))
        )
    ]
    if found:
        return _sum(found)
    return _sum(
        [
            Decimal(x["amount_yuan"])
            for x in lines
            if (x["table_type"], x["code"], x["item"], x["measure"])
            == ("general_budget_expenditure", None, "合计", measure)
        ]
    )


def _three_public(lines: list[dict], measure: str) -> Decimal | None:
    return _sum(
        [
            Decimal(x["amount_yuan"])
            for x in lines
            if x["table_type"] == "three_public" and x["item"] is None and x["measure"] == measure
        ]
    )


def _narrative(truth: dict, metric: str) -> Decimal | None:
    found = [Decimal(n["amount_yuan"]) for n in truth["narrative"] if n["metric"] == metric]
    return found[0] if found else None


MONEY = (
    "revenue_yuan",
    "expenditure_yuan",
    "basic_yuan",
    "project_yuan",
    "personnel_yuan",
    "public_use_yuan",
    "three_public_yuan",
    "outbound_yuan",
    "vehicle_yuan",
    "vehicle_purchase_yuan",
    "vehicle_operation_yuan",
    "reception_yuan",
    "operating_cost_yuan",
    "procurement_yuan",
)


def document_figures(truth: dict) -> dict[str, Decimal | None]:
    lines = truth["lines"]
    table_procurement = _sum(
        [
            Decimal(x["amount_yuan"])
            for x in lines
            if (x["table_type"], x["code"], x["item"], x["measure"]) == ("procurement", None, "合计", "total")
        ]
    )
    values = [
        _pick(lines, "revenue", "total"),
        _pick(lines, "expenditure", "total"),
        _pick(lines, "expenditure", "basic"),
        _pick(lines, "expenditure", "project"),
        _economic(lines, "personnel", "人员经费合计"),
        _economic(lines, "public_use", "公用经费合计"),
        *(
            _three_public(lines, m)
            for m in (
                "total",
                "outbound",
                "vehicle_total",
                "vehicle_purchase",
                "vehicle_operation",
                "reception",
            )
        ),
        _narrative(truth, "operating_cost"),
        table_procurement if table_procurement is not None else _narrative(truth, "procurement_total"),
    ]
    return dict(zip(MONEY, values, strict=True))


def department_year(docs: list[dict], aliases: Aliases) -> dict[tuple, dict]:
    """(county, key, year, phase) → the v_department_year row as a dict."""
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for t in docs:
        groups[(t["county"], key_of(t, aliases), t["fiscal_year"], t["phase"])].append(t)
    rows = {}
    for group, members in groups.items():
        figures = [document_figures(t) for t in members]
        row: dict = {
            "department": "、".join(sorted({t["department"] for t in members})),
            "documents": len(members),
        }
        for column in MONEY:
            row[column] = _sum([f[column] for f in figures if f[column] is not None])
        rows[group] = row
    return rows


def expenditure_codes(docs: list[dict], aliases: Aliases, lengths: tuple[int, ...]) -> dict[tuple, Decimal]:
    """(county, key, year, phase, code) → the expenditure table's total on coded rows of those lengths."""
    out: dict[tuple, Decimal] = defaultdict(Decimal)
    for t in docs:
        for x in t["lines"]:
            if (
                x["table_type"] == "expenditure"
                and x["measure"] == "total"
                and x["code"]
                and len(x["code"]) in lengths
            ):
                out[(t["county"], key_of(t, aliases), t["fiscal_year"], t["phase"], x["code"])] += Decimal(
                    x["amount_yuan"]
                )
    return dict(out)


def class_names(docs: list[dict]) -> dict[tuple[int, str], str]:
    """(year, code) → the name printed that year (what dim_classification holds), else the standard one."""
    names: dict[tuple[int, str], str] = {}
    years = {t["fiscal_year"] for t in docs}
    for year in years:
        for code, name in classification.FUNCTIONAL.items():
            names[(year, code)] = name
    for t in docs:
        for x in t["lines"]:
            if x["table_type"] in FUNCTIONAL_TABLES and x["code"]:
                names[(t["fiscal_year"], x["code"])] = x["item"]
    return names


def yoy(docs: list[dict], aliases: Aliases) -> set[tuple]:
    years = department_year(docs, aliases)
    amounts = expenditure_codes(docs, aliases, (3, 5))
    for (county, key, year, phase), row in years.items():
        if row["expenditure_yuan"] is not None:
            amounts[(county, key, year, phase, None)] = row["expenditure_yuan"]
    names = class_names(docs)
    out = set()
    for county, key, year, phase in years:
        if (county, key, year - 1, phase) not in years:
            continue
        codes = {
            a[4] for a in amounts if a[:4] in ((county, key, year, phase), (county, key, year - 1, phase))
        }
        for code in codes:
            now = amounts.get((county, key, year, phase, code))
            before = amounts.get((county, key, year - 1, phase, code))
            change = now - before if now is not None and before is not None else None
            name = "合计" if code is None else names.get((year, code), names.get((year - 1, code)))
            level = 0 if code is None else (1 if len(code) == 3 else 2)
            department = years[(county, key, year, phase)]["department"]
            out.add(
                (
                    county,
                    key,
                    department,
                    phase,
                    year,
                    year - 1,
                    code,
                    name,
                    level,
                    now,
                    before,
                    change,
                    pct(change, before),
                )
            )
    return out


def function_share(docs: list[dict], aliases: Aliases) -> set[tuple]:
    classes = expenditure_codes(docs, aliases, (3,))
    amounts: dict[tuple, Decimal] = defaultdict(Decimal)
    departments: dict[tuple, set[str]] = defaultdict(set)
    for (county, key, year, phase, code), amount in classes.items():
        amounts[(county, year, phase, code)] += amount
        departments[(county, year, phase, code)].add(key)
    totals: dict[tuple, Decimal] = defaultdict(Decimal)
    for (county, year, phase, _), amount in amounts.items():
        totals[(county, year, phase)] += amount
    names = class_names(docs)
    return {
        (
            county,
            year,
            phase,
            code,
            names[(year, code)],
            len(departments[(county, year, phase, code)]),
            amount,
            totals[(county, year, phase)],
            pct(amount, totals[(county, year, phase)]),
        )
        for (county, year, phase, code), amount in amounts.items()
    }


def three_public_trend(docs: list[dict], aliases: Aliases) -> set[tuple]:
    years = department_year(docs, aliases)
    out = set()
    for (county, key, year, phase), row in years.items():
        if row["three_public_yuan"] is None:
            continue
        prior = years.get((county, key, year - 1, phase), {}).get("three_public_yuan")
        change = row["three_public_yuan"] - prior if prior is not None else None
        parts = [row[c] for c in MONEY[6:12]]
        out.add((county, key, row["department"], phase, year, *parts, prior, change, pct(change, prior)))
    return out


def region_year(docs: list[dict], aliases: Aliases) -> set[tuple]:
    years = department_year(docs, aliases)
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for (county, _, year, phase), row in years.items():
        groups[(county, year, phase)].append(row)
    columns = (
        "revenue_yuan",
        "expenditure_yuan",
        "basic_yuan",
        "project_yuan",
        "personnel_yuan",
        "public_use_yuan",
    )
    columns += ("three_public_yuan", "operating_cost_yuan", "procurement_yuan")
    return {
        (
            county,
            year,
            phase,
            len(rows),
            sum(r["documents"] for r in rows),
            *(_sum([r[c] for r in rows if r[c] is not None]) for c in columns),
        )
        for (county, year, phase), rows in groups.items()
    }
