"""What ``countybudget ingest`` prints: one line per document and a summary (rich)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.markup import escape

from plumbing.inventory import InventoryEntry
from plumbing.staged import Outcome


def print_outcome(console: Console, outcome: Outcome) -> None:
    if outcome.status == "loaded":
        findings = (
            f"  findings {outcome.errors} error / {outcome.findings - outcome.errors} warn"
            if outcome.findings
            else ""
        )
        console.print(
            f"[green]loaded     [/] {outcome.document_id}  {escape(outcome.title)}  "
            f"{outcome.tables} tables, {outcome.amounts} amounts{findings}  {escape(outcome.path)}"
        )
    else:
        console.print(
            f"[yellow]quarantined[/] {outcome.document_id}  {outcome.reason}: {escape(outcome.message or '')}  "
            f"{escape(outcome.path)}"
        )


def print_skipped(console: Console, entry: InventoryEntry, status: str) -> None:
    console.print(f"[dim]unchanged   {entry.document_id}  already {status}  {escape(entry.path)}[/]")


def print_missing(console: Console, document_id: str, path: str) -> None:
    console.print(f"[red]missing    [/] {document_id}  file removed; kept in the warehouse  {escape(path)}")


def print_summary(
    console: Console, outcomes: Sequence[Outcome], skipped: int, failed: Sequence[str], seconds: float
) -> None:
    loaded = [o for o in outcomes if o.status == "loaded"]
    console.print(
        f"[bold]{len(outcomes)} processed[/]: {len(loaded)} loaded, {len(outcomes) - len(loaded)} quarantined, "
        f"{skipped} unchanged skipped; {sum(o.amounts for o in loaded)} amounts loaded in {seconds:.1f} s"
    )
    for document_id in failed:
        console.print(
            f"[red]not processed[/] {document_id}: no outcome recorded (see the run in the Dagster UI)"
        )
