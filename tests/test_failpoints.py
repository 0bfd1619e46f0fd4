"""The crash tests' failpoint hook: inert unless named in the environment, then a real SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from warehouse.failpoints import FAILPOINT_ENV, FAILPOINTS, PUBLISH_BEFORE_REPLACE, failpoint

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_failpoint_does_nothing_unless_its_name_is_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(FAILPOINT_ENV, raising=False)
    for name in FAILPOINTS:
        failpoint(name)
    monkeypatch.setenv(FAILPOINT_ENV, "publish_after_replace")
    failpoint(PUBLISH_BEFORE_REPLACE)  # another point: still alive


def test_a_named_failpoint_kills_the_process_with_sigkill() -> None:
    code = (
        "from warehouse.failpoints import failpoint; failpoint('publish_before_replace'); print('survived')"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        env=os.environ | {FAILPOINT_ENV: PUBLISH_BEFORE_REPLACE},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == -signal.SIGKILL
    assert done.stdout == ""
    assert done.stderr == "failpoint publish_before_replace: SIGKILL\n"
