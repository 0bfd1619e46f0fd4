"""The committed seed text is the shared seed, byte for byte (when ../shared is there to compare)."""

import pytest

from tests.shared_inputs import SEED_TEXT, SHARED


def test_committed_seed_text_equals_the_shared_one() -> None:
    shared = SHARED / "seeds" / SEED_TEXT.name
    if not shared.is_file():
        pytest.skip(f"no shared seed at {shared}")
    assert SEED_TEXT.read_bytes() == shared.read_bytes()
    assert "通城县科学技术和经济信息化局 2024 年收入预算总额 1793.33" in SEED_TEXT.read_text(encoding="utf-8")
