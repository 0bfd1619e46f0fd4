"""Self-verification: which amounts an arithmetic identity confirms.

A misread digit breaks the identities it takes part in, so the share of a table's amounts that
some identity confirms says how far the reading can be trusted without a truth file. Identities:

- within a table: row totals (合计 = the other columns), code hierarchy (类 = Σ款, 款 = Σ项, for
  the economic table too), the 合计 row (= Σ top-level rows), 决算 人员经费合计 + 公用经费合计 =
  Σ 类; summary 收入总计 = 支出总计 and 本年收入合计 = Σ items (subtotal rows counted once);
  三公 total = outbound + vehicles + reception and vehicles = purchase + operation;
- across tables (they confirm, never count as checked): general_budget_expenditure 合计 =
  fiscal_summary 一般公共预算 支出, its 基本支出 = the economic table's total, expenditure 合计 =
  summary 本年支出合计, revenue 合计 = summary 本年收入合计 or 收入总计.

An amount counts once however many identities confirm it. Rounding: ``checks.tolerance`` (the
same allowance as the checks). ``read_tables`` says which tables the reader actually got: the
checks compare narrative figures and other tables only against those.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from decimal import Decimal

from checks.line_index import LineIndex, department_lines, unit_sections
from checks.outline import outline_holds, splits_in_two
from checks.table_arithmetic import (
    CODED_TABLES,
    NOT_A_SUMMARY_ITEM,
    ROW_PARTS,
    TOTAL_LABELS,
    leaf_counts,
    parent_code,
    row_part_options,
    summary_revenue_items,
    without_subtotals,
)
from checks.tolerance import Tolerances, figure_step, figures_allowance, rounding_allowance
from extract.model import BudgetLine, ExtractedDocument

ZERO = Decimal("0.00")
Cell = tuple[str, str | None, str]  # (table, row key, measure)
THREE_PARTS = (("outbound", "vehicle_total", "reception"), ("vehicle_purchase", "vehicle_operation"))
# (table, row keys (first printed wins), measure) pairs that print the same figure
CROSS_TABLE = (
    (
        ("general_budget_expenditure", ("合计",), "total"),
        (
            "fiscal_summary",
            ("本年支出合计", "本年支出", "支出总计", "收入总计", *TOTAL_LABELS),
            "general_budget",
        ),
    ),
    (
        ("general_budget_expenditure", ("合计",), "total"),
        ("fiscal_summary", ("一般公共预算", "一般公共预算资金", "一般公共预算拨款"), "total"),
    ),
    (("general_budget_expenditure", ("合计",), "basic"), ("basic_expenditure_economic", ("合计",), "total")),
    (("expenditure", ("合计",), "total"), ("summary", ("本年支出合计",), "expenditure")),
    (("revenue", ("合计",), "total"), ("summary", ("本年收入合计",), "revenue")),
    (("revenue", ("合计",), "total"), ("summary", ("收入总计", "总计"), "revenue")),
)
# A table is taken as misread when fewer than half of at least 10 checked amounts are confirmed:
# one misprinted cell breaks a few identities, a wrong column mapping or lost rows break most. A
# small table (三公: 6 amounts) never qualifies: there one wrong cell breaks every identity.
# (table, measure) pairs whose rows of the same printed label print the same figure: the summary's
# and fiscal_summary's 支出 side list the functional 类 of the expenditure tables by name.
SAME_LABEL = (
    (("summary", "expenditure"), ("expenditure", "total")),
    (("fiscal_summary", "total"), ("general_budget_expenditure", "total")),
    (("fiscal_summary", "general_budget"), ("general_budget_expenditure", "total")),
    (("summary", "revenue"), ("fiscal_summary", "revenue")),
)
# summary revenue item (label fragment) -> the revenue table's 合计 measure printing it
REVENUE_ITEM_MEASURE = (
    ("一般公共预算", "general_budget"),
    ("政府性基金", "government_fund"),
    ("国有资本", "state_capital"),
    ("财政专户", "special_account"),
    ("事业单位经营", "operation_income"),
    ("事业收入", "business_income"),
    ("上级补助", "superior_subsidy"),
    ("附属单位", "affiliated_remit"),
    ("其他收入", "other_income"),
    ("财政拨款", "fiscal_appropriation"),
)
_CURRENT_YEAR = ("当年收入小计", "当年收入合计", "当年支出小计", "当年支出合计")  # 本年 as some print it
UNVERIFIED_BELOW = Decimal("0.5")
UNVERIFIED_MIN_CHECKED = 10


class Verifier:
    """Runs every identity over one document, collecting confirmed and checked cells."""

    def __init__(self, doc: ExtractedDocument) -> None:
        self.index, self.tol = LineIndex(doc.lines), Tolerances(doc)
        self.confirmed: set[Cell] = set()
        self.checked: set[Cell] = set()  # cells of a within-table identity, holding or not
        for table in self.index.tables:
            self._row_identities(table)
            self._coded_identities(table)
        self._outlines(doc)
        self._summary()
        self._expenditure_items("summary", "expenditure")
        self._expenditure_items("fiscal_summary", "total")
        self._fiscal_balance()
        self._three_public()
        self._economic_final()
        for left, right in CROSS_TABLE:
            self._cross(left, right)
        labels = self._unique_labels(doc)
        for (table_a, measure_a), (table_b, measure_b) in SAME_LABEL:
            for label, key_b in labels.get(table_b, {}).items():
                if label in self.index.labelled_rows(table_a):
                    self._equal([(table_a, label, measure_a)], [(table_b, key_b, measure_b)], within=False)
        for label, _ in summary_revenue_items(self.index):
            measure = next((m for fragment, m in REVENUE_ITEM_MEASURE if fragment in label), None)
            if measure:
                self._equal([("summary", label, "revenue")], [("revenue", "合计", measure)], within=False)

    @staticmethod
    def _unique_labels(doc: ExtractedDocument) -> dict[str, dict[str, str]]:
        """Per table: printed label -> row key, for labels that name one row only."""
        keys: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for line in doc.lines:
            if line.item:
                keys[line.table_type][line.item].add(line.code or line.item)
        return {
            table: {label: next(iter(k)) for label, k in by_label.items() if len(k) == 1}
            for table, by_label in keys.items()
        }

    def value(self, cell: Cell) -> Decimal | None:
        return self.index.cell(*cell)

    def _equal(
        self, left: list[Cell], right: list[Cell], within: bool = True, leaves: dict[str, int] | None = None
    ) -> bool:
        """Σ left = Σ right, each cell rounded to its table's printed precision; ``leaves``: per
        row key, the rounded leaf figures beneath it (``table_arithmetic.leaf_counts``)."""
        left = [c for c in left if self.value(c) is not None]
        right = [c for c in right if self.value(c) is not None]
        if not left or not right:
            return False
        cells = left + right
        total = sum((self.value(c) for c in left), ZERO) - sum((self.value(c) for c in right), ZERO)
        steps = [figure_step(self.tol.step(c[0]), self.value(c)) for c in cells]
        hidden = sum(((leaves or {}).get(c[1] or "", 1) - 1) * self.tol.step(c[0]) for c in right)
        holds = abs(total) <= figures_allowance(steps) + hidden / 2
        if within:
            self.checked.update(cells)
        if holds:
            self.confirmed.update(cells)
        return holds

    def _row_identities(self, table: str) -> None:
        if table not in ROW_PARTS:
            return
        total, alternatives = ROW_PARTS[table]
        for key, row in self.index.tables[table].items():
            for option in row_part_options(row, total, alternatives):
                parts = [m for m in option if m in row]
                if (
                    total in row
                    and parts
                    and self._equal([(table, key, total)], [(table, key, m) for m in parts])
                ):
                    break

    def _coded_identities(self, table: str) -> None:
        if table not in CODED_TABLES:
            return
        rows = self.index.tables[table]
        codes = self.index.codes[table]
        children: dict[str | None, list[str]] = defaultdict(list)
        for code in codes:
            children[parent_code(code, set(codes))].append(code)
        total_key = next((label for label in TOTAL_LABELS if label in rows), None)
        leaves = leaf_counts(codes)
        for parent, kids in children.items():
            parent_key = parent if parent is not None else total_key
            if parent_key is None:
                continue
            for measure in rows[parent_key]:
                cells = [(table, kid, measure) for kid in kids]
                self._equal([(table, parent_key, measure)], cells, leaves=leaves)

    def _outlines(self, doc: ExtractedDocument) -> None:
        """A list without codes that opens with its 合计 row: some nesting of the rows below it
        satisfies every parent = Σ children (``checks.outline``). Only a holding outline is
        counted as checked: a list that is no outline (a two-sided summary) is not misread."""
        lists: dict[tuple[str, str], list[BudgetLine]] = defaultdict(list)
        coded = {line.table_type for line in doc.lines if line.code}
        for line in doc.lines:
            if line.table_type not in coded and line.table_type != "three_public":
                lists[(line.table_type, line.measure)].append(line)
        for lines in lists.values():
            if lines[0].item not in TOTAL_LABELS or any(line.item in TOTAL_LABELS for line in lines[1:]):
                continue
            if outline_holds(lines[0].amount_yuan, [line.amount_yuan for line in lines[1:]]):
                cells = {(line.table_type, line.item, line.measure) for line in lines}
                self.checked.update(cells)
                self.confirmed.update(cells)

    def _economic_final(self) -> None:
        table = "basic_expenditure_economic"
        codes = self.index.codes.get(table, [])
        roots = [c for c in codes if parent_code(c, set(codes)) is None]
        if roots and "合计" not in self.index.tables.get(table, {}):
            self._equal(
                [(table, "人员经费合计", "amount"), (table, "公用经费合计", "amount")],
                [(table, code, "amount") for code in roots],
            )

    def _summary(self) -> None:
        if "summary" not in self.index.tables:
            return
        labels = self.index.tables["summary"]
        current_year = any(k in labels for k in _CURRENT_YEAR)  # then 收入合计 is the grand total
        grand = ("收入合计", "支出合计") if current_year else ()
        revenue = next((k for k in ("总计", "收入总计", *grand[:1]) if "revenue" in labels.get(k, {})), None)
        spent = next(
            (k for k in ("总计", "支出总计", *grand[1:]) if "expenditure" in labels.get(k, {})), None
        )
        if revenue and spent:
            self._equal([("summary", revenue, "revenue")], [("summary", spent, "expenditure")])
        current = next(
            (k for k in ("本年收入合计", "本年收入小计", *_CURRENT_YEAR[:2], "收入合计") if k in labels), None
        )
        items = summary_revenue_items(self.index)
        if current is None or not items:
            return
        cells = [("summary", label, "revenue") for label, _ in items]
        if not self._equal([("summary", current, "revenue")], cells):
            step = self.tol.step("summary")
            leaves = without_subtotals([v for _, v in items], step)
            total = self.value(("summary", current, "revenue"))
            if total is not None and abs(total - sum(leaves, ZERO)) <= rounding_allowance(step, len(leaves)):
                self.confirmed.update([("summary", current, "revenue"), *cells])

    def _expenditure_items(self, table: str, measure: str) -> None:
        """收支总表: the 支出 items add up to 本年支出合计, once per classification printed beside
        each other (功能分类 | 支出用途: twice, and some of them alone make the total). Confirms
        only: a template whose items are not parts of that total is not misread."""
        labels = self.index.tables.get(table, {})
        keys = ("本年支出合计", "本年支出小计", "本年支出", *_CURRENT_YEAR[2:], "支出合计")
        current = next((k for k in keys if measure in labels.get(k, {})), None)
        parts = self.index.sub_items.get(table, set())
        items = [
            (table, label, measure)
            for label, row in self.index.labelled_rows(table).items()
            if measure in row and label and label not in parts and not NOT_A_SUMMARY_ITEM.search(label)
        ]
        if current is None or not items:
            return
        head = [(table, current, measure)]
        total = self.value(head[0]) or ZERO
        values = [self.value(cell) or ZERO for cell in items]
        if self._equal(head, items, within=False) or (
            sum(values, ZERO) == 2 * total and splits_in_two(total, values)
        ):
            self.confirmed.update([*head, *items])

    def _fiscal_balance(self) -> None:
        """财政拨款收支总表: 收入总计 = 支出总计 and 本年收入(合计) = 本年支出(合计)."""
        table = "fiscal_summary"
        for revenue_keys, spent_keys in (
            (("收入总计", "总计"), ("支出总计", "总计")),
            (("本年收入合计", "本年收入", "收入合计"), ("本年支出合计", "本年支出", "支出合计")),
        ):
            revenue = next((k for k in revenue_keys if self.value((table, k, "revenue")) is not None), None)
            spent = next((k for k in spent_keys if self.value((table, k, "total")) is not None), None)
            if revenue and spent:
                self._equal([(table, revenue, "revenue")], [(table, spent, "total")])

    def _three_public(self) -> None:
        table = "three_public"
        for key, row in self.index.tables.get(table, {}).items():
            for suffix in ("", "_budget"):
                total, vehicles = "total" + suffix, "vehicle_total" + suffix
                for head, parts in ((total, THREE_PARTS[0]), (vehicles, THREE_PARTS[1])):
                    cells = [(table, key, m + suffix) for m in parts if m + suffix in row]
                    if head in row and cells:
                        self._equal([(table, key, head)], cells)
                if total in row and vehicles not in row:  # no 小计 printed: purchase + operation
                    parts = ("outbound", "reception", *THREE_PARTS[1])
                    cells = [(table, key, m + suffix) for m in parts if m + suffix in row]
                    if cells:
                        self._equal([(table, key, total)], cells)

    def _cross(self, left: tuple, right: tuple) -> None:
        """Confirms both cells when any printed pair of the two rows agrees."""
        (table_a, keys_a, measure_a), (table_b, keys_b, measure_b) = left, right
        for key_a in keys_a:
            for key_b in keys_b:
                if self._equal([(table_a, key_a, measure_a)], [(table_b, key_b, measure_b)], within=False):
                    return

    def table_counts(self) -> dict[str, tuple[int, int, int]]:
        """Per table: (amounts confirmed, amounts checked by a within-table identity, amounts)."""
        counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        for table, rows in self.index.tables.items():
            for key, row in rows.items():
                for measure in row:
                    cell = (table, key, measure)
                    counts[table][0] += cell in self.confirmed
                    counts[table][1] += cell in self.checked
                    counts[table][2] += 1
        return {table: (c[0], c[1], c[2]) for table, c in counts.items()}


def _line_counts(doc: ExtractedDocument, verifier: Verifier) -> dict[str, tuple[int, int]]:
    """Per table: (lines whose cell is confirmed, lines). A repeated cell (the same row key and
    measure printed twice) is one cell of the index: every line of it shares its verdict."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for line in doc.lines:
        cell = (line.table_type, line.code if line.code else line.item, line.measure)
        counts[line.table_type][0] += cell in verifier.confirmed
        counts[line.table_type][1] += 1
    return {table: (c[0], c[1]) for table, c in counts.items()}


def verified_counts(doc: ExtractedDocument) -> dict[str, tuple[int, int]]:
    """Per table type: (amounts confirmed by an identity, amounts read). The department's own rows
    and each 预算单位 section of a multi-unit table are verified apart (their codes repeat)."""
    views = [department_lines(doc.lines), *unit_sections(doc.lines).values()]
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for lines in views:
        view = dataclasses.replace(doc, lines=lines)
        for table, (confirmed, total) in _line_counts(view, Verifier(view)).items():
            counts[table][0] += confirmed
            counts[table][1] += total
    return {table: (c[0], c[1]) for table, c in counts.items()}


def read_tables(doc: ExtractedDocument, verifier: Verifier | None = None) -> set[str]:
    """Tables the reader got: with a non-zero amount, and not failing most of their own identities
    (a table whose checked amounts are mostly unconfirmed was misread, not misprinted)."""
    verifier = verifier or Verifier(doc)
    read = set()
    for table, (confirmed, checked, _) in verifier.table_counts().items():
        if not any(v != 0 for row in verifier.index.tables[table].values() for v in row.values()):
            continue
        if checked >= UNVERIFIED_MIN_CHECKED and confirmed < UNVERIFIED_BELOW * checked:
            continue
        read.add(table)
    return read


def with_verification(doc: ExtractedDocument) -> ExtractedDocument:
    """The document with each TableReport's ``amounts`` and ``verified`` filled in."""
    counts = verified_counts(doc)
    tables = [
        dataclasses.replace(
            t, amounts=counts.get(t.table_type, (0, 0))[1], verified=counts.get(t.table_type, (0, 0))[0]
        )
        for t in doc.tables
    ]
    return dataclasses.replace(doc, tables=tables)
