"""A handful of demo-corpus documents committed as test fixtures (``tests/fixtures/samples``).

Refresh after changing the generator: ``.venv/bin/python -m samplegen.fixtures``. The fixture is
a small corpus in the same layout (``pdfs/``, ``truth/``), byte-identical to the demo corpus files
of the same names.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from samplegen.corpus import write_corpus
from samplegen.truth import truth_name

FIXTURE_DIR = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "samples"
FIXTURE_FILES = (
    "pdfs/白石县/中共白石县委组织部/2024-budget.pdf",  # party organ, budget
    "pdfs/白石县/中共白石县委组织部/2024-final.pdf",  # its final accounts
    "pdfs/青山县/青山县人民医院/2023-budget.pdf",  # hospital: 事业收入, 上级补助, 上缴上级, …
    "pdfs/青山县/青山县财政局/2023-final.pdf",  # 国有资本经营 table filled, 年初/年末结转和结余
    "pdfs/通城县/通城县科学技术和经济信息化局/2024-budget.pdf",  # the seed, with its three findings
    "pdfs/_messy/会议通知.pdf",  # not a budget
    "pdfs/_messy/空文件.pdf",  # zero bytes
)


def copy_fixtures(corpus: Path, target: Path) -> None:
    """Copy the fixture documents and their truth from a generated demo corpus."""
    shutil.rmtree(target, ignore_errors=True)
    for relative in FIXTURE_FILES:
        for source, dest in (
            (corpus / relative, target / relative),
            (corpus / "truth" / truth_name(relative), target / "truth" / truth_name(relative)),
        ):
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, dest)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        write_corpus(Path(tmp), size="demo", seed=2024)
        copy_fixtures(Path(tmp), FIXTURE_DIR)
    print(f"wrote {len(FIXTURE_FILES)} fixture documents to {FIXTURE_DIR}")


if __name__ == "__main__":
    main()
