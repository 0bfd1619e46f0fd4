"""The repository stands alone: a clone of HEAD with no ``../shared`` beside it passes the fast
subset of the suite (tests that need the shared real PDFs skip with a reason), lint and contracts."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow

# Fast, and between them: the layers and SQL home, docs against code, amounts and labels, the
# inventory and planner plumbing, and files whose real-PDF tests must skip in a clone.
FAST_SUBSET = [
    "tests/test_layers.py",
    "tests/test_sql_home.py",
    "tests/test_docs_agree.py",
    "tests/test_purity.py",
    "tests/test_pipeline_partitions.py",
    "tests/test_sensor_inbox.py",
    "tests/test_narrative.py",
    "tests/test_model.py",
    "tests/test_seed_copy.py",
    "tests/test_extract_real_pdfs.py",
]


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=900, check=False)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_clone_without_shared_passes_the_fast_subset(tmp_path: Path) -> None:
    if run(["git", "rev-parse", "HEAD"], REPO).returncode != 0:
        pytest.skip("not a git checkout")
    clone = tmp_path / "repo"
    done = run(["git", "clone", "--quiet", "--no-hardlinks", str(REPO), str(clone)], tmp_path)
    assert done.returncode == 0, done.stderr
    assert not (tmp_path / "shared").exists()
    # The clone's packages, not the editable install's: the interpreter starts in the clone.
    probe = run([sys.executable, "-c", "import plumbing, extract; print(plumbing.__file__)"], clone)
    assert probe.stdout.strip() == str(clone / "plumbing" / "__init__.py"), probe.stderr
    contracts = run([str(Path(sys.executable).parent / "lint-imports"), "--no-cache"], clone)
    assert contracts.returncode == 0, contracts.stdout[-2000:]
    started = time.perf_counter()
    done = run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rs", *FAST_SUBSET], clone)
    seconds = time.perf_counter() - started
    assert done.returncode == 0, done.stdout[-3000:]
    summary = done.stdout.strip().splitlines()[-1]
    print(f"fresh clone: {summary} ({seconds:.1f} s)")
    assert "failed" not in summary and "error" not in summary, summary
    assert re.search(r"\d+ passed", summary), summary
    skipped = re.findall(r"^SKIPPED \[\d+\] (\S+)", done.stdout, re.MULTILINE)
    assert any("test_extract_real_pdfs" in where for where in skipped), done.stdout[-3000:]
