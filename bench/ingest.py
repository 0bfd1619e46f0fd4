"""Ingest benchmark: cold run over the demo corpus, a no-op re-run, and a one-new-file run.

Each phase is a real ``countybudget ingest`` subprocess (what an operator or cron pays, imports
included) against its own DAGSTER_HOME and warehouse in a temporary folder. Prints figures only.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CLI = REPO / ".venv" / "bin" / "countybudget"


def ingest(inbox: Path, work: Path) -> tuple[float, str]:
    """Seconds and the summary line of one ``countybudget ingest``."""
    env = os.environ | {"DAGSTER_HOME": str(work / "dagster_home"), "COLUMNS": "200"}
    started = time.perf_counter()
    done = subprocess.run(
        [str(CLI), "ingest", str(inbox), "--warehouse", str(work / "warehouse.duckdb")],
        env=env,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"ingest failed ({done.returncode}):\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    summary = next((line for line in done.stdout.splitlines() if " processed: " in line), "?")
    return seconds, summary


def corpus(work: Path) -> list[Path]:
    from samplegen.corpus import write_corpus

    write_corpus(work / "samples", size="demo", seed=2024)
    return sorted((work / "samples" / "pdfs").rglob("*.pdf"))


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="bench-ingest-"))
    try:
        pdfs = corpus(work)
        inbox = work / "inbox"
        held_out = pdfs[-1]
        for pdf in pdfs[:-1]:
            target = inbox / pdf.relative_to(work / "samples" / "pdfs")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(pdf, target)
        documents = len(pdfs) - 1
        print(
            f"demo corpus: {len(pdfs)} PDFs ({sum(p.stat().st_size for p in pdfs) / 1e6:.1f} MB), "
            f"{os.cpu_count()} CPUs",
            flush=True,
        )

        cold, summary = ingest(inbox, work)
        print(
            f"cold ingest      {cold:7.2f} s  {documents / cold:5.2f} documents/s   [{summary}]", flush=True
        )
        noop, summary = ingest(inbox, work)
        print(
            f"no-op re-run     {noop:7.2f} s  {noop / cold:5.1%} of cold (target < 10 s and < 25%)   [{summary}]",
            flush=True,
        )
        (work / "warehouse.staging" / "manifest.json").unlink()
        rehash, summary = ingest(inbox, work)
        print(
            f"no-op, re-hash   {rehash:7.2f} s  (hash cache dropped: every file read and hashed)   [{summary}]",
            flush=True,
        )
        (inbox / "new").mkdir()
        shutil.copyfile(held_out, inbox / "new" / held_out.name)
        one_new, summary = ingest(inbox, work)
        print(f"one new file     {one_new:7.2f} s   [{summary}]", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
