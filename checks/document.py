"""All within-document reconciliation rules (``/work/shared/domain.md``) on one extracted document.

Pure: an ``ExtractedDocument`` in, ``Finding`` records out (``document_id`` left ``None`` for
the loader to fill). Never raises on odd data: a rule that fails on its own input reports that
as a ``warn`` finding instead of hiding the other rules' findings.
"""

from __future__ import annotations

from dataclasses import replace

from checks import names
from checks.cross_table import (
    basic_vs_economic,
    expenditure_covers_general_budget,
    personnel_plus_public,
    three_public_sums,
    three_public_vs_economic,
)
from checks.findings import Finding
from checks.line_index import LineIndex
from checks.narrative_rules import (
    narrative_parts,
    narrative_percentages,
    narrative_vs_projects,
    narrative_vs_tables,
)
from checks.table_arithmetic import hierarchy_sums, row_totals, summary_checks, table_totals
from checks.tolerance import Tolerances
from extract.model import BudgetLine, ExtractedDocument


def missing_toc_tables(doc: ExtractedDocument) -> list[Finding]:
    """Tables the 目录 names that the extractor did not find (an extraction miss or a gap)."""
    found = set(doc.tables_found)
    return [
        Finding(None, names.TOC_TABLE_MISSING, "error", f"目录 names table {table} but it was not found")
        for table in dict.fromkeys(doc.toc_tables)
        if table not in found
    ]


def department_lines(lines: list[BudgetLine]) -> list[BudgetLine]:
    """The lines the department prints for itself: those outside any unit section, and of a table
    that lists several 预算单位 one after the other, its first section (the department's own total
    or its only unit). The other units' sections are checked on their own (``unit_sections``)."""
    first: dict[str, str | None] = {}
    for line in lines:
        first.setdefault(line.table_type, line.budget_unit)
    return [line for line in lines if line.budget_unit is None or line.budget_unit == first[line.table_type]]


def unit_sections(lines: list[BudgetLine]) -> dict[str, list[BudgetLine]]:
    """Each unit section beyond a table's first, grouped by unit across tables."""
    kept = {id(line) for line in department_lines(lines)}
    sections: dict[str, list[BudgetLine]] = {}
    for line in lines:
        if id(line) not in kept and line.budget_unit is not None:
            sections.setdefault(line.budget_unit, []).append(line)
    return sections


def check_document(doc: ExtractedDocument) -> list[Finding]:
    index, tol = LineIndex(department_lines(doc.lines)), Tolerances(doc)
    rules = [
        lambda: summary_checks(index, tol),
        lambda: hierarchy_sums(index, tol),
        lambda: table_totals(index, tol),
        lambda: row_totals(index, tol),
        lambda: basic_vs_economic(index, tol),
        lambda: expenditure_covers_general_budget(index, tol),
        lambda: personnel_plus_public(index, tol),
        lambda: three_public_sums(index, tol),
        lambda: three_public_vs_economic(index, tol, "three_public" in doc.tables_found),
        lambda: narrative_vs_tables(doc, index, tol),
        lambda: narrative_parts(doc),
        lambda: narrative_percentages(doc),
        lambda: narrative_vs_projects(doc, index, tol),
        lambda: missing_toc_tables(doc),
    ]
    for unit, lines in unit_sections(doc.lines).items():
        rules.append(lambda unit=unit, lines=lines: _unit_section_checks(unit, lines, tol))
    findings: list[Finding] = []
    for rule in rules:
        try:
            findings += rule()
        except Exception as exc:  # noqa: BLE001 - one broken rule must not hide the others
            findings.append(
                Finding(None, names.CHECK_FAILED, "warn", f"a check failed on this document: {exc!r}")
            )
    return findings


def _unit_section_checks(unit: str, lines: list[BudgetLine], tol: Tolerances) -> list[Finding]:
    """The arithmetic inside each table, on one unit's section of the tables."""
    index = LineIndex(lines)
    found = hierarchy_sums(index, tol) + table_totals(index, tol) + row_totals(index, tol)
    return [replace(finding, message=f"[{unit}] {finding.message}") for finding in found]
