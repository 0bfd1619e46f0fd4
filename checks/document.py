"""All within-document reconciliation rules (``/work/shared/domain.md``) on one extracted document.

Pure: an ``ExtractedDocument`` in, ``Finding`` records out (``document_id`` left ``None`` for
the loader to fill). Never raises on odd data: a rule that fails on its own input reports that
as a ``warn`` finding instead of hiding the other rules' findings.
"""

from __future__ import annotations

from checks import names
from checks.cross_table import (
    basic_vs_economic,
    expenditure_covers_general_budget,
    personnel_plus_public,
    three_public_sums,
    three_public_vs_economic,
)
from checks.findings import Finding
from checks.identity import identity_incomplete
from checks.line_index import LineIndex
from checks.narrative_rules import (
    narrative_parts,
    narrative_percentages,
    narrative_vs_projects,
    narrative_vs_tables,
)
from checks.table_arithmetic import hierarchy_sums, row_totals, summary_checks, table_totals
from checks.tolerance import Tolerances
from extract.model import ExtractedDocument


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


def check_document(doc: ExtractedDocument) -> list[Finding]:
    index, tol = LineIndex(doc.lines), Tolerances(doc)
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
        lambda: identity_incomplete(doc),
    ]
    findings: list[Finding] = []
    for rule in rules:
        try:
            findings += rule()
        except Exception as exc:  # noqa: BLE001 - one broken rule must not hide the others
            findings.append(
                Finding(None, names.CHECK_FAILED, "warn", f"a check failed on this document: {exc!r}")
            )
    return findings
