"""Dagster-independent plumbing the assets and the code location share: paths, inventory, staging, locks."""
