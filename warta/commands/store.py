"""ingest, entity, partners, facts, evidence, search, failures, export: thin
commands over warta.store."""
from __future__ import annotations

import json
from enum import Enum
from pathlib import Path

import typer

from warta.commands.app import app

DB = typer.Option(None, "--db", help="database URL (default: WARTA_DB or sqlite:///warta.db)")


class Fmt(str, Enum):
    table = "table"
    json = "json"


def _store(db: str | None, must_exist: bool = True):
    """The store; a read command on an SQLite file that is not there says so (opening it
    would create an empty database and answer "nothing found")."""
    from warta.settings import Settings
    from warta.store.db import StoreError, normalise_url, open_store
    url = Settings.from_env(db_url=db).db_url
    if must_exist:
        from sqlalchemy.engine import make_url
        u = make_url(normalise_url(url))
        if u.drivername.startswith("sqlite") and u.database and u.database != ":memory:" and not Path(u.database).exists():
            typer.echo(f"warta: no database at {u.database} (run `warta ingest PATH --db {url}` first, "
                       "or give --db / WARTA_DB)", err=True)
            raise typer.Exit(2)
    try:
        return open_store(url)
    except StoreError as exc:
        typer.echo(f"warta: {exc}", err=True)
        raise typer.Exit(2) from exc


def _run(db: str | None, fn, *args, **kw):
    from warta.store.browse import FilterError
    from warta.store.queries import NotFound
    with _store(db).session() as s:
        try:
            return fn(s, *args, **kw)
        except NotFound as exc:
            typer.echo(f"warta: {exc}", err=True)
            raise typer.Exit(1) from exc
        except FilterError as exc:
            typer.echo(f"warta: {exc}", err=True)
            raise typer.Exit(2) from exc


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
    store = _store(db, must_exist=False)
    rep = do_ingest(store, paths, progress=sys.stderr.isatty())
    for f in rep.failures:
        typer.echo(f"warta: {f}", err=True)
    typer.echo(f"warta: {rep.summary()} -> {store.url}", err=True)
    raise typer.Exit(1 if rep.failed else 0)


def _fact_label(f: dict) -> str:
    """The one label of a fact, as the explorer and the feeds show it (warta.store.labels), with an analyst's mark."""
    from warta.store.labels import fact_label
    mark = {"confirmed": " ✓confirmed", "rejected": " ✗rejected"}.get(f.get("review") or "", "")
    return fact_label(f, "en") + (f" ({f['status']})" if f.get("status") else "") + mark


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
def facts_cmd(type: str | None = typer.Option(None, "--type", help="PARTNERSHIP, INVESTMENT, ... (any case)"),
              entity: str | None = typer.Option(None, "--entity"),
              status: str | None = typer.Option(None, "--status", help="agreed, negotiating, planned, ..."),
              certainty: str | None = typer.Option(None, "--certainty", help="asserted | hedged"),
              since: str | None = typer.Option(None, "--since", help="YYYY-MM-DD, YYYY-MM or YYYY (last seen on or after)"),
              until: str | None = typer.Option(None, "--until", help="YYYY-MM-DD, YYYY-MM or YYYY (first seen on or before)"),
              language: str | None = typer.Option(None, "--language", help="id | en: stated in an article of this language"),
              outlet: str | None = typer.Option(None, "--outlet", help="stated by this outlet (site name)"),
              country: str | None = typer.Option(None, "--country", help="naming an entity of this country (ID, CN, ...)"),
              min_sources: int | None = typer.Option(None, "--min-sources", min=0, help="at least this many independent sources"),
              sort: str = typer.Option("last_seen", "--sort", help="last_seen, first_seen, sources, type, status; -KEY reverses"),
              limit: int = typer.Option(100, "--limit", min=1, max=1000), offset: int = typer.Option(0, "--offset", min=0),
              lang: str = typer.Option("en", "--lang", help="labels in id or en"), db: str | None = DB,
              format: Fmt = typer.Option(Fmt.table, "--format", "-f"),
              review: str | None = typer.Option(None, "--review", help="confirmed | unreviewed"),
              include_rejected: bool = typer.Option(False, "--include-rejected", help="also the facts analysts rejected")) -> None:
    """Facts, filtered by type, entity, status, certainty, dates, language, outlet, country and sources
    (the explorer's /facts page and the API's /api/facts, from the same function)."""
    from warta.store import browse as B
    f = B.FactFilter(type=type, status=status, certainty=certainty, language=language, outlet=outlet, country=country,
                     entity=entity, since=since, until=until, min_sources=min_sources, review=review,
                     include_rejected=include_rejected)
    page = _run(db, B.facts, f, sort=sort, limit=limit, offset=offset, facets=format is Fmt.json, lang=lang)
    _emit(page.to_dict(), format, lambda d: _table("facts", ["id", "type", "fact", "status", "certainty", "last seen", "sources",
                                                             "review"],
                                                   [[x["id"], x["type"], x["label"], x["status"], x["certainty"],
                                                     x["last_seen"], x["sources"], x.get("review")] for x in d["items"]]))
    typer.echo(f"warta: {page.notice('facts')}", err=True)


@app.command("evidence")
def evidence_cmd(fact_id: str, db: str | None = DB, format: Fmt = typer.Option(Fmt.table, "--format", "-f")) -> None:
    """Every sentence behind a fact: its independent sources, each with the copies and
    revisions that repeat it listed under it, then every statement by date."""
    from warta.store.queries import evidence
    data = _run(db, evidence, fact_id)
    _emit(data, format, _evidence_tables)


def _evidence_tables(d: dict) -> object:
    from rich.console import Group
    n, c = len(d["independent_sources"]), d["copies"]
    rows = []
    for i, g in enumerate(d["independent_sources"], 1):
        revised = g["revision"] > 1 or any(x["relation"] == "revision" for x in g["copies"])
        rows.append([i, "source", g["date"], g["site"], g["doc_id"] + (f" r{g['revision']}" if revised else ""),
                     g["title"], g["url"], g["sentence"]])
        rows += [["", f"↳ {x['relation']}", x["date"], x["site"],
                  x["doc_id"] + (f" r{x['revision']}" if x["relation"] == "revision" or x["revision"] > 1 else ""),
                  x["title"], x["url"], x["sentence"]] for x in g["copies"]]
    head = (f"{d['type']} {d['id']}: {d['status'] or ''} {d['certainty'] or ''} — {n} independent "
            f"source{'s' if n != 1 else ''}, {c} cop{'ies' if c != 1 else 'y'}")
    sources = _table(head, ["#", "", "date", "outlet", "document", "title", "url", "sentence"], rows)
    statements = _table("statements", ["date", "document", "status", "sentence"],
                        [[e["date"], e["document"]["doc_id"], e["status"], e["sentence"]] for e in d["evidence"]])
    return Group(sources, statements)


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
               output: str = typer.Option(..., "--output", "-o",
                                          help="a file for jsonl and graphml; a folder for the csv and parquet tables "
                                               "(a file NAME.csv: the facts table alone); - for standard output"),
               db: str | None = DB,
               lang: str = typer.Option("en", "--lang", help="the facts' labels in id or en"),
               include_rejected: bool = typer.Option(False, "--include-rejected", help="also the facts analysts rejected")) -> None:
    """Export the store: JSON Lines (FORMAT); CSV or Parquet tables (facts with flat columns,
    fact_entities, evidence, documents, entities); GraphML of every relation."""
    import sys
    import tempfile

    from warta.store.export import export
    if output == "-" and format == "parquet":
        typer.echo("warta: parquet is a folder of tables and cannot go to standard output; give -o FOLDER", err=True)
        raise typer.Exit(2)
    try:
        if output == "-":       # csv: the facts table
            with tempfile.TemporaryDirectory() as d:
                path = _run(db, export, format, Path(d) / f"export.{format}", include_rejected=include_rejected, lang=lang)
                with open(path, "rb") as fh:
                    sys.stdout.buffer.write(fh.read())
                sys.stdout.flush()
            return
        path = _run(db, export, format, Path(output), include_rejected=include_rejected, lang=lang)
    except ValueError as exc:
        typer.echo(f"warta: {exc}", err=True)
        raise typer.Exit(2) from exc
    except OSError as exc:     # a folder's name taken by a file, a folder not writable
        typer.echo(f"warta: cannot write {exc.filename or output}: {exc.strerror or exc}", err=True)
        raise typer.Exit(2) from exc
    typer.echo(f"warta: wrote {path}", err=True)
