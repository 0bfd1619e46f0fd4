"""Documents whose tables were printed by a browser (samplegen.browser: an HTML report printed by
headless Chromium, Skia's PDF backend), read by the reader: a third producer.

The fixtures (tests/fixtures/browser, refreshed with ``python -m samplegen.browser --fixtures``)
were made once with Chromium; these tests only read them, so CI needs no browser. A line matches
when table_type, code, item, measure, amount and page all equal the truth's.

KNOWN_MISMATCH names, per document, the table types the reader does not yet read exactly and the
layout cause; such a document's exactness test is a strict xfail (it starts passing → remove the
entry), and ``test_failing_tables_are_the_known_ones`` pins the failing table types.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from extract.assemble import table_lines
from extract.grid import grid_from_rows
from extract.layout import lines_text
from extract.pages import read_page_layouts
from extract.routing import route_pages
from extract.stitch import TablePages
from samplegen.browser.corpus import FIXTURE_DIR, FIXTURES, main
from samplegen.truth import validation_errors
from tests.fixture_scoring import FixtureSet
from tests.samplegen_support import printed_forms

NO_RULES = "horizontal rules only (CSS borders top and bottom): two amount columns read as one cell"
KNOWN_MISMATCH: dict[str, dict[str, str]] = {
    "pdfs/白石县/中共白石县委组织部/2024-budget.pdf": {
        table: NO_RULES + "; letter-spaced header labels (合 计) and <caption> titles"
        for table in (
            "basic_expenditure_economic",
            "expenditure",
            "fiscal_summary",
            "general_budget_expenditure",
            "revenue",
            "summary",
            "three_public",
        )
    },
    "pdfs/白石县/白石县教育局/2024-final.pdf": {
        "basic_expenditure_economic": NO_RULES + "; tables flow one after another on a page",
        "general_budget_expenditure": NO_RULES + "; tables flow one after another on a page",
    },
}


FIXTURE_SET = FixtureSet(FIXTURE_DIR, KNOWN_MISMATCH)
_documents, _truth, _extract = FIXTURE_SET.documents, FIXTURE_SET.truth, FIXTURE_SET.extract
_score, _failing, _exactness_param = FIXTURE_SET.score, FIXTURE_SET.failing, FIXTURE_SET.exactness_param


def test_fixtures_validate_and_match_their_files() -> None:
    documents = _documents()
    assert len(documents) == len(FIXTURES) == 6
    for relative in documents:
        truth = _truth(relative)
        assert validation_errors(truth) == []
        pdf = (FIXTURE_DIR / relative).read_bytes()
        assert hashlib.sha256(pdf).hexdigest() == truth["sha256"]
        assert b"Skia\\057PDF" in pdf  # Producer (Skia/PDF): the table pages were printed by Chromium


@pytest.mark.parametrize("relative", _documents())
def test_every_amount_is_whole_in_the_page_text(relative: str) -> None:
    """Skia places glyph runs with their own matrices and pdfium guesses a line break between two
    digits of one amount (``3,9`` / ``6`` / ``5,9``): the reader's text keeps each amount whole."""
    truth = _truth(relative)
    texts = [lines_text(lines) for lines in read_page_layouts(FIXTURE_DIR / relative)]
    assert len(texts) == truth["pages"]
    broken = [
        line
        for line in truth["lines"]
        if not any(form in texts[line["page"] - 1] for form in printed_forms(line["amount_yuan"]))
    ]
    assert broken == []


@pytest.mark.parametrize("relative", _documents())
def test_identity_found(relative: str) -> None:
    truth, document = _truth(relative), _extract(relative)
    assert document is not None
    identity = document.identity
    assert (identity.county, identity.department, identity.fiscal_year, identity.phase) == (
        truth["county"],
        truth["department"],
        truth["fiscal_year"],
        truth["phase"],
    )


@pytest.mark.parametrize("relative", [_exactness_param(r) for r in _documents()])
def test_reader_is_exact_on_browser_tables(relative: str) -> None:
    score = _score(relative)
    assert {t: (score.precision(t), score.recall(t)) for t in _failing(score)} == {}


@pytest.mark.parametrize("relative", _documents())
def test_failing_tables_are_the_known_ones(relative: str) -> None:
    """Pins which table types the reader misses per document (update KNOWN_MISMATCH as it improves)."""
    assert _failing(_score(relative)) == set(KNOWN_MISMATCH.get(relative, {}))


def test_missing_chromium_is_a_clear_error(monkeypatch, capsys, tmp_path: Path) -> None:
    monkeypatch.setattr("shutil.which", lambda name: None)
    assert main([str(tmp_path / "out")]) == 2
    message = capsys.readouterr().err
    assert "Chromium is not installed" in message
    assert "apt-get install -y chromium fonts-wqy-zenhei" in message
    assert not (tmp_path / "out").exists()


def test_a_note_under_an_earlier_table_does_not_end_the_table_below_it() -> None:
    """Tables printed one after another: the first table's 注 line sits above the second title, so
    the second table (open at the page foot) goes on overleaf."""
    pages = [
        "一般公共预算支出表\n单位：万元\n201 一般公共服务支出 12.00\n注：本表反映支出情况。\n"
        "一般公共预算基本支出表\n单位：万元\n30101 基本工资 3.00",
        "人员经费合计 3.00 公用经费合计 1.00\n注：本表反映基本支出。",
        "人员经费合计 3.00 公用经费合计 1.00",
    ]
    routes = route_pages(pages, top_lines=8)
    assert [(r.page, [kind for kind, _ in r.titles], r.continues) for r in routes] == [
        (1, ["general_budget_expenditure", "basic_expenditure_economic"], False),
        (2, [], True),
    ]


def test_a_caption_title_under_its_unit_line_starts_a_table_lower_on_the_page() -> None:
    """A <caption> title is printed under the table's 单位名称 … 单位：万元 line, not above it."""
    pages = [
        "单位名称：白石县住房和城乡建设局 单位：万元\n一、部门收支总表\n收入 支出\n总计 2.00 总计 2.00\n"
        "注：本表反映总收支。\n单位名称：白石县住房和城乡建设局 单位：万元\n二、部门收入总表\n"
        "功能分类科目 合计 上年结转\n合计 2.00 1.00",
    ]
    routes = route_pages(pages, top_lines=3)
    assert [(r.page, [kind for kind, _ in r.titles]) for r in routes] == [(1, ["summary", "revenue"])]


def test_a_title_left_at_the_page_foot_starts_the_table_overleaf() -> None:
    """The browser kept the heading on one page and moved the table to the next: the page overleaf
    starts with that table's 部门 line and header, not with the rest of the table above."""
    pages = [
        "一、部门收支总表\n部门：住房和城乡建设局 单位：万元\n总计 2.00 总计 2.00\n三、部门支出总表\n- 3 -",
        "部门：住房和城乡建设局 单位：万元\n功能分类科目 合计 基本支出\n合计 2.00 1.00",
    ]
    routes = route_pages(pages, top_lines=1)
    assert [(r.page, [kind for kind, _ in r.titles], r.continues) for r in routes] == [
        (1, ["summary", "expenditure"], False),
        (2, [], True),
    ]


def test_a_blank_row_under_a_repeated_header_is_neither_header_nor_the_rest_of_the_last_row() -> None:
    """Page 2 repeats the header, then 年初结转和结余 with no amounts, then 总计: the header is the
    two rows that match page 1's, and the blank row is not joined to page 1's last row."""
    header = [["收入", "", "支出", "", ""], ["项目", "决算数", "项目", "合计", "一般公共预算财政拨款"]]
    first = header + [["本年收入合计", "940.27", "本年支出合计", "940.27", "940.27"]]
    second = header + [
        ["年初财政拨款结转和结余", "", "年末财政拨款结转和结余", "", ""],
        ["总计", "940.27", "总计", "940.27", "940.27"],
    ]
    table = TablePages("fiscal_summary", "财政拨款收入支出决算总表", 1, "万元")
    table.grids = [grid_from_rows(1, first), grid_from_rows(2, second)]
    lines, report = table_lines(table, "final", 2024)
    assert report.errors == []
    assert [(x.item, x.measure, str(x.amount_yuan), x.page) for x in lines] == [
        ("本年收入合计", "revenue", "9402700.00", 1),
        ("本年支出合计", "total", "9402700.00", 1),
        ("本年支出合计", "general_budget", "9402700.00", 1),
        ("总计", "revenue", "9402700.00", 2),
        ("总计", "total", "9402700.00", 2),
        ("总计", "general_budget", "9402700.00", 2),
    ]


def test_a_blank_row_after_a_whole_total_row_overleaf_is_a_row_of_its_own() -> None:
    """No repeated header: 年初结转和结余 (no amounts) opens page 2 after 本年收入合计 | 本年支出合计,
    whose labels are whole, so it is not glued to them as the rest of a cut label."""
    header = [["收入", "", "支出", "", ""], ["项目", "决算数", "项目", "合计", "一般公共预算财政拨款"]]
    first = header + [["本年收入合计", "940.27", "本年支出合计", "940.27", "940.27"]]
    second = [
        ["年初财政拨款结转和结余", "", "年末财政拨款结转和结余", "", ""],
        ["总计", "940.27", "总计", "940.27", "940.27"],
    ]
    table = TablePages("fiscal_summary", "财政拨款收入支出决算总表", 1, "万元")
    table.grids = [grid_from_rows(1, first), grid_from_rows(2, second)]
    lines, report = table_lines(table, "final", 2024)
    assert report.errors == []
    assert [(x.item, x.measure, x.page) for x in lines] == [
        ("本年收入合计", "revenue", 1),
        ("本年支出合计", "total", 1),
        ("本年支出合计", "general_budget", 1),
        ("总计", "revenue", 2),
        ("总计", "total", 2),
        ("总计", "general_budget", 2),
    ]


def test_a_page_of_only_the_last_rows_with_dashes_continues_the_table() -> None:
    """上年结转 / 总计 alone overleaf, blank cells printed as ``-`` after the amounts: still table rows."""
    pages = [
        "财政拨款收支总表\n单位：万元\n本年收入合计 2,515.34 本年支出合计 2,515.34 2,515.34 - -",
        "上年结转 - 结转下年 - - - -\n总计 2,515.34 总计 2,515.34 2,515.34 - -",
    ]
    routes = route_pages(pages, top_lines=8)
    assert [(r.page, r.continues, r.tabular) for r in routes] == [(1, False, True), (2, True, True)]
