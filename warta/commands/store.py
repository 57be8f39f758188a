"""ingest, entity, partners, facts, evidence, search, failures, export: thin
commands over warta.store."""
from __future__ import annotations

import json
from enum import Enum
from pathlib import Path

import typer

from warta.cli import app

DB = typer.Option(None, "--db", help="database URL (default: WARTA_DB or sqlite:///warta.db)")


class Fmt(str, Enum):
    table = "table"
    json = "json"


def _store(db: str | None):
    from warta.settings import Settings
    from warta.store.db import StoreError, open_store
    try:
        return open_store(Settings.from_env(db_url=db).db_url)
    except StoreError as exc:
        typer.echo(f"warta: {exc}", err=True)
        raise typer.Exit(2) from exc


def _run(db: str | None, fn, *args, **kw):
    from warta.store.queries import NotFound
    with _store(db).session() as s:
        try:
            return fn(s, *args, **kw)
        except NotFound as exc:
            typer.echo(f"warta: {exc}", err=True)
            raise typer.Exit(1) from exc


def _emit(data, fmt: Fmt, table) -> None:
    if fmt is Fmt.json:
        typer.echo(json.dumps(data, indent=1, ensure_ascii=False))
        return
    import sys

    from rich.console import Console
    Console(width=None if sys.stdout.isatty() else 160).print(table(data))


def _table(title: str, cols: list[str], rows: list[list]) -> object:
    from rich.table import Table
    t = Table(title=title, show_lines=False)
    for c in cols:
        t.add_column(c, overflow="fold")
    for r in rows:
        t.add_row(*[("" if x is None else str(x)) for x in r])
    return t


@app.command()
def ingest(paths: list[str] = typer.Argument(..., help="files, folders, archives or -"), db: str | None = DB) -> None:
    """Run the pipeline and store every document (one transaction each; idempotent)."""
    import sys

    from warta.store.ingest import ingest as do_ingest
    store = _store(db)
    rep = do_ingest(store, paths, progress=sys.stderr.isatty())
    for f in rep.failures:
        typer.echo(f"warta: {f}", err=True)
    typer.echo(f"warta: {rep.stored} stored, {rep.revisions} new revisions, {rep.unchanged} unchanged, "
               f"{rep.failed} failed -> {store.url}", err=True)
    raise typer.Exit(1 if rep.failed else 0)


from warta.commands.entity import entity_app  # noqa: E402  `warta entity NAME` is `warta entity show NAME`


@entity_app.command("show")
def entity(name: str, db: str | None = DB, format: Fmt = typer.Option(Fmt.table, "--format", "-f"),
           include_rejected: bool = typer.Option(False, "--include-rejected", help="also the facts analysts rejected")) -> None:
    """An entity's profile: aliases, kind, country, parent, facts by type, partners, timeline."""
    from warta.store.queries import profile
    p = _run(db, profile, name, include_rejected=include_rejected)

    def table(p):
        rows = [[t, len(fs), "; ".join(_fact_label(f) for f in fs[:5])] for t, fs in p["facts"].items()]
        return _table(f"{p['name']} [{p['type']}] {p.get('kind') or ''} {p.get('country') or ''} parent: {p.get('parent') or '-'}\n"
                      f"aliases: {', '.join(p['aliases'])}", ["type", "facts", "examples"], rows)
    _emit(p, format, table)


def _fact_label(f: dict) -> str:
    a = f["args"]
    mark = {"confirmed": " ✓confirmed", "rejected": " ✗rejected"}.get(f.get("review") or "", "")
    for k in ("parties", "investor", "product", "kind", "person", "speaker"):
        if a.get(k):
            v = a[k]
            return (" + ".join(v) if isinstance(v, list) else str(v)) + (f" ({f['status']})" if f.get("status") else "") + mark
    return f["id"] + mark


@app.command()
def partners(name: str, db: str | None = DB, format: Fmt = typer.Option(Fmt.table, "--format", "-f")) -> None:
    """Partners of an organisation, with status, certainty, dates, sources and evidence."""
    from warta.store.queries import partners as q
    data = _run(db, q, name)
    _emit(data, format, lambda d: _table(f"partners of {d['entity']['name']}",
                                         ["partner", "status", "certainty", "first seen", "last seen", "sources", "evidence"],
                                         [[p["partner"], p["status"], p["certainty"], p["first_seen"], p["last_seen"],
                                           ", ".join(p["sources"]), p["evidence"][0] if p["evidence"] else ""] for p in d["partners"]]))


@app.command("facts")
def facts_cmd(type: str | None = typer.Option(None, "--type"), entity: str | None = typer.Option(None, "--entity"),
              status: str | None = typer.Option(None, "--status"), certainty: str | None = typer.Option(None, "--certainty"),
              since: str | None = typer.Option(None, "--since"), until: str | None = typer.Option(None, "--until"),
              limit: int = typer.Option(100, "--limit"), db: str | None = DB,
              format: Fmt = typer.Option(Fmt.table, "--format", "-f"),
              include_rejected: bool = typer.Option(False, "--include-rejected", help="also the facts analysts rejected")) -> None:
    """Facts, filtered by type, entity, status, certainty and dates."""
    from warta.store.queries import facts
    data = _run(db, facts, type=type, entity=entity, status=status, certainty=certainty, since=since, until=until, limit=limit,
                include_rejected=include_rejected)
    _emit(data, format, lambda d: _table("facts", ["id", "type", "fact", "status", "certainty", "last seen", "sources", "review"],
                                         [[f["id"], f["type"], _fact_label(f), f["status"], f["certainty"], f["last_seen"], f["sources"],
                                           f.get("review")] for f in d]))


@app.command("evidence")
def evidence_cmd(fact_id: str, db: str | None = DB, format: Fmt = typer.Option(Fmt.table, "--format", "-f")) -> None:
    """Every sentence behind a fact, with its document."""
    from warta.store.queries import evidence
    data = _run(db, evidence, fact_id)
    _emit(data, format, lambda d: _table(f"{d['type']} {d['id']}: {d['status'] or ''} {d['certainty'] or ''}",
                                         ["date", "document", "status", "sentence"],
                                         [[e["date"], e["document"]["doc_id"], e["status"], e["sentence"]] for e in d["evidence"]]))


@app.command("search")
def search_cmd(text: str, limit: int = typer.Option(20, "--limit"), db: str | None = DB,
               format: Fmt = typer.Option(Fmt.table, "--format", "-f")) -> None:
    """Full-text search over the stored documents."""
    from warta.store.queries import search
    data = _run(db, search, text, limit=limit)
    _emit(data, format, lambda d: _table(f"search: {text}", ["document", "date", "title", "snippet"],
                                         [[r["doc_id"], r["date"], r["title"], r["snippet"]] for r in d]))


@app.command("failures")
def failures_cmd(db: str | None = DB, format: Fmt = typer.Option(Fmt.table, "--format", "-f")) -> None:
    """Documents that failed, with the stage and the reason."""
    from warta.store.queries import failures
    data = _run(db, failures)
    _emit(data, format, lambda d: _table("failures", ["source", "stage", "reason", "at"],
                                         [[f["source"], f["stage"], f["reason"], f["at"]] for f in d]))


@app.command("export")
def export_cmd(format: str = typer.Option(..., "--format", "-f", help="jsonl | csv | graphml | parquet"),
               output: Path = typer.Option(..., "--output", "-o", help="file (a folder for parquet)"), db: str | None = DB,
               include_rejected: bool = typer.Option(False, "--include-rejected", help="also the facts analysts rejected")) -> None:
    """Export the store: JSON Lines (FORMAT), CSV of facts, GraphML, or Parquet tables."""
    from warta.store.export import export
    try:
        path = _run(db, export, format, output, include_rejected=include_rejected)
    except ValueError as exc:
        typer.echo(f"warta: {exc}", err=True)
        raise typer.Exit(2) from exc
    typer.echo(f"warta: wrote {path}", err=True)
