"""Headless Chromium (Debian's ``chromium``) for the report test, with networking disabled.

Chromium is a system package, not a Python one: a test that needs it gets it from here, which
installs it with apt-get when the machine allows (root, Debian) and otherwise names why it cannot.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

NAMES = ("chromium", "chromium-browser")
# Every request goes to a closed local port and no host name resolves: a page that needs the
# network draws nothing.
OFFLINE = (
    "--proxy-server=127.0.0.1:9",
    "--proxy-bypass-list=<-loopback>",
    "--host-resolver-rules=MAP * ~NOTFOUND",
)
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--virtual-time-budget=30000")


def find_chromium() -> str | None:
    return next((path for name in NAMES if (path := shutil.which(name))), None)


def ensure_chromium() -> tuple[str | None, str]:
    """The chromium binary, installing Debian's package if missing; else None and the reason."""
    found = find_chromium()
    if found:
        return found, ""
    if os.name != "posix" or os.geteuid() != 0 or not shutil.which("apt-get"):
        return (
            None,
            "chromium is not installed and this is not a root Debian machine (apt-get install chromium)",
        )
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    install = ["apt-get", "install", "-y", "-qq", "chromium"]
    for commands in ([install], [["apt-get", "update", "-qq"], install]):  # the package list may be stale
        for command in commands:
            subprocess.run(command, env=env, capture_output=True, timeout=900, check=False)
        if found := find_chromium():
            return found, ""
    return None, "apt-get could not install chromium (no Debian mirror reachable?)"


def run_chromium(binary: str, page: Path, *args: str, timeout: int = 180) -> subprocess.CompletedProcess:
    command = [binary, *FLAGS, *OFFLINE, *args, page.resolve().as_uri()]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=True)


def dump_dom(binary: str, page: Path) -> str:
    """The page's DOM after its scripts ran (virtual time lets them finish)."""
    return run_chromium(binary, page, "--dump-dom").stdout


def screenshot(binary: str, page: Path, out: Path, size: str = "1280,2200") -> Path:
    run_chromium(binary, page, f"--screenshot={out.resolve()}", f"--window-size={size}")
    return out


class ChartScan(HTMLParser):
    """Per chart container (``id="chart-N"``): how many SVG elements were drawn inside it; body attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.svgs: dict[str, int] = {}
        self.body: dict[str, str] = {}
        self._stack: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "body":
            self.body = values
        if tag == "div":
            chart = values.get("id", "")
            self._stack.append(chart if chart.startswith("chart-") else None)
            if chart.startswith("chart-"):
                self.svgs.setdefault(chart, 0)
        current = next((c for c in reversed(self._stack) if c), None)
        if tag == "svg" and current:
            self.svgs[current] += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self._stack:
            self._stack.pop()


def scan(dom: str) -> ChartScan:
    parser = ChartScan()
    parser.feed(dom)
    return parser
