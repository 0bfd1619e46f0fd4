"""Resources: where the warehouse is, where staged per-document results live, how to extract.

Thin Dagster configuration over ``plumbing`` (the staging folder, the writer lock, the paths).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from dagster import ConfigurableResource

from plumbing.inventory import Manifest
from plumbing.paths import default_staging_root, warehouse_path
from plumbing.staging import StagingFolder
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
    """The staging folder (``plumbing.staging.StagingFolder``) as a configurable resource."""

    root: str

    @property
    def folder(self) -> StagingFolder:
        return StagingFolder(Path(self.root))

    def document_dir(self, document_id: str) -> Path:
        return self.folder.document_dir(document_id)

    def put(self, document_id: str, stage: str, value: Any) -> None:
        self.folder.put(document_id, stage, value)

    def get(self, document_id: str, stage: str) -> Any:
        return self.folder.get(document_id, stage)

    def discard(self, document_id: str, stage: str) -> None:
        self.folder.discard(document_id, stage)

    def manifest(self) -> Manifest:
        return self.folder.manifest()


class ExtractionResource(ConfigurableResource):
    """How many worker processes read PDFs (both cores by default); limits come from the environment."""

    workers: int = 2

    def limits(self) -> Any:
        from extract.limits import Limits

        return Limits.from_env()


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
