"""Human-readable rendering of documents for `--format pretty` (Rich)."""
from __future__ import annotations

from typing import IO

from warta.model import Document


def _fact_line(f) -> str:
    a = f.args
    parts = {
        "PARTNERSHIP": lambda: " + ".join(a.get("parties") or []),
        "INVESTMENT": lambda: f"{a.get('investor') or ', '.join(a.get('investors') or [])} -> {_amount(a.get('amount'))} {a.get('target') or ''}",
        "PRODUCT": lambda: f"{a.get('maker')}: {a.get('product')} ({a.get('category') or '-'})",
        "LAUNCH_PLAN": lambda: f"{a.get('maker')}: {a.get('product')} by {(a.get('date') or {}).get('value')}",
        "FACILITY": lambda: f"{a.get('kind')} at {', '.join(a.get('location') or [])}",
        "INFRASTRUCTURE": lambda: f"{_amount(a.get('count'))} {a.get('kind')} in {a.get('location')}",
        "ROLE": lambda: f"{a.get('person')}: {a.get('role')}, {a.get('org')}",
        "QUOTE": lambda: f"{a.get('speaker')}: \u201c{(a.get('text') or '')[:90]}\u201d",
    }
    return parts.get(f.type, lambda: str(a))()


def _amount(x) -> str:
    if not isinstance(x, dict):
        return "-" if x is None else str(x)
    v = x.get("value")
    cur = x.get("currency") or ""
    q = {"about": "~", "more_than": ">", "at_least": ">=", "at_most": "<="}.get(x.get("qualifier") or "", "")
    if isinstance(v, (int, float)) and abs(v) >= 1e6:
        for d, w in ((1e12, "T"), (1e9, "B"), (1e6, "M")):
            if abs(v) >= d:
                return f"{q}{cur} {v / d:g}{w}".strip()
    return f"{q}{cur} {v}".strip()


def print_documents(docs: list[Document], out: IO[str]) -> None:
    from rich.console import Console
    from rich.panel import Panel
    from rich.table import Table

    con = Console(file=out, width=110, force_terminal=out.isatty() if hasattr(out, "isatty") else False)
    for d in docs:
        m = d.metadata
        head = f"[bold]{m.title or '(untitled)'}[/bold]\n{d.doc_id} · {d.language or '?'} · {m.published or 'no date'}"
        if m.site or m.dateline:
            head += f" · {m.site or ''} {m.dateline or ''}".rstrip()
        if m.authors:
            head += f" · by {', '.join(m.authors)}"
        if d.duplicate_of:
            head += f" · near-duplicate of {d.duplicate_of}"
        con.print(Panel(head, expand=True))
        if d.entities:
            con.print("entities: " + "; ".join(f"{e.name} [{e.type}]" for e in d.entities), markup=False)
        if d.facts:
            t = Table(show_header=True, header_style="bold")
            for c in ("type", "fact", "status", "certainty", "flags"):
                t.add_column(c)
            for f in d.facts:
                t.add_row(f.type, _fact_line(f), f.status or "-", f.certainty or "-", ",".join(f.flags))
            con.print(t)
        elif not d.entities:
            con.print(d.body[:300] + ("…" if len(d.body) > 300 else ""), markup=False)
        con.print()
