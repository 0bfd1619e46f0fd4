"""The checks on generated documents (samplegen): every planted inconsistency is found (same
check, expected and actual), and clean documents get no error-severity finding.

Uses the demo corpus's planted departments, each with the planted year and the year before (the
比上年 check needs last year's document), plus the seed department; real PDFs, real extraction.
"""

from __future__ import annotations

import dataclasses
import json
from collections import Counter

import pandas as pd
import pytest

from checks.cross_document import check_across_documents
from checks.document import check_document
from extract.document import extract_document
from samplegen.corpus import plan
from samplegen.produce import run_job
from samplegen.seed_document import write_seed_document


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[dict, object]]:
    outdir = tmp_path_factory.mktemp("planted")
    truths = []
    for job in plan(outdir, "demo", 2024):
        years = sorted({y for year, _phase, _check in job.plants for y in (year - 1, year)})
        if years:
            truths += run_job(dataclasses.replace(job, years=tuple(years)))
    truths.append(write_seed_document(outdir))
    return [(truth, extract_document(outdir / truth["file"])) for truth in truths]


def finding_keys(findings) -> Counter:
    def text(amount):  # truth writes null for findings without amounts (toc_table_missing)
        return None if amount is None else str(amount)

    return Counter((f.check, text(f.expected_yuan), text(f.actual_yuan)) for f in findings)


def expected_keys(truth: dict) -> Counter:
    return Counter((e["check"], e["expected_yuan"], e["actual_yuan"]) for e in truth["expected_findings"])


def cross_document_findings(corpus) -> dict[str, list]:
    docs, lines, narrative = [], [], []
    for truth, doc in corpus:
        doc_id, who = truth["file"], doc.identity
        docs.append(
            {
                "document_id": doc_id,
                "county": who.county,
                "department": who.department,
                "fiscal_year": who.fiscal_year,
                "phase": who.phase,
                "status": "loaded",
            }
        )
        lines += [
            {
                "document_id": doc_id,
                "table_type": x.table_type,
                "code": x.code,
                "item": x.item,
                "measure": x.measure,
                "amount_yuan": x.amount_yuan,
            }
            for x in doc.lines
        ]
        narrative += [
            {"document_id": doc_id, "metric": m.metric, "amount_yuan": m.amount_yuan} for m in doc.narrative
        ]
    found: dict[str, list] = {}
    for f in check_across_documents(pd.DataFrame(lines), pd.DataFrame(narrative), pd.DataFrame(docs)):
        found.setdefault(f.document_id, []).append(f)
    return found


def test_every_planted_inconsistency_is_found_and_clean_documents_have_no_error(corpus) -> None:
    across = cross_document_findings(corpus)
    planted = missed = 0
    for truth, doc in corpus:
        findings = check_document(doc) + across.get(truth["file"], [])
        expected = expected_keys(truth)
        planted += expected.total()
        missed += (expected - finding_keys(findings)).total()
        if not expected:
            assert [f for f in findings if f.severity == "error"] == [], truth["file"]
    every = sum(len(truth["expected_findings"]) for truth, _ in corpus)
    assert (planted, missed) == (every, 0) and planted >= 7


def test_findings_on_planted_documents_are_only_the_planted_ones(corpus) -> None:
    across = cross_document_findings(corpus)
    extra = {}
    for truth, doc in corpus:
        found = finding_keys(check_document(doc) + across.get(truth["file"], []))
        if found - expected_keys(truth):
            extra[truth["file"]] = sorted((found - expected_keys(truth)).elements())
    assert extra == {}, json.dumps(extra, ensure_ascii=False)


def test_narrative_figures_match_the_truth_exactly(corpus) -> None:
    wrong = []
    for truth, doc in corpus:
        got = {m.metric: (str(m.amount_yuan), m.page) for m in doc.narrative}
        wrong += [
            (truth["file"], n["metric"])
            for n in truth["narrative"]
            if got.get(n["metric"]) != (n["amount_yuan"], n["page"])
        ]
    assert wrong == []
    assert sum(len(truth["narrative"]) for truth, _ in corpus) > 200
