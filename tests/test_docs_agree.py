"""The documentation says what the code does: reason classes, thresholds, and no pointer outside
the repository."""

from __future__ import annotations

import re
from pathlib import Path

from extract.model import ReasonClass
from extract.settings import ExtractSettings

REPO = Path(__file__).resolve().parents[1]


def test_analysts_doc_lists_every_reason_class() -> None:
    text = (REPO / "docs" / "analysts.md").read_text(encoding="utf-8")
    paragraph = text[text.index("`reason` is one of") :].split("\n\n")[0]
    assert set(re.findall(r"`([a-z_]+)`", paragraph)) - {"reason"} == {r.value for r in ReasonClass}


def test_limits_doc_states_the_extractor_thresholds() -> None:
    text = " ".join((REPO / "docs" / "limits.md").read_text(encoding="utf-8").split())
    settings = ExtractSettings()
    assert f"fewer than {settings.min_cjk_chars} Chinese characters" in text
    assert f"title on its first {settings.identity_pages} pages" in text


def test_nothing_outside_tests_points_outside_the_repository() -> None:
    pointing = sorted(
        str(path.relative_to(REPO))
        for pattern in ("*.py", "*.md", "*.toml", "Makefile")
        for path in REPO.rglob(pattern)
        if not {".venv", "tests", "data", ".git"} & set(path.relative_to(REPO).parts)
        and re.search(r"\.\./shared|/work/shared|\"shared\"", path.read_text(encoding="utf-8"))
    )
    assert pointing == []
