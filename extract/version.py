"""The extractor's version: bump it by hand when a change makes the reader get more out of PDFs.

Every document records the version that read it (``v_documents.extractor_version``); after a bump,
``countybudget reread`` re-reads the documents an older version read (and those quarantined for a
reason a better reader may overcome), keeping the old facts where the new reader would lose some.
"""

EXTRACTOR_VERSION = 2  # 2: scans read by OCR, third-producer layouts, registry, LibreOffice fixes


def current_version() -> int:
    """Read at call time (not import time), so a test can simulate an upgrade by patching the constant."""
    return EXTRACTOR_VERSION
