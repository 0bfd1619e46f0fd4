"""The Parquet fact store: per-document typed results, the system of record the warehouse is built from.

Dagster-free (plain files, pyarrow, pandas), so any worker that extracted a document writes its
files without a shared lock, and ``countybudget rebuild`` recreates the warehouse from them alone.
"""
