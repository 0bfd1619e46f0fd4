"""Performance targets of a scanned document: the target reader takes the OCR grids where it would
take camelot's tables, and a project note read by OCR (``；`` read as ``:``) still names its project."""

from __future__ import annotations

from pathlib import Path

import pytest

import extract.performance as performance
from extract.performance import extract_targets
from extract.target_headings import project_from_note

ROWS = [
    ["一级指标", "二级指标", "三级指标", "指标值"],
    ["产出指标", "数量指标", "年度重点工作任务数量", "146项"],
    ["", "质量指标", "任务完成合格率", "100%"],
]


def test_given_tables_stand_for_camelots(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("camelot was asked to read a scanned page")

    monkeypatch.setattr(performance, "_camelot_tables", refuse)
    texts = ["封面", "白石县人民医院部门整体绩效目标表\n一级指标 二级指标 三级指标 指标值"]
    targets = extract_targets(Path("scan.pdf"), texts, tables=[(1, [["a", "b"]]), (2, ROWS)])
    assert [(t.scope, t.level1, t.level2, t.level3, t.target_text, t.page) for t in targets] == [
        ("department", "产出指标", "数量指标", "年度重点工作任务数量", "146项", 2),
        ("department", "产出指标", "质量指标", "任务完成合格率", "100%", 2),
    ]


def test_a_project_note_read_by_ocr_names_its_project() -> None:
    assert project_from_note("项目名称：医疗设备购置项目；申报金额：678.77万元") == "医疗设备购置项目"
    assert project_from_note("项目名称:医疗设备购置项目:申报金额:678.77万元\n第6页") == "医疗设备购置项目"
