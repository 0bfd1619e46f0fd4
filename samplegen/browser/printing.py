"""Print an HTML file to PDF with headless Chromium (Debian's ``chromium`` package).

No header or footer (they would carry the date and the file's URL), no network, a private
profile; the page size and orientation come from the page's CSS @page rules.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

INSTALL_HINT = (
    "Chromium is not installed (no `chromium` on PATH); the browser producer needs it: "
    "apt-get update && apt-get install -y chromium fonts-wqy-zenhei"
)


class ChromiumMissing(RuntimeError):
    pass


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not found:
        raise ChromiumMissing(INSTALL_HINT)
    return found


def print_html(html: Path, pdf: Path, timeout: float = 120) -> Path:
    """``html`` printed to ``pdf`` as a browser's "Save as PDF" does."""
    pdf.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
        command = [
            chromium(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            f"--user-data-dir={profile}",
            "--no-pdf-header-footer",
            "--run-all-compositor-stages-before-draw",
            f"--print-to-pdf={pdf}",
            html.resolve().as_uri(),
        ]
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    if done.returncode or not pdf.exists():
        raise RuntimeError(f"chromium failed ({done.returncode}) printing {html.name}: {done.stderr[-800:]}")
    return pdf
