"""Amounts read by OCR are trusted only when the table's arithmetic confirms them.

OCR can misread a digit with high confidence (3,559.00 read 3,659.00 at 96 dpi, cell confidence
0.74), so every OCR'd amount goes through the same identities as a text amount
(``checks.verification.Verifier``); an amount no identity confirms is loaded but flagged with a
warning that names its cells (page, row, column, amount, engine confidence).
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from dataclasses import dataclass, field

from checks import names
from checks.findings import Finding
from checks.line_index import department_lines, unit_sections
from checks.verification import Verifier
from extract.model import BudgetLine, ExtractedDocument

_NAMED = 12  # cells named in one finding's message; the rest are counted


@dataclass
class OcrProof:
    """OCR'd amounts of one document: how many, and which no identity confirms."""

    amounts: int = 0
    proved: int = 0
    unproved: list[BudgetLine] = field(default_factory=list)


def ocr_proof(doc: ExtractedDocument) -> OcrProof:
    """Verify each OCR'd line in its own view (the department's rows, then each 预算单位 section)."""
    proof = OcrProof()
    if not any(line.source == "ocr" for line in doc.lines):
        return proof
    for lines in [department_lines(doc.lines), *unit_sections(doc.lines).values()]:
        ocr = [line for line in lines if line.source == "ocr"]
        if not ocr:
            continue
        confirmed = Verifier(dataclasses.replace(doc, lines=lines)).confirmed
        for line in ocr:
            proof.amounts += 1
            if (line.table_type, line.code if line.code else line.item, line.measure) in confirmed:
                proof.proved += 1
            else:
                proof.unproved.append(line)
    return proof


def describe(line: BudgetLine) -> str:
    row = " ".join(part for part in (line.code, line.item) if part) or "(this year)"
    sure = "" if line.confidence is None else f", confidence {line.confidence:.2f}"
    return f"page {line.page} {row} / {line.measure} = {line.amount_yuan}{sure}"


def unproved_ocr_amounts(doc: ExtractedDocument, proof: OcrProof | None = None) -> list[Finding]:
    """One warning per table whose OCR'd amounts include some no identity confirms."""
    proof = proof or ocr_proof(doc)
    by_table: dict[str, list[BudgetLine]] = defaultdict(list)
    for line in proof.unproved:
        by_table[line.table_type].append(line)
    findings = []
    for table, lines in by_table.items():
        cells = "; ".join(describe(line) for line in lines[:_NAMED])
        more = f"; and {len(lines) - _NAMED} more" if len(lines) > _NAMED else ""
        message = f"{table}: {len(lines)} amount(s) read by OCR that no identity confirms: {cells}{more}"
        findings.append(Finding(None, names.OCR_UNPROVED, "warn", message))
    return findings
