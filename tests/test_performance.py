"""Performance targets: bordered tables of generated budgets (camelot) against their truth, the
seed's text-only tables (text fallback), value parsing, and never raising."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from extract.model import PerformanceTarget
from extract.performance import extract_targets
from extract.target_values import parse_target
from samplegen.corpus import plan
from samplegen.produce import run_job
from tests.samplegen_support import raw_page_texts
from tests.shared_inputs import SEED_TEXT

SEED = SEED_TEXT  # the committed copy of ../shared/seeds (tests/test_seed_copy.py keeps them equal)


@pytest.mark.parametrize(
    ("text", "number", "unit"),
    [
        ("124 家", "124", "家"),
        ("100%", "100", "%"),
        ("200 元/月", "200", "元/月"),
        ("90%以上", "90", "%"),
        ("≥95%", "95", "%"),
        ("90%以", "90", "%"),
        ("8个/年", "8", "个/年"),
        ("1,000元", "1000", "元"),
        ("达标", None, None),
        ("有效", None, None),
        ("3年3年", None, None),
    ],
)
def test_parse_target(text: str, number: str | None, unit: str | None) -> None:
    assert parse_target(text) == (None if number is None else Decimal(number), unit)


@pytest.fixture(scope="module")
def budget(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    outdir = tmp_path_factory.mktemp("targets")
    job = next(j for j in plan(outdir, "demo", 2024) if j.profile_key == "education")
    truth = next(t for t in run_job(job) if t["phase"] == "budget")
    return outdir / truth["file"], truth


def test_generated_budget_targets_match_the_truth(budget) -> None:
    path, truth = budget
    got = extract_targets(path, raw_page_texts(path))
    assert [(t.scope, t.project, t.level1, t.level2, t.level3, t.target_text, t.page) for t in got] == [
        (t["scope"], t["project"], t["level1"], t["level2"], t["level3"], t["target_text"], t["page"])
        for t in truth["targets"]
    ]
    assert len(got) == 18 and {t.scope for t in got} == {"department", "project"}
    satisfaction = next(t for t in got if t.level3 == "服务对象满意度")
    assert (satisfaction.target_value, satisfaction.target_unit) == (
        Decimal(satisfaction.target_text[:2]),
        "%",
    )


def seed_pages() -> list[str]:
    return re.split(r"\n{3,}", SEED.read_text(encoding="utf-8"))


def test_seed_text_tables_are_read_without_camelot() -> None:
    got = extract_targets(Path("no-such-file.pdf"), seed_pages())
    assert len(got) == 71
    assert sum(t.scope == "department" for t in got) == 44
    assert {t.project for t in got if t.scope == "project"} == {"中小企业服务经费"}
    assert got[0] == PerformanceTarget(
        "department",
        None,
        "产出指标",
        "数量指标",
        "服务中小企业数量",
        "124家",
        Decimal("124"),
        "家",
        None,
        10,
    )
    with_prior = next(t for t in got if t.level3 == "规模企业会统人员数量")
    assert (with_prior.target_text, with_prior.prior_text, with_prior.page) == ("124人", "114人", 11)
    cost = [t for t in got if t.level3 == "会统人员人均津贴标准"]
    assert [(t.scope, t.target_value, t.target_unit) for t in cost] == [
        ("department", Decimal("200"), "元/月"),
        ("project", Decimal("200"), "元/月"),
    ]
    wrapped = next(t for t in got if t.level3 == "破产改制国有企业职工来访人数")
    assert (wrapped.level1, wrapped.level2, wrapped.target_text, wrapped.prior_text) == (
        "产出指标",
        "数量指标",
        "12人",
        "6人",
    )


def test_never_raises(tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\nnot really")
    assert extract_targets(broken, ["部门整体绩效目标表\n一级指标 二级指标"]) == []
    assert extract_targets(tmp_path / "missing.pdf", ["no targets here"]) == []
