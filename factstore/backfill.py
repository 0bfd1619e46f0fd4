"""Which documents a re-extraction backfill re-reads after the extractor version was bumped.

Identical bytes are otherwise never read twice; after an upgrade, documents an older version read
are read again, and so are documents quarantined for a reason a better reader may overcome (a
page it could not route, a title it could not find). A newer version already refused for a
document (it would have lost facts) is not retried until the version changes again.
"""

from __future__ import annotations

import os
from pathlib import Path

from extract.model import ReasonClass
from factstore.store import FactStore
from warehouse.publish import connect_published

# Quarantine reasons that depend on how well the reader reads; the others are facts about the file
# (not a PDF, corrupt, encrypted, over the limits, a duplicate) and a new reader changes nothing.
REREADABLE = (
    ReasonClass.NO_TEXT_LAYER,
    ReasonClass.NOT_BUDGET,
    ReasonClass.NO_TABLES,
    ReasonClass.TIMEOUT,
    ReasonClass.EXTRACTION_ERROR,
)
NIGHTLY_REREAD_ENV = "COUNTYBUDGET_NIGHTLY_REREAD"  # "1": the nightly schedule also runs the backfill
STALE_SQL = (Path(__file__).resolve().parent / "sql" / "stale_documents.sql").read_text(encoding="utf-8")


def stale_documents(published: Path, store: FactStore, version: int) -> list[str]:
    """document_ids to re-read with ``version``, in id order; empty before the first publish."""
    if not published.exists():
        return []
    with connect_published(published) as con:
        rows = con.execute(
            STALE_SQL, {"reasons": [r.value for r in REREADABLE], "version": version}
        ).fetchall()
    stale = []
    for (document_id,) in rows:
        report = store.report(document_id)
        if report is None or report.refused_version is None or report.refused_version < version:
            stale.append(document_id)
    return stale


def nightly_reread() -> bool:
    return os.environ.get(NIGHTLY_REREAD_ENV, "") not in ("", "0")
