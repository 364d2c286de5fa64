"""A readable, coloured summary of one Analysis for the terminal (rich)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from .model import Analysis


def print_summary(analysis: Analysis, console: Console | None = None) -> None:
    """Print the article's actors, statements, events, dates, places and framing."""
    console = console or Console()
    art = analysis.article
    console.print(f"[bold]{art.title or '(untitled)'}[/bold]")
    meta = " · ".join(
        x for x in (art.outlet, art.published and art.published.isoformat(), art.url) if x
    )
    if meta:
        console.print(f"[dim]{meta}[/dim]")
    console.print(
        f"[dim]id {art.id[:12]} · {len(analysis.sentences)} sentences · "
        f"{len(art.text):,} characters[/dim]"
    )
    for r in art.removed:
        console.print(f"[dim]removed ({r.reason}): {r.text!r}[/dim]")
    names = {a.id: a.name for a in analysis.actors}

    if analysis.actors:
        t = Table(title="Actors", title_justify="left")
        for col in ("id", "name", "kind", "code", "mentions"):
            t.add_column(col)
        for a in analysis.actors:
            t.add_row(a.id, a.name, a.kind, a.cameo or "", ", ".join(m.text for m in a.mentions))
        console.print(t)
    if analysis.statements:
        t = Table(title="Statements", title_justify="left")
        for col in ("id", "speaker", "cue", "kind", "content"):
            t.add_column(col, overflow="fold")
        for s in analysis.statements:
            who = names.get(s.speaker or "", s.source.text if s.source else "?")
            t.add_row(s.id, who, s.cue.text, s.kind, s.content.text)
        console.print(t)
    if analysis.events:
        t = Table(title="Events", title_justify="left")
        for col in ("id", "source", "type", "cameo", "target", "trigger", "modality", "by", "date"):
            t.add_column(col, overflow="fold")
        for e in analysis.events:
            flags = [
                k
                for k in ("negated", "conditional", "hypothetical", "future", "near_miss")
                if getattr(e.modality, k)
            ]
            t.add_row(
                e.id,
                names.get(e.source or "", "-"),
                e.plover,
                e.cameo,
                names.get(e.target or "", "-"),
                e.trigger.text,
                ",".join(flags) or "-",
                e.asserted_by,
                e.date.value or "" if e.date else "",
            )
        console.print(t)
    if analysis.dates:
        console.print(
            "[bold]Dates[/bold]: "
            + "; ".join(f"{d.text} → {d.value or '?'}" for d in analysis.dates)
        )
    if analysis.places:
        console.print(
            "[bold]Places[/bold]: "
            + "; ".join(f"{p.text} ({p.country or '?'})" for p in analysis.places)
        )
    if analysis.framing:
        t = Table(title="Framing", title_justify="left")
        for col in ("kind", "text", "note"):
            t.add_column(col, overflow="fold")
        for f in analysis.framing:
            t.add_row(f.kind, f.text, f.note)
        console.print(t)
    if not (analysis.actors or analysis.statements or analysis.events):
        console.print("[yellow]no actors, statements or events found[/yellow]")
