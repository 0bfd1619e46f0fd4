"""What a document says about itself: a cover that does not print its whole identity."""

from __future__ import annotations

from checks import names
from checks.findings import Finding
from extract.model import ExtractedDocument

IDENTITY_FIELDS = ("county", "department", "fiscal_year", "phase")


def identity_incomplete(doc: ExtractedDocument) -> list[Finding]:
    """One warn finding naming the identity fields the document does not print (it is loaded anyway)."""
    missing = [name for name in IDENTITY_FIELDS if getattr(doc.identity, name) is None]
    if not missing:
        return []
    return [
        Finding(
            None, names.IDENTITY_INCOMPLETE, "warn", f"identity incomplete: {', '.join(missing)} not printed"
        )
    ]
