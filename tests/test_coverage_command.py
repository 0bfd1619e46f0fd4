"""`countybudget coverage` on folders of generated disclosures: per-folder figures, folders named
relative to the folder the given paths share, and quarantined files counted but not read."""

from __future__ import annotations

from pathlib import Path

from countybudget.coverage import measure, summarise

PDFS = Path(__file__).resolve().parent / "fixtures" / "samples" / "pdfs"


def test_two_folders_are_grouped_under_their_common_folder() -> None:
    rows = measure([PDFS / "白石县", PDFS / "_messy"], workers=1)
    assert sorted((row.path, row.status) for row in rows) == [
        ("_messy/会议通知.pdf", "not_budget"),
        ("_messy/空文件.pdf", "not_pdf"),
        ("白石县/中共白石县委组织部/2024-budget.pdf", "read"),
        ("白石县/中共白石县委组织部/2024-final.pdf", "read"),
    ]
    summaries = {summary["folder"]: summary for summary in summarise(rows)}
    assert sorted(summaries) == ["ALL", "_messy", "白石县/中共白石县委组织部"]
    department = summaries["白石县/中共白石县委组织部"]
    assert (department["documents"], department["read"], department["identity_complete"]) == (2, 2, 2)
    assert summaries["ALL"]["documents"] == 4 and summaries["ALL"]["read"] == 2
    assert department["amounts"] == sum(row.amounts for row in rows) > 200


def test_one_folder_is_its_own_root() -> None:
    rows = measure([PDFS / "白石县" / "中共白石县委组织部"], workers=1)
    assert sorted((row.path, row.folder) for row in rows) == [
        ("2024-budget.pdf", "."),
        ("2024-final.pdf", "."),
    ]
