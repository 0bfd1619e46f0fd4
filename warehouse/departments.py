"""Departments across years: the curated alias files and the dimensions finalize() rebuilds.

A department renamed between years (科学技术局 → 科学技术和经济信息化局) prints two names; the
comparison views group by ``dim_department.department_key`` instead: the name without whitespace
or a leading 中共, unless an alias row (``warehouse/aliases/*.csv``: region, name, valid_from,
valid_to, key) gives the printed name, in those years, another key.
"""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

from warehouse import regions
from warehouse.sqlfiles import run

ALIASES_DIR = Path(__file__).resolve().parent / "aliases"
COLUMNS = ["region", "name", "valid_from", "valid_to", "key"]
ALIAS_SCHEMA = pa.schema(
    [
        ("region", pa.string()),
        ("name", pa.string()),
        ("valid_from", pa.int32()),
        ("valid_to", pa.int32()),
        ("department_key", pa.string()),
        ("source", pa.string()),
    ]
)


@dataclass(frozen=True)
class Alias:
    region: str
    name: str
    valid_from: int | None
    valid_to: int | None
    key: str
    source: str

    def overlaps(self, other: Alias) -> bool:
        low = max(self.valid_from or 0, other.valid_from or 0)
        high = min(self.valid_to or 9999, other.valid_to or 9999)
        return low <= high


def _text(value: str) -> str:
    """NFKC and no whitespace, as every printed name in the warehouse is."""
    return "".join(unicodedata.normalize("NFKC", value).split())


def _year(value: str, where: str) -> int | None:
    value = value.strip()
    if not value:
        return None
    if not value.isdigit() or len(value) != 4:
        raise ValueError(f"{where}: a year is four digits or blank, not {value!r}")
    return int(value)


def read_aliases(folder: Path = ALIASES_DIR) -> list[Alias]:
    """Every row of ``folder/*.csv``; raises ValueError naming file and line for a bad or clashing row."""
    aliases: list[Alias] = []
    for path in sorted(Path(folder).glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle)
            header = [h.strip() for h in next(reader, [])]
            if header != COLUMNS:
                raise ValueError(f"{path.name}: header must be {','.join(COLUMNS)}, not {','.join(header)}")
            for number, row in enumerate(reader, start=2):
                where = f"{path.name}:{number}"
                if not any(cell.strip() for cell in row):
                    continue
                if len(row) != len(COLUMNS) or not all(_text(row[i]) for i in (0, 1, 4)):
                    raise ValueError(f"{where}: region, name and key are required ({len(row)} fields)")
                alias = Alias(
                    _text(row[0]),
                    _text(row[1]),
                    _year(row[2], where),
                    _year(row[3], where),
                    _text(row[4]),
                    where,
                )
                if (alias.valid_from or 0) > (alias.valid_to or 9999):
                    raise ValueError(
                        f"{where}: valid_from {alias.valid_from} is after valid_to {alias.valid_to}"
                    )
                for earlier in aliases:
                    if (earlier.region, earlier.name) == (alias.region, alias.name) and earlier.overlaps(
                        alias
                    ):
                        raise ValueError(
                            f"{where}: {alias.name} already has a key in those years ({earlier.source})"
                        )
                aliases.append(alias)
    return aliases


def alias_table(aliases: list[Alias]) -> pa.Table:
    rows = [
        {
            "region": a.region,
            "name": a.name,
            "valid_from": a.valid_from,
            "valid_to": a.valid_to,
            "department_key": a.key,
            "source": a.source,
        }
        for a in aliases
    ]
    return pa.Table.from_pylist(rows, schema=ALIAS_SCHEMA)


def _replace(con: duckdb.DuckDBPyConnection, view: str, sql_file: str, table: pa.Table) -> None:
    con.register(view, table)
    run(con, sql_file)
    con.unregister(view)


def refresh_keys_and_regions(con: duckdb.DuckDBPyConnection, aliases: Path = ALIASES_DIR) -> None:
    """Load the alias files, the gazetteer and each printed region's place in it (before the views)."""
    _replace(con, "incoming_aliases", "replace_aliases.sql", alias_table(read_aliases(aliases)))
    _replace(con, "incoming_divisions", "replace_divisions.sql", regions.division_table())
    contexts: dict[str, list[str]] = {}
    levels: dict[str, str] = {}
    for county, text, level in run(con, "region_contexts.sql"):
        contexts.setdefault(county, []).append(text)
        if level:
            levels.setdefault(county, level)
    _replace(con, "incoming_regions", "replace_regions.sql", regions.region_table(contexts, levels))


def refresh_findings(con: duckdb.DuckDBPyConnection) -> None:
    """Departments that appear, disappear, split or merge between two years (scope 'department')."""
    run(con, "department_findings.sql")
