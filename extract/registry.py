"""The table registry: one declarative place (``tables.toml``) for what the code knows about each
table type — titles, header signature, measures, arithmetic rules, the generator's titles.

It sits in ``extract`` (the bottom layer) so extraction, checks and samplegen all read the same
entries; a new table type is one ``[[table]]`` entry. ``load(path)`` reads another file;
``REGISTRY`` is the project's own, or the file ``$COUNTYBUDGET_TABLES`` names (a deployment, or a
test, adding a table type without touching code).
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

DATA_FILE = Path(__file__).with_name("tables.toml")
# The codes a table's rows carry: 'none' (a printed code is dropped), 'kept' (kept when printed,
# never summed), 'functional' / 'economic' (a code tree: each 类 = Σ款, 合计 = Σ类 are checked).
CODE_FAMILIES = ("none", "kept", "functional", "economic")

MeasureRule = tuple[str, str]  # (regex on one squashed header element, measure key)


@dataclass(frozen=True)
class WordRule:
    """Every word of ``all`` present and none of ``none``: a title rule or an exclusion."""

    all: tuple[str, ...]
    none: tuple[str, ...] = ()

    def matches(self, text: str) -> bool:
        return all(word in text for word in self.all) and not any(word in text for word in self.none)


def _all_none(texts: list[str], required: tuple[str, ...], forbidden: tuple[str, ...]) -> bool:
    return all(any(re.search(p, t) for t in texts) for p in required) and not any(
        re.search(p, t) for p in forbidden for t in texts
    )


@dataclass(frozen=True)
class Signature:
    """The column headers that identify a table: each ``all`` pattern matches some header element,
    no ``none`` pattern matches any. Two-sided tables print the same headers (收入 | 支出); their
    row labels tell them apart (``rows_all`` / ``rows_none``, on the body's text cells)."""

    all: tuple[str, ...]
    none: tuple[str, ...] = ()
    rows_all: tuple[str, ...] = ()
    rows_none: tuple[str, ...] = ()

    def matches(self, elements: list[str], rows: list[str] | None = None) -> bool:
        return _all_none(elements, self.all, self.none) and _all_none(
            rows or [], self.rows_all, self.rows_none
        )


@dataclass(frozen=True)
class TableSpec:
    """One table type. ``row_parts``: alternatives of part measures summing to ``row_total`` on
    each row (an empty tuple: every other measure of the row); ``row_total`` None: no row check."""

    key: str
    standard: bool
    title_priority: int
    title_rules: tuple[WordRule, ...]
    budget_titles: tuple[str, ...]
    final_titles: tuple[str, ...]
    codes: str  # one of CODE_FAMILIES
    measures: tuple[MeasureRule, ...]
    signatures: tuple[Signature, ...]  # alternatives: any one identifies the table
    signature_codes: str | None = None  # the body's code family must agree (functional vs economic)
    two_sided: tuple[str, str] | None = None  # (收入 side, 支出 side) measure of a generic column
    generic_total: bool = False  # one generic amount column (金额, 预算数) is its total
    bare_subtotal: str | None = None  # the group a bare 小计 column opens
    final_budget_columns: bool = False  # 决算: a 预算数 column's key is ``<key>_budget``
    row_total: str | None = None
    row_parts: tuple[tuple[str, ...], ...] = ()
    # The sample generator's presentation: the 注 printed under the table by templates that
    # annotate, blank rows padded below the body, a small table grouped with others on one sheet.
    generator_note: str | None = None
    generator_padded: bool = False
    generator_small: bool = False

    @property
    def code_tree(self) -> bool:
        """Rows carry functional or economic codes whose hierarchy adds up."""
        return self.codes in ("functional", "economic")

    @property
    def measure_keys(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(key for _, key in self.measures))


@dataclass(frozen=True)
class Registry:
    tables: tuple[TableSpec, ...]
    not_standard: tuple[str, ...] = ()
    other_table_qualifiers: tuple[str, ...] = ()
    title_exclusions: tuple[WordRule, ...] = field(default=())

    def __getitem__(self, key: str) -> TableSpec:
        return self.by_key[key]

    @cached_property
    def by_key(self) -> dict[str, TableSpec]:
        return {spec.key: spec for spec in self.tables}

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(spec.key for spec in self.tables)

    @property
    def standard_keys(self) -> tuple[str, ...]:
        return tuple(spec.key for spec in self.tables if spec.standard)

    @cached_property
    def title_rules(self) -> tuple[tuple[str, WordRule], ...]:
        """(table_type, rule) in the order they are tried: most specific words first."""
        ordered = sorted(self.tables, key=lambda spec: spec.title_priority)
        return tuple((spec.key, rule) for spec in ordered for rule in spec.title_rules)

    def with_codes(self, *families: str) -> tuple[str, ...]:
        return tuple(spec.key for spec in self.tables if spec.codes in families)

    def titles(self, phase: str) -> dict[str, tuple[str, ...]]:
        """The titles the sample generator prints, per table type, for 'budget' or 'final'."""
        attribute = "budget_titles" if phase == "budget" else "final_titles"
        return {spec.key: getattr(spec, attribute) for spec in self.tables if getattr(spec, attribute)}

    def row_parts(self) -> dict[str, tuple[str, tuple[tuple[str, ...], ...]]]:
        return {spec.key: (spec.row_total, spec.row_parts) for spec in self.tables if spec.row_total}

    def by_signature(
        self, elements: list[str], code_family: str | None = None, rows: list[str] | None = None
    ) -> str | None:
        """The one table type whose header signature the header elements (and body row labels)
        match, else None (no match, or several: never a guess). ``code_family`` ('functional' /
        'economic'), when the body's codes are known, rules out a signature of the other family."""
        found = [
            spec.key
            for spec in self.tables
            if any(signature.matches(elements, rows) for signature in spec.signatures)
            and (code_family is None or spec.signature_codes in (None, code_family))
        ]
        return found[0] if len(found) == 1 else None


def _spec(entry: dict, shared: dict[str, list]) -> TableSpec:
    measures = entry["measures"] if "measures" in entry else shared[entry["measures_like"]]
    signature = entry.get("signature")
    if isinstance(signature, dict):
        signature = [signature]
    codes = entry.get("codes", "none")
    if codes not in CODE_FAMILIES:
        raise ValueError(f"table {entry['key']}: codes must be one of {CODE_FAMILIES}, not {codes!r}")
    two_sided = entry.get("two_sided")
    generator = entry.get("generator", {})
    return TableSpec(
        key=entry["key"],
        standard=entry.get("standard", False),
        title_priority=entry["title_priority"],
        title_rules=tuple(_word_rule(rule) for rule in entry.get("title_rules", ())),
        budget_titles=tuple(entry.get("budget_titles", ())),
        final_titles=tuple(entry.get("final_titles", ())),
        codes=codes,
        measures=tuple((pattern, key) for pattern, key in measures),
        signatures=tuple(_signature(one) for one in signature) if signature else (),
        signature_codes=entry.get("signature_codes"),
        two_sided=(two_sided[0], two_sided[1]) if two_sided else None,
        generic_total=entry.get("generic_total", False),
        bare_subtotal=entry.get("bare_subtotal"),
        final_budget_columns=entry.get("final_budget_columns", False),
        row_total=entry.get("row_total"),
        row_parts=tuple(tuple(parts) for parts in entry.get("row_parts", ())),
        generator_note=generator.get("note"),
        generator_padded=generator.get("padded", False),
        generator_small=generator.get("small", False),
    )


def _signature(entry: dict) -> Signature:
    return Signature(
        tuple(entry["all"]),
        tuple(entry.get("none", ())),
        tuple(entry.get("rows_all", ())),
        tuple(entry.get("rows_none", ())),
    )


def _word_rule(rule: dict) -> WordRule:
    return WordRule(tuple(rule["all"]), tuple(rule.get("none", ())))


def parse(data: dict) -> Registry:
    """A registry from the parsed TOML document (see ``tables.toml``)."""
    shared = data.get("shared_measures", {})
    titles = data.get("titles", {})
    specs = tuple(_spec(entry, shared) for entry in data["table"])
    keys = [spec.key for spec in specs]
    if len(set(keys)) != len(keys):
        raise ValueError(f"duplicate table keys in the registry: {keys}")
    return Registry(
        tables=specs,
        not_standard=tuple(titles.get("not_standard", ())),
        other_table_qualifiers=tuple(titles.get("other_table_qualifiers", ())),
        title_exclusions=tuple(_word_rule(rule) for rule in titles.get("exclude", ())),
    )


def load(path: Path = DATA_FILE) -> Registry:
    with path.open("rb") as handle:
        return parse(tomllib.load(handle))


REGISTRY = load(Path(os.environ.get("COUNTYBUDGET_TABLES") or DATA_FILE))
