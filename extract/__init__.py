"""Pure PDF-reading and normalising logic: imports neither Dagster nor DuckDB.

The public entry point is :func:`extract.document.extract_document`, which turns one disclosure
PDF into an :class:`extract.model.ExtractedDocument`.
"""
