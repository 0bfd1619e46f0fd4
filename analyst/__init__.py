"""The analyst's HTML report (charts drawn offline), below the Dagster assets that write it after
each publish and the CLI that writes it on demand."""
