"""kb show, kb add, kb compile, kb candidates: inspect and grow the knowledge base."""
from __future__ import annotations

import json
from pathlib import Path

import typer

from warta.commands.app import app

kb_app = typer.Typer(help="Inspect and extend the knowledge base.", no_args_is_help=True)
app.add_typer(kb_app, name="kb")


@kb_app.command("show")
def show(name: str, format: str = typer.Option("table", "--format", "-f", help="table or json")) -> None:
    """Resolve NAME (alias, legal form, typo) and print its entry."""
    from warta.kb.base import load_kb
    kb = load_kb()
    hits = kb.lookup(name) or kb.typo_lookup(name)
    if not hits:
        typer.echo(f"warta: {name!r} is not in the knowledge base", err=True)
        raise typer.Exit(1)
    for e in hits:
        units = sorted(x["name"] for x in kb.entities.values() if x.get("parent") == e["name"])
        entry = {**e, "units": units}
        if format == "json":
            typer.echo(json.dumps(entry, indent=1, ensure_ascii=False))
            continue
        typer.echo(f"{e['name']}  [{e['type']}{'/' + e['kind'] if e.get('kind') else ''}]  id {e['id']}")
        for k in ("country", "parent", "wikidata"):
            if e.get(k):
                typer.echo(f"  {k}: {e[k]}")
        for k in ("aliases", "epithets", "roles"):
            if e.get(k):
                items = [r if isinstance(r, str) else " ".join(filter(None, (r["role"], r.get("org")))) for r in e[k]]
                typer.echo(f"  {k}: {', '.join(items)}")
        if units:
            typer.echo(f"  units: {', '.join(units)}")


@kb_app.command("add")
def add(name: str, kind: str = typer.Option("company", "--kind", help="company, unit, brand, agency, media, government, association"),
        country: str | None = typer.Option(None, "--country", help="ISO 3166 code"),
        parent: str | None = typer.Option(None, "--parent"), alias: list[str] = typer.Option([], "--alias"),
        file: Path | None = typer.Option(None, "--file", help="YAML file to add to (default: the first path of "
                                         "WARTA_KB_EXTRA, else ~/.config/warta/kb.yaml); never inside the package")) -> None:
    """Add an organisation to the user's knowledge file (read at load time), after checking it."""
    from warta.kb.base import KBError
    from warta.kb.user import add_entry
    try:
        path = add_entry("orgs", {"name": name, "kind": kind, "country": country, "parent": parent, "aliases": alias}, file)
    except KBError as exc:
        typer.echo(f"warta: {exc}", err=True)
        raise typer.Exit(2) from exc
    typer.echo(f"warta: added {name} to {path}")


@kb_app.command("compile")
def compile_() -> None:
    """Validate warta/data/kb/*.yaml and rewrite the compiled file."""
    from warta.kb.base import KBError, write_compiled
    try:
        typer.echo(f"warta: wrote {write_compiled()}")
    except KBError as exc:
        typer.echo(f"warta: {exc}", err=True)
        raise typer.Exit(2) from exc


@kb_app.command("candidates")
def candidates(paths: list[str] = typer.Argument(None, help="pages to read; without them, --db is read"),
               db: str | None = typer.Option(None, "--db", help="read the store's unknown entities"),
               types: str = typer.Option("ORG", "--types", help="comma-separated entity types")) -> None:
    """Names the knowledge base does not know, by how often they were seen: candidates to add."""
    from collections import Counter
    wanted = set(types.split(","))
    counts: Counter = Counter()
    if paths:
        from warta.run import iter_results
        for r in iter_results(paths):
            if hasattr(r, "doc"):
                for e in r.doc.entities:
                    if not e.kb and e.type in wanted:
                        counts[(e.type, e.name)] += len(e.mentions)
    else:
        from sqlalchemy import func, select

        from warta.settings import Settings
        from warta.store import models as M
        from warta.store.db import open_store
        with open_store(Settings.from_env(db_url=db).db_url).session() as s:
            rows = s.execute(select(M.Entity.type, M.Entity.name, func.sum(M.EntityDocument.mentions))
                             .join(M.EntityDocument, M.EntityDocument.entity_id == M.Entity.id)
                             .where(M.Entity.kb.is_(False), M.Entity.type.in_(wanted)).group_by(M.Entity.type, M.Entity.name)).all()
            counts.update({(t, n): c for t, n, c in rows})
    for (t, n), c in counts.most_common():
        typer.echo(f"{c:5d}  {t:7} {n}")
