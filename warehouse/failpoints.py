"""Test hook: SIGKILL this process at a named point, to prove a crash there loses nothing.

``failpoint(name)`` does nothing unless the environment variable ``COUNTYBUDGET_FAILPOINT`` equals
``name``; then it writes one line to stderr and kills the current process with SIGKILL (no cleanup,
no rollback, no ``finally``), exactly like an OOM killer or a power cut. Only the crash tests set the
variable (``tests/test_crash_ingest.py``); the cost otherwise is one dictionary lookup.
"""

from __future__ import annotations

import os
import signal
import sys

FAILPOINT_ENV = "COUNTYBUDGET_FAILPOINT"

# Every failpoint in the code, so a test (or an operator) cannot set a name that never fires.
LOAD_MID_TRANSACTION = "load_document_mid_transaction"
PUBLISH_BEFORE_REPLACE = "publish_before_replace"
PUBLISH_AFTER_REPLACE = "publish_after_replace"
FAILPOINTS = (LOAD_MID_TRANSACTION, PUBLISH_BEFORE_REPLACE, PUBLISH_AFTER_REPLACE)


def failpoint(name: str) -> None:
    """SIGKILL the current process if ``COUNTYBUDGET_FAILPOINT`` names this point."""
    if os.environ.get(FAILPOINT_ENV) == name:
        sys.stderr.write(f"failpoint {name}: SIGKILL\n")
        sys.stderr.flush()
        os.kill(os.getpid(), signal.SIGKILL)
