"""All within-document reconciliation rules (``docs/domain.md``) on one extracted document.

Pure: an ``ExtractedDocument`` in, ``Finding`` records out (``document_id`` left ``None`` for
the loader to fill). Never raises on odd data: a rule that fails on its own input reports that
as a ``warn`` finding instead of hiding the other rules' findings.
"""

from __future__ import annotations

from dataclasses import replace

from checks import names
from checks.cross_table import (
    ECONOMIC,
    basic_vs_economic,
    expenditure_covers_general_budget,
    personnel_plus_public,
    three_public_sums,
    three_public_vs_economic,
)
from checks.findings import Finding
from checks.identity import identity_incomplete
from checks.line_index import LineIndex, department_lines, unit_sections
from checks.narrative_rules import (
    narrative_parts,
    narrative_percentages,
    narrative_vs_projects,
    narrative_vs_tables,
)
from checks.ocr_proof import unproved_ocr_amounts
from checks.table_arithmetic import hierarchy_sums, row_totals, summary_checks, table_totals
from checks.tolerance import Tolerances
from checks.verification import Verifier, read_tables
from extract.model import BudgetLine, ExtractedDocument


def missing_toc_tables(doc: ExtractedDocument) -> list[Finding]:
    """Tables the 目录 names that the extractor did not find (an extraction miss or a gap).

    A file without any table is the narrative part of a disclosure whose tables are another file.
    """
    found = set(doc.tables_found)
    missing = [table for table in dict.fromkeys(doc.toc_tables) if table not in found]
    if missing and not found:
        listed = ", ".join(missing)
        return [
            Finding(None, names.TABLES_IN_OTHER_FILE, "warn", f"目录 names tables not in this file: {listed}")
        ]
    return [
        Finding(None, names.TOC_TABLE_MISSING, "error", f"目录 names table {table} but it was not found")
        for table in missing
    ]


def _noted_empty(doc: ExtractedDocument, table: str) -> bool:
    """The table is printed with a note that it has no data (zero, as read)."""
    return any(t.table_type == table and t.empty for t in doc.tables)


def check_document(doc: ExtractedDocument) -> list[Finding]:
    """Every rule on one document. Rules that compare a table with another table or with the
    narrative only see the tables the reader got (``read_tables``): a table that was missed, is all
    zeros, or fails most of its own identities says nothing about the others."""
    findings: list[Finding] = []
    own = department_lines(doc.lines)
    index, tol = LineIndex(own), Tolerances(doc)
    department = replace(doc, lines=own)
    try:
        read = read_tables(department, Verifier(department))
    except Exception as exc:  # noqa: BLE001 - odd data must not hide the rules: compare every table
        read = set(index.tables)
        findings.append(Finding(None, names.CHECK_FAILED, "warn", f"self-verification failed: {exc!r}"))
    seen = LineIndex([line for line in own if line.table_type in read])
    rules = [
        lambda: summary_checks(index, tol),
        lambda: hierarchy_sums(index, tol),
        lambda: table_totals(index, tol),
        lambda: row_totals(index, tol),
        lambda: basic_vs_economic(seen, tol),
        lambda: expenditure_covers_general_budget(seen, tol),
        lambda: personnel_plus_public(index, tol),
        lambda: three_public_sums(index, tol),
        lambda: three_public_vs_economic(
            seen,
            tol,
            "three_public" in read or _noted_empty(doc, "three_public"),
            {x.code: x.item for x in doc.lines if x.table_type == ECONOMIC and x.code and x.item},
        ),
        lambda: narrative_vs_tables(doc, seen, tol),
        lambda: narrative_parts(doc),
        lambda: narrative_percentages(doc),
        lambda: narrative_vs_projects(doc, seen, tol),
        lambda: missing_toc_tables(doc),
        lambda: identity_incomplete(doc),
        lambda: unproved_ocr_amounts(doc),
    ]
    for unit, lines in unit_sections(doc.lines).items():
        rules.append(lambda unit=unit, lines=lines: _unit_section_checks(unit, lines, tol))
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
