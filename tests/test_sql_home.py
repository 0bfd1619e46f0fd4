"""One home for SQL (``warehouse/sql``) and one loader; views are created after the views they read."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest

from warehouse import sqlfiles
from warehouse.sqlfiles import SQL_DIR, declared_dependencies, files_in, views_in_order

REPO = Path(__file__).resolve().parents[1]
PACKAGES = ("extract", "checks", "schemas", "warehouse", "plumbing", "assets", "pipelines", "countybudget")


def test_every_sql_file_of_the_project_lives_under_warehouse_sql() -> None:
    outside = sorted(
        str(path.relative_to(REPO))
        for package in PACKAGES
        for path in (REPO / package).rglob("*.sql")
        if SQL_DIR not in path.parents
    )
    assert outside == []


def test_only_the_loader_reads_sql_files() -> None:
    readers = sorted(
        str(path.relative_to(REPO))
        for package in PACKAGES
        for path in (REPO / package).rglob("*.py")
        if re.search(r"\.sql\b", path.read_text(encoding="utf-8")) and "read_text" in path.read_text("utf-8")
    )
    assert readers == ["countybudget/query.py", "warehouse/sqlfiles.py"]  # query: the user's --file


def test_each_view_declares_exactly_the_views_it_reads() -> None:
    views = {Path(name).stem for name in files_in("views")}
    for name in files_in("views"):
        body = sqlfiles._COMMENT.sub("", sqlfiles.sql_text(name))
        read = {view for view in re.findall(r"\bv_[a-z_]+\b", body) if view in views} - {Path(name).stem}
        assert sorted(declared_dependencies(name)) == sorted(read), name


def test_views_come_after_their_dependencies() -> None:
    order = views_in_order()
    assert sorted(order) == files_in("views")
    assert order.index("views/v_budget_lines.sql") < order.index("views/v_execution.sql")
    assert order.index("views/v_narrative_figures.sql") < order.index("views/v_narrative_metrics.sql")
    for name in order:
        for view in declared_dependencies(name):
            assert order.index(f"views/{view}.sql") < order.index(name)


def _views_folder(tmp_path: Path, files: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "views").mkdir()
    for name, text in files.items():
        (tmp_path / "views" / name).write_text(text, encoding="utf-8")
    monkeypatch.setattr(sqlfiles, "SQL_DIR", tmp_path)
    _clear()


def _clear() -> None:
    sqlfiles.sql_text.cache_clear()
    sqlfiles.statements.cache_clear()


def test_a_view_named_first_alphabetically_is_still_created_after_what_it_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _views_folder(
        tmp_path,
        {
            "v_a.sql": "-- depends: v_c\nCREATE VIEW v_a AS SELECT x + 1 AS y FROM v_c;",
            "v_b.sql": "CREATE VIEW v_b AS SELECT 2 AS z;",
            "v_c.sql": "-- depends: v_b\nCREATE VIEW v_c AS SELECT z AS x FROM v_b;",
        },
        monkeypatch,
    )
    try:
        assert views_in_order() == ["views/v_b.sql", "views/v_c.sql", "views/v_a.sql"]
        with duckdb.connect() as con:
            for name in views_in_order():
                sqlfiles.run(con, name)
            assert con.sql("SELECT y FROM v_a").fetchall() == [(3,)]
    finally:
        _clear()


def test_an_unknown_dependency_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _views_folder(tmp_path, {"v_a.sql": "-- depends: v_gone\nCREATE VIEW v_a AS SELECT 1;"}, monkeypatch)
    try:
        with pytest.raises(
            ValueError, match="views/v_a.sql depends on v_gone, which no file in views/ defines"
        ):
            views_in_order()
    finally:
        _clear()
