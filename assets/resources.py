"""Resources: where the warehouse is, where staged per-document results live, how to extract.

Thin Dagster configuration over ``plumbing`` (the writer lock, the paths) and ``factstore`` (records).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from dagster import ConfigurableResource

from factstore import records
from plumbing.inventory import Manifest
from plumbing.paths import default_staging_root, warehouse_path
from plumbing.writer_lock import warehouse_writer, writer_lock


class WarehouseResource(ConfigurableResource):
    """The published DuckDB file; the writer works on a private copy next to it."""

    path: str

    @property
    def published(self) -> Path:
        return Path(self.path)

    @property
    def working(self) -> Path:
        from warehouse.publish import working_copy

        return working_copy(self.published)

    @contextmanager
    def writer(self, on_wait: Callable[[], None] = lambda: None) -> Iterator[Any]:
        """The single writer on the working copy, under the warehouse's cross-process lock."""
        with warehouse_writer(self.published, on_wait) as writer:
            yield writer

    @contextmanager
    def locked(self, on_wait: Callable[[], None] = lambda: None) -> Iterator[None]:
        with writer_lock(self.published, on_wait):
            yield


class StagingStore(ConfigurableResource):
    """Per-document results between steps as typed JSON (``factstore.records``, not pickles):
    ``<root>/documents/<document_id>/<stage>.json``, plus the manifest and the Parquet fact store."""

    root: str

    def document_dir(self, document_id: str) -> Path:
        return Path(self.root) / "documents" / document_id

    def put(self, document_id: str, stage: str, value: Any) -> None:
        folder = self.document_dir(document_id)
        folder.mkdir(parents=True, exist_ok=True)
        temporary = folder / f".{stage}.{os.getpid()}.tmp"
        temporary.write_text(records.dumps(value), encoding="utf-8")
        os.replace(temporary, folder / f"{stage}.json")

    def get(self, document_id: str, stage: str) -> Any:
        """The staged value; raises FileNotFoundError naming the stage when an upstream step never ran,
        StoredSchemaError naming the fields when it was staged by code with other record fields."""
        path = self.document_dir(document_id) / f"{stage}.json"
        if not path.exists():
            raise FileNotFoundError(f"no staged {stage!r} result for document {document_id} ({path})")
        return records.loads(path.read_text(encoding="utf-8"), str(path))

    def discard(self, document_id: str, stage: str) -> None:
        (self.document_dir(document_id) / f"{stage}.json").unlink(missing_ok=True)

    def manifest(self) -> Manifest:
        return Manifest(Path(self.root) / "manifest.json")

    def facts(self) -> Any:
        """The Parquet fact store (``<root>/facts``): the system of record the warehouse is built from."""
        from factstore.store import FactStore

        return FactStore(Path(self.root) / "facts")


class ExtractionResource(ConfigurableResource):
    """How many worker processes read PDFs (both cores by default); limits come from the environment.
    ``settings``: ``ExtractSettings`` fields (``{"line_scale": 40}``) over the ``COUNTYBUDGET_<FIELD>``
    environment variables, for every document of the run."""

    workers: int = 2
    settings: dict[str, Any] = {}

    def limits(self) -> Any:
        from extract.limits import Limits

        return Limits.from_env()

    def extract_settings(self) -> Any:
        from extract.settings import ExtractSettings

        return ExtractSettings.from_env(overrides=self.settings)


def default_resources(published: Path | None = None) -> dict[str, ConfigurableResource]:
    """Resources for the code location, from ``WAREHOUSE_PATH`` unless a warehouse is given."""
    target = warehouse_path(published).absolute()  # runs launched by the daemon may have another cwd
    return {
        "warehouse": WarehouseResource(path=str(target)),
        "staging": StagingStore(root=str(default_staging_root(target))),
        "extraction": ExtractionResource(),
    }


def resource_run_config(published: Path) -> dict[str, Any]:
    """Run config pointing a run at another warehouse (``ingest --warehouse``); shown in the UI."""
    return {
        "resources": {
            "warehouse": {"config": {"path": str(published)}},
            "staging": {"config": {"root": str(default_staging_root(published))}},
        }
    }
