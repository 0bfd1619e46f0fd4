"""Coverage of the demo corpus: filled 国有资本经营 tables, the rarer measures, the seed's targets,
byte-identical regeneration, the full plan's size and the embedded TrueType font."""

from __future__ import annotations

import hashlib
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pypdf
import pytest

from samplegen.corpus import plan, write_corpus
from tests.samplegen_support import demo_corpus_dir, loaded, truth_of

SEED = "pdfs/通城县/通城县科学技术和经济信息化局/2024-budget.pdf"


@pytest.fixture(scope="module")
def corpus() -> Path:
    return demo_corpus_dir()


def amount(truth: dict, table: str, item: str, measure: str) -> str | None:
    found = [
        x["amount_yuan"]
        for x in truth["lines"]
        if (x["table_type"], x["item"], x["measure"]) == (table, item, measure)
    ]
    assert len(found) <= 1, (truth["file"], table, item, measure)
    return found[0] if found else None


def test_state_capital_tables_are_filled_and_agree_with_the_other_tables(corpus: Path) -> None:
    filled = Counter()
    for truth in loaded(corpus):
        total = amount(truth, "state_capital_expenditure", "合计", "total")
        if total is None:
            continue
        filled[(truth["county"], truth["department"], truth["phase"])] += 1
        coded = [x for x in truth["lines"] if x["table_type"] == "state_capital_expenditure" and x["code"]]
        assert {x["code"] for x in coded} == {"223", "22301", "2230105"}
        assert amount(truth, "fiscal_summary", "本年支出合计", "state_capital") == total
        if truth["phase"] == "budget":
            assert amount(truth, "revenue", "合计", "state_capital") == total
            assert amount(truth, "summary", "国有资本经营预算拨款收入", "revenue") == total
        else:
            assert amount(truth, "summary", "国有资本经营预算财政拨款收入", "revenue") == total
            assert amount(truth, "state_capital_expenditure", "合计", "revenue") == total
            opening = amount(truth, "state_capital_expenditure", "合计", "opening_balance")
            assert opening is not None
            assert opening == amount(truth, "state_capital_expenditure", "合计", "closing_balance")
            assert amount(truth, "fiscal_summary", "年末财政拨款结转和结余", "state_capital") == opening
        basic = amount(truth, "state_capital_expenditure", "合计", "basic")
        project = amount(truth, "state_capital_expenditure", "合计", "project")
        assert Decimal(basic) > 0 and Decimal(basic) + Decimal(project) == Decimal(total)
    # the 财政局 of each county, three years, both phases
    assert filled == {(c, f"{c}财政局", ph): 3 for c in ("白石县", "青山县") for ph in ("budget", "final")}


RARE_MEASURES = {
    ("budget", "revenue", "special_account"),
    ("budget", "revenue", "superior_subsidy"),
    ("budget", "revenue", "other_income"),
    ("budget", "expenditure", "remit_superior"),
    ("budget", "expenditure", "affiliated_subsidy"),
    ("final", "revenue", "superior_subsidy"),
    ("final", "revenue", "other_income"),
    ("final", "expenditure", "remit_superior"),
    ("final", "expenditure", "affiliated_subsidy"),
    ("final", "government_fund_expenditure", "opening_balance"),
    ("final", "government_fund_expenditure", "closing_balance"),
    ("final", "government_fund_expenditure", "basic"),
    ("budget", "government_fund_expenditure", "basic"),
}


def test_rare_measures_carry_non_zero_amounts(corpus: Path) -> None:
    seen = {
        (truth["phase"], x["table_type"], x["measure"])
        for truth in loaded(corpus)
        for x in truth["lines"]
        if x["amount_yuan"] != "0.00"
    }
    assert RARE_MEASURES - seen == set()


def test_seed_truth_lists_its_printed_targets(corpus: Path) -> None:
    targets = truth_of(corpus, SEED)["targets"]
    assert Counter(t["scope"] for t in targets) == {"department": 44, "project": 27}
    assert {t["project"] for t in targets if t["scope"] == "project"} == {"中小企业服务经费"}
    assert targets[0] == {
        "scope": "department",
        "project": None,
        "level1": "产出指标",
        "level2": "数量指标",
        "level3": "服务中小企业数量",
        "target_text": "124家",
        "page": 12,
    }


def digests(outdir: Path) -> dict[str, str]:
    return {
        str(p.relative_to(outdir)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(outdir.rglob("*"))
        if p.is_file()
    }


def test_same_seed_gives_byte_identical_files(corpus: Path, tmp_path: Path) -> None:
    write_corpus(tmp_path, size="demo", seed=2024)
    first, second = digests(corpus), digests(tmp_path)
    # 81 PDFs (72 + seed + 8 to quarantine) and their truth files, and form_a/: 4 PDFs and truth files
    assert len(first) == 2 * 81 + 2 * 4
    assert first == second


def test_full_size_plans_over_500_documents(tmp_path: Path) -> None:
    jobs = plan(tmp_path, "full", 2024)
    documents = sum(2 * len(job.years) for job in jobs)
    assert (len(jobs), documents) == (54, 540)


def embedded_font_files(path: Path) -> set[str]:
    """The /FontFile* keys of every font descriptor the PDF's pages use (CID fonts included)."""
    keys = set()
    for page in pypdf.PdfReader(path).pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            for f in [font, *(d.get_object() for d in font.get("/DescendantFonts", []))]:
                descriptor = f.get("/FontDescriptor")
                if descriptor is not None:
                    keys |= {k for k in descriptor.get_object() if k.startswith("/FontFile")}
    return keys


def test_generated_pdfs_embed_a_truetype_font(corpus: Path) -> None:
    sample = [t["file"] for t in loaded(corpus)][::9] + [SEED, "pdfs/_messy/会议通知.pdf"]
    assert len(sample) >= 10
    assert {f: embedded_font_files(corpus / f) for f in sample} == {f: {"/FontFile2"} for f in sample}
