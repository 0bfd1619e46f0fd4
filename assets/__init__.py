"""Thin Dagster assets and asset checks over the pure packages."""

import warnings

from dagster import BetaWarning

# backfill_policy is beta in Dagster 1.13; BackfillPolicy.single_run() is exactly what a batch needs.
warnings.filterwarnings("ignore", message=".*backfill_policy.*", category=BetaWarning)
