"""watch add / remove / list / news: the entities an analyst follows and what is new
about them (the explorer's /watch page and the /feeds/watch/LIST.atom feed show the same)."""
from __future__ import annotations

import typer

from warta.commands.app import app
from warta.commands.store import DB, Fmt, _emit, _run, _table

watch_app = typer.Typer(no_args_is_help=True, help="Watch lists: follow entities, see their new facts and status changes.")
app.add_typer(watch_app, name="watch")
LIST = typer.Option("default", "--list", "-l", help="the watch list's name")


@watch_app.command("add")
def add(entities: list[str] = typer.Argument(..., help="entity names, as `warta entity` finds them"), list_name: str = LIST,
        db: str | None = DB) -> None:
    """Follow one or more entities."""
    from warta.store import watch as W
    for name in entities:
        r = _run(db, W.add, name, list_name)
        typer.echo(f"warta: {'watching' if r['added'] else 'already watching'} {r['name']} in {r['list']}", err=True)


@watch_app.command("remove")
def remove(entity: str, list_name: str = LIST, db: str | None = DB) -> None:
    """Stop following an entity."""
    from warta.store import watch as W
    r = _run(db, W.remove, entity, list_name)
    typer.echo(f"warta: {'removed' if r['removed'] else 'was not watching'} {r['name']} from {r['list']}", err=True)


@watch_app.command("list")
def list_cmd(list_name: str | None = typer.Option(None, "--list", "-l", help="one list (default: all)"), db: str | None = DB,
             format: Fmt = typer.Option(Fmt.table, "--format", "-f")) -> None:
    """The watched entities, by list."""
    from warta.store import watch as W
    rows = _run(db, W.lists, list_name)
    _emit(rows, format, lambda d: _table("watch lists", ["list", "entity", "type", "since"],
                                         [[w["list"], w["name"], w["type"], w["added_at"][:10]] for w in d]))
    if not rows:
        typer.echo("warta: nothing watched yet; `warta watch add NAME`", err=True)


@watch_app.command("news")
def news(list_name: str = LIST, since: str | None = typer.Option(None, "--since", help="YYYY-MM-DD (article date; default: "
                                                                                        "the 30 days up to the latest article)"),
         limit: int = typer.Option(100, "--limit", min=1, max=1000), lang: str = typer.Option("en", "--lang"),
         db: str | None = DB, format: Fmt = typer.Option(Fmt.table, "--format", "-f")) -> None:
    """New facts and changes of status of the watched entities, newest first, with the article behind each."""
    from warta.store import watch as W
    d = _run(db, W.news, list_name, since=since, limit=limit, lang=lang)

    def table(d):
        return _table(f"news of {d['list']} ({d['watching']} watched) since {d['since']}",
                      ["date", "type", "change", "fact", "with", "source"],
                      [[e["date"], e["type"], f"{e['previous']} -> {e['status']}" if e["previous"] else f"new {e['status'] or ''}".strip(),
                        e["label"], ", ".join(x["name"] for x in e["entities"]), e["site"] or e["doc_id"]] for e in d["items"]])
    _emit(d, format, table)
    typer.echo(f"warta: {len(d['items'])} news items for {d['watching']} watched entities since {d['since']}", err=True)
