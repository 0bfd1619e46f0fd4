"""Session-wide test plumbing: figures that tests report are printed in pytest's closing summary.

pytest captures ``print`` in passing tests, so a count such as "bad-input cases tried" would be
invisible in CI's output; a test hands it to the ``figures`` fixture instead.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

FIGURES: list[str] = []


@pytest.fixture
def figures(request: pytest.FixtureRequest) -> Callable[[str], None]:
    def report(text: str) -> None:
        FIGURES.append(f"{request.node.nodeid}: {text}")

    return report


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if FIGURES:
        terminalreporter.section("figures reported by tests")
        for line in FIGURES:
            terminalreporter.write_line(line)
