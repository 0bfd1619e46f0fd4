"""The number and unit inside a printed indicator value (``124家``, ``100%``, ``200元/月``,
``90%以上``, ``≥95%``); qualitative values (``达标``, ``有效``) have neither."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from extract.text import squash

_VALUE = re.compile(
    r"^(?:[≥≤><=＞＜]|不低于|不少于|不高于|不超过|大于|小于|达到|约)*"
    r"(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)"
    r"(?P<unit>[^\d]*?)"
    r"(?:以上|以下|以内|及以上|及以下|左右|以)?$"
)


def parse_target(text: str) -> tuple[Decimal | None, str | None]:
    """(number, unit) of an indicator value; (None, None) when it is not a single number."""
    match = _VALUE.match(squash(text))
    if not match:
        return None, None
    try:
        number = Decimal(match.group("num").replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the regex only lets digits through
        return None, None
    unit = match.group("unit").removesuffix("及") or None
    return number, unit
