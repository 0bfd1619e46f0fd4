"""Small pieces of the generator: exact money, line breaking, truth validation, names."""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

import pytest

from samplegen.context import cn_number
from samplegen.corpus import plan
from samplegen.departments import profile
from samplegen.money import printed, printed_text, split
from samplegen.produce import run_job
from samplegen.render import letter_spaced, register_font, wrap_spans
from samplegen.truth import truth_name, validation_errors


def test_split_is_exact_and_in_quanta() -> None:
    parts = split(Decimal("17933300.00"), [0.5, 0.3, 0.2, 0.0], random.Random(1), Decimal(100))
    assert sum(parts) == Decimal("17933300.00")
    assert all(p % 100 == 0 and p >= 0 for p in parts)
    assert parts[3] == 0


def test_split_refuses_a_total_that_is_not_whole_quanta() -> None:
    with pytest.raises(ValueError, match="not a multiple of 100"):
        split(Decimal("150.00"), [1.0], random.Random(1), Decimal(100))


def test_printed_forms() -> None:
    assert printed(Decimal("17933300.00"), "万元") == "1793.33"
    assert printed(Decimal("43790774.00"), "元", thousands=True) == "43,790,774.00"
    assert printed_text(Decimal("11864000.00"), "万元") == "1186.4"
    assert printed_text(Decimal("0.00"), "万元") == "0"


def test_wrap_never_splits_a_number() -> None:
    register_font()
    text = "收入预算总额1793.33万元，比上年增加39.78万元，增长2.27%，其中一般公共预算拨款1793.33万元"
    for width in (40, 60, 90, 130):
        pieces = [text[a:b] for a, b in wrap_spans(text, width, 11)]
        assert "".join(pieces) == text
        for number in ("1793.33", "39.78", "2.27%"):
            assert any(number in piece for piece in pieces)


def test_letter_spacing_only_short_cjk_labels() -> None:
    assert letter_spaced("合计") == "合 计"
    assert letter_spaced("行政运行费用") == "行政运行费用"
    assert letter_spaced("12.50") == "12.50"


def test_validation_reports_each_problem() -> None:
    truth = {
        "file": "pdfs/a/b.pdf",
        "sha256": "0" * 64,
        "expected_status": "loaded",
        "reason_class": None,
        "county": "白石县",
        "department": "白石县教育局",
        "fiscal_year": 2024,
        "phase": "budget",
        "title": "白石县教育局2024年部门预算",
        "pages": 3,
        "tables_present": ["summary"],
        "lines": [
            {
                "table_type": "summary",
                "code": None,
                "item": "总计",
                "measure": "revenue",
                "amount_yuan": "12.5",
                "page": 2,
            }
        ],
        "narrative": [],
        "targets": [],
        "expected_findings": [
            {
                "check": "no_such_check",
                "metric": None,
                "table_type": None,
                "expected_yuan": None,
                "actual_yuan": None,
            }
        ],
    }
    assert validation_errors(truth) == [
        "bad lines: " + repr(truth["lines"]),
        "bad expected_findings: " + repr(truth["expected_findings"]),
    ]
    truth["lines"][0]["amount_yuan"] = "12.50"
    truth["expected_findings"] = []
    assert validation_errors(truth) == []
    truth["reason_class"] = "corrupt"
    assert validation_errors(truth) == ["reason_class must be set exactly when quarantined"]


def test_names() -> None:
    assert truth_name("pdfs/白石县/白石县教育局/2024-budget.pdf") == "白石县__白石县教育局__2024-budget.json"
    assert [cn_number(n) for n in (1, 10, 11, 20, 24)] == ["一", "十", "十一", "二十", "二十四"]
    assert profile("organisation").name("白石县", 2024) == "中共白石县委组织部"
    assert profile("science").name("青山县", 2023) == "青山县科学技术局"
    assert profile("science").name("青山县", 2024) == "青山县科学技术和经济信息化局"


def test_another_seed_gives_other_numbers(tmp_path: Path) -> None:
    first, second = (plan(tmp_path / str(seed), "demo", seed)[0] for seed in (2024, 7))
    assert (first.county, first.profile_key) == (second.county, second.profile_key)
    a, b = run_job(first), run_job(second)
    assert [t["file"].removeprefix("pdfs/") for t in a] == [t["file"].removeprefix("pdfs/") for t in b]
    assert {t["sha256"] for t in a}.isdisjoint(t["sha256"] for t in b)
    assert run_job(first) == a
