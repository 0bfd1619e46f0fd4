"""Identity of real disclosures from every corpus folder, as printed on their covers.

Each expected identity was checked against a render of the cover (``pdftoppm -r 40 -f 1 -l 1``);
several file names lie (a bureau's name on one of its units' budgets, a 2026 name on a 2025 document),
and identity must come from the document. The narrative-only part of a two-file disclosure is
loaded with its narrative figures, not quarantined, and linked to its tables part; a document whose
cover does not print its region is ingested with a finding (this one needs no shared folder).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from assets.loading import normalise
from checks.cross_parts import check_across_parts
from extract.document import extract_document
from extract.identity import identify
from extract.model import BudgetLine, DocumentIdentity, ExtractedDocument, NarrativeMetric, TableReport
from extract.pages import read_page_texts
from extract.settings import ExtractSettings
from plumbing.warehouse_frames import check_inputs
from schemas.frames import document_frames
from tests.badinputs import text_pdf
from tests.ingest_harness import run_ingest
from tests.shared_inputs import REAL_PDFS
from warehouse.loader import WarehouseWriter
from warehouse.publish import connect_published
from warehouse.record import DocumentRecord

CORPUS = REAL_PDFS / "corpus"
B, F = "budget", "final"

# file → (county, region_level, department, budget_unit, fiscal_year, phase)
EXPECTED = {
    "hangzhou/2026年杭州市交通运输局部门预算.pdf": ("杭州市", "city", "杭州市交通运输局", None, 2026, B),
    "hangzhou/2026年杭州市气象局部门预算.pdf": ("杭州市", "city", "杭州市气象局", None, 2026, B),
    # tables-only part: 江苏省2018年度 / 省级部门预算公开报表 / 部 门:中共江苏省委办公厅
    "jiangsu-province/江苏省委办公厅2018年度部门预算公开表.pdf": (
        "江苏省",
        "province",
        "中共江苏省委办公厅",
        None,
        2018,
        B,
    ),
    # narrative part of the same disclosure: the cover drops the 中共 prefix
    "jiangsu-province/江苏省委办公厅2018年度部门预算公开文件.pdf": (
        "江苏省",
        "province",
        "江苏省委办公厅",
        None,
        2018,
        B,
    ),
    # 2018 年度江苏省高级 / 人民法院预算公开 (year first, no 部门 word, split over lines)
    "jiangsu-province/省法院2018年度部门预算公开.pdf": (
        "江苏省",
        "province",
        "江苏省高级人民法院",
        None,
        2018,
        B,
    ),
    # the name says 交通运输局; the cover: 上海市2026年市级单位预算 / 预算单位:上海交通职业技术学院, and
    # page 3: 上海交通职业技术学院是上海市交通委员会下属事业单位
    "shanghai-municipal-units/2026年上海市交通运输局_部门预算.pdf": (
        "上海市",
        "city",
        "上海市交通委员会",
        "上海交通职业技术学院",
        2026,
        B,
    ),
    # 上海市海洋监测预报中心是上海市水务局(上海市海洋局)所属公益一类事业单位
    "shanghai-municipal-units/2026年上海市水务局_部门预算.pdf": (
        "上海市",
        "city",
        "上海市水务局",
        "上海市海洋监测预报中心",
        2026,
        B,
    ),
    # 上海市财政局是主管全市财政工作的市政府组成部门: its own unit budget
    "shanghai-municipal-units/上海市财政局25年预算.pdf": (
        "上海市",
        "city",
        "上海市财政局",
        "上海市财政局",
        2025,
        B,
    ),
    # the text layer puts 预算主管部门 before the title it is printed under
    "shanghai-putuo/draft_1c165a10-71f3-471e-8463-7290b6eb1247_preview-1.pdf": (
        "普陀区",
        "district",
        "上海市普陀区人民政府万里街道办事处",
        None,
        2025,
        B,
    ),
    "shanghai-putuo/1769321433314-826553525.pdf": (
        "普陀区",
        "district",
        "上海市普陀区社会福利院",
        "上海市普陀区社会福利院",
        2024,
        B,
    ),
    "shanghai-putuo/unit_budget.pdf": (
        "普陀区",
        "district",
        "上海市普陀区司法局",
        "上海市普陀区司法局",
        2026,
        B,
    ),
    # 2026 年中共深圳市委宣传部(本级) / 部门预算: (本级) is the department's own office
    "shenzhen/2026年深圳市宣传部部门预算.pdf": ("深圳市", "city", "中共深圳市委宣传部", None, 2026, B),
    "shenzhen/2026年深圳市政府办公厅部门预算.pdf": ("深圳市", "city", "深圳市人民政府办公厅", None, 2026, B),
    "southwest-university/04_swu_2021_department_budget.pdf": ("中央", "central", "西南大学", None, 2021, B),
    "southwest-university/21_swu_2023_final_accounts__download.jsp.pdf": (
        "中央",
        "central",
        "西南大学",
        None,
        2023,
        F,
    ),
    # the name says 科技创新局 部门预算; the cover: 2026 年度苏州市科学技术局单位预算公开
    "suzhou/2026年苏州市科技创新局部门预算.pdf": (
        "苏州市",
        "city",
        "苏州市科学技术局",
        "苏州市科学技术局",
        2026,
        B,
    ),
    "suzhou/2026年苏州市自然资源和规划局部门预算.pdf": (
        "苏州市",
        "city",
        "苏州市自然资源和规划局",
        None,
        2026,
        B,
    ),
    # the name says 2026; the cover: 2025 年度无锡市信访局部门预算公开
    "wuxi/信访局_2026年部门预算.pdf": ("无锡市", "city", "无锡市信访局", None, 2025, B),
    "wuxi/2026年无锡市交通运输局部门预算.pdf": (
        "无锡市",
        "city",
        "无锡市交通运输局",
        "无锡市交通运输局(本级)",
        2026,
        B,
    ),
    # the name says 城市管理和综合执法局; the cover names another unit
    "wuxi/城市管理和综合执法局_2026年部门预算.pdf": (
        "无锡市",
        "city",
        "无锡市应急管理综合行政执法监督局",
        "无锡市应急管理综合行政执法监督局",
        2026,
        B,
    ),
}
# extract.layout reads this cover as 江苏省委办公厅2厅2018年度部门预算公开: pdfium's rectangle text takes in the
# neighbouring glyph whose box overlaps the rectangle's edge (厅 ends at x=260.7, 2 starts at 260.6).
NARRATIVE_ONLY = "jiangsu-province/江苏省政协办公厅2018年度部门预算.pdf"
NARRATIVE_PART = "jiangsu-province/江苏省委办公厅2018年度部门预算公开文件.pdf"
TABLES_PART = "jiangsu-province/江苏省委办公厅2018年度部门预算公开表.pdf"


def _require(relative: str) -> Path:
    path = CORPUS / relative
    if not path.exists():
        pytest.skip(f"real corpus not available at {path} (shared folder missing)")
    return path


def test_expected_files_cover_every_corpus_folder():
    folders = {name.split("/")[0] for name in EXPECTED}
    assert len(folders) == 8
    assert all(sum(n.startswith(f + "/") for n in EXPECTED) >= 2 for f in folders)


@pytest.mark.parametrize("relative", sorted(EXPECTED))
def test_identity_as_printed_on_the_cover(relative):
    texts = read_page_texts(_require(relative))
    identity = identify(texts, ExtractSettings().identity_pages)
    assert identity is not None
    got = (
        identity.county,
        identity.region_level,
        identity.department,
        identity.budget_unit,
        identity.fiscal_year,
        identity.phase,
    )
    assert got == EXPECTED[relative]


def test_narrative_only_part_is_loaded_with_its_figures(tmp_path):
    path = _require(NARRATIVE_ONLY)
    doc = extract_document(path)
    assert (doc.identity.county, doc.identity.department, doc.identity.fiscal_year) == (
        "江苏省",
        "江苏省政协办公厅",
        2018,
    )
    assert doc.tables == [] and doc.lines == []
    figures = {(m.metric, str(m.amount_yuan), m.page) for m in doc.narrative}
    assert {
        ("revenue_total", "101504800.00", 8),
        ("expenditure_total", "101504800.00", 7),
        ("basic_expenditure", "56781700.00", 9),
        ("project_expenditure", "33146800.00", 9),
        ("procurement_total", "12817600.00", 15),
        ("reserve_expenditure", "11576300.00", 9),  # 基本 + 项目 + 单位预留机动经费 = 支出 total
    } <= figures
    staged = normalise(doc, "5a0e0000000000a1")
    record = DocumentRecord("5a0e0000000000a1", "0" * 64, NARRATIVE_ONLY, doc.pages, doc.seconds)
    warehouse = tmp_path / "w.duckdb"
    with WarehouseWriter(warehouse) as writer:
        writer.load_document(record, staged.frames, staged.findings)
        writer.finalize()
    with duckdb.connect(str(warehouse), read_only=True) as con:
        row = con.execute(
            "SELECT status, reason, county, region_level, part, disclosure_id FROM v_documents"
        ).fetchone()
        metrics = con.execute("SELECT count(*) FROM v_narrative_metrics").fetchone()[0]
        checks = con.execute('SELECT "check", severity, message FROM v_dq_findings ORDER BY 1').fetchall()
    assert row == ("loaded", None, "江苏省", "province", "narrative", "5a0e0000000000a1")
    assert metrics == 10  # the contract's metrics among the 23 figures the text states
    assert [c[:2] for c in checks] == [("tables_in_other_file", "warn")]
    assert checks[0][2] == (
        "目录 names tables not in this file: summary, revenue, expenditure, fiscal_summary, "
        "general_budget_expenditure, basic_expenditure_economic, three_public, government_fund_expenditure, "
        "procurement"
    )


def _load(warehouse: Path, relatives: list[str]) -> None:
    with WarehouseWriter(warehouse) as writer:
        for number, relative in enumerate(relatives, start=1):
            doc = extract_document(_require(relative))
            document_id = f"{number:016x}"
            staged = normalise(doc, document_id)
            record = DocumentRecord(document_id, "0" * 64, relative, doc.pages, doc.seconds)
            writer.load_document(record, staged.frames, staged.findings)
        writer.finalize()


def test_two_files_of_one_disclosure_are_linked_not_superseded(tmp_path):
    warehouse = tmp_path / "w.duckdb"
    _load(warehouse, [TABLES_PART, NARRATIVE_PART])
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute(
            "SELECT document_id, status, department, part, disclosure_id, len(tables_found) > 0 "
            "FROM v_documents ORDER BY document_id"
        ).fetchall()
        inputs = check_inputs(con)
    assert rows == [
        ("0000000000000001", "loaded", "中共江苏省委办公厅", "tables", "0000000000000001", True),
        ("0000000000000002", "loaded", "江苏省委办公厅", "narrative", "0000000000000001", False),
    ]
    across = check_across_parts(*inputs)  # the narrative file's figures against the tables file
    assert {(f.document_id, f.check) for f in across} <= {("0000000000000002", "narrative_vs_table")}
    assert all(f.message.endswith("(tables in document 0000000000000001)") for f in across)


def test_documents_with_incomplete_identity_are_ingested_with_a_finding(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    no_region = [
        "教育局",
        "2024年部门预算",
        "第一部分 部门概况",
        "一、收支预算总体情况",
        "2024年收入预算总额1,234.56万元，支出预算总额1,234.56万元。",
    ]
    (inbox / "白石县教育局2024年部门预算.pdf").write_bytes(text_pdf(no_region))  # the name is not read
    no_year = [
        "白石县民政局部门预算",
        "一、收支预算总体情况",
        "收入预算总额567.80万元，支出预算总额567.80万元。",
    ]
    (inbox / "民政局.pdf").write_bytes(text_pdf(no_year))
    published = tmp_path / "out" / "warehouse.duckdb"
    published.parent.mkdir()
    done = run_ingest([inbox], published, tmp_path / "home")
    assert done.returncode == 0, done.stdout + done.stderr
    con = connect_published(published)
    try:
        document = con.execute(
            "SELECT status, reason, county, region_level, department, fiscal_year, phase FROM v_documents "
            "ORDER BY department"
        ).fetchall()
        findings = con.execute(
            'SELECT "check", severity, message FROM v_dq_findings ORDER BY message'
        ).fetchall()
        figures = con.execute(
            "SELECT department, metric, amount_yuan FROM v_narrative_metrics ORDER BY department, metric"
        ).fetchall()
    finally:
        con.close()
    assert document == [
        ("loaded", None, None, None, "教育局", 2024, "budget"),
        ("loaded", None, "白石县", "county", "白石县民政局", None, "budget"),
    ]
    assert findings == [
        ("identity_incomplete", "warn", "identity incomplete: county not printed"),
        ("identity_incomplete", "warn", "identity incomplete: fiscal_year not printed"),
    ]
    assert [(d, m, str(a)) for d, m, a in figures] == [
        ("教育局", "expenditure_total", "12345600.00"),
        ("教育局", "revenue_total", "12345600.00"),
        ("白石县民政局", "expenditure_total", "5678000.00"),
        ("白石县民政局", "revenue_total", "5678000.00"),
    ]


def _part(identity: DocumentIdentity, tables: bool, narrative: bool) -> ExtractedDocument:
    doc = ExtractedDocument(identity=identity, pages=3)
    if tables:
        doc.tables = [TableReport("summary", "收支预算总表", [3], "万元", rows=1)]
        doc.lines = [BudgetLine("summary", None, "收入总计", "revenue", Decimal("24458430.00"), 3)]
    if narrative:
        doc.narrative = [NarrativeMetric("revenue_total", Decimal("24458400.00"), 2)]
    return doc


def test_parts_of_one_disclosure_share_an_id_and_a_reissue_replaces_only_its_own_part(tmp_path):
    def identity(department: str) -> DocumentIdentity:
        return DocumentIdentity("某某省", department, 2018, "budget", "", region_level="province")

    parts = [
        ("00000000000000a1", _part(identity("中共某某省委办公厅"), tables=True, narrative=False)),
        ("00000000000000a2", _part(identity("某某省委办公厅"), tables=False, narrative=True)),
        ("00000000000000a3", _part(identity("某某省委办公厅"), tables=False, narrative=True)),  # re-issue
    ]
    warehouse = tmp_path / "w.duckdb"
    with WarehouseWriter(warehouse) as writer:
        for document_id, doc in parts:
            record = DocumentRecord(document_id, "0" * 64, f"{document_id}.pdf", doc.pages, 0.1)
            writer.load_document(record, document_frames(doc, document_id), [])
        writer.finalize()
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute(
            "SELECT document_id, status, part, disclosure_id FROM v_documents ORDER BY document_id"
        ).fetchall()
    assert rows == [
        ("00000000000000a1", "loaded", "tables", "00000000000000a1"),
        ("00000000000000a2", "superseded", "narrative", None),
        ("00000000000000a3", "loaded", "narrative", "00000000000000a1"),
    ]
