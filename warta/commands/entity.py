"""`warta entity`: an entity's profile (`warta entity NAME`, the same as `warta entity
show NAME`) and an analyst's corrections: rename, type, merge, split, parent,
not-entity, confirm.  Each correction is a judgement (warta.store.judgements),
kept in the store and replayed after every ingest."""
from __future__ import annotations

import typer
from typer.core import TyperGroup

from warta.commands.app import app


class ProfileByDefault(TyperGroup):
    """`warta entity NAME` stays the profile: an argument that names no subcommand is
    read as `show NAME` (an entity called like a subcommand: `warta entity show merge`)."""

    def parse_args(self, ctx, args):
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h"):
            args = ["show", *args]       # also `warta entity --db URL NAME`, as before
        return super().parse_args(ctx, args)


entity_app = typer.Typer(cls=ProfileByDefault, no_args_is_help=True,
                         help="An entity's profile (warta entity NAME) and corrections to it.")
app.add_typer(entity_app, name="entity")

DB = typer.Option(None, "--db", help="database URL (default: WARTA_DB or sqlite:///warta.db)")
WHO = typer.Option(None, "--who", help="who decides (default: WARTA_USER or the login name)")
REASON = typer.Option(None, "--reason", help="why, kept with the judgement")


def judge_cli(db: str | None, action: str, target: str, payload: dict | None = None, reason: str | None = None,
              who: str | None = None) -> dict:
    """Make one judgement from the command line; a refused one exits 2 with the reason."""
    from warta.commands.store import _store
    from warta.store.judgements import JudgementError, judge
    with _store(db).session() as s:
        try:
            j = judge(s, action, target, payload, reason=reason, who=who)
        except JudgementError as exc:
            typer.echo(f"warta: {exc}", err=True)
            raise typer.Exit(2) from exc
        s.commit()
    typer.echo(f"warta: {j['action']} {j['target']} {_short(j['payload'])} (by {j['who']}, {j['at']})")
    return j


def _short(payload: dict) -> str:
    import json
    return json.dumps(payload, ensure_ascii=False) if payload else ""


@entity_app.command("rename")
def rename(name: str, new_name: str, db: str | None = DB, who: str | None = WHO, reason: str | None = REASON) -> None:
    """Give an entity a new canonical name (the old one stays a surface form)."""
    judge_cli(db, "entity.rename", name, {"name": new_name}, reason, who)


@entity_app.command("type")
def retype(name: str, type: str = typer.Argument(..., help="ORG, PERSON, PLACE or PRODUCT"), db: str | None = DB,
           who: str | None = WHO, reason: str | None = REASON) -> None:
    """Change an entity's type (a person typed as a place)."""
    judge_cli(db, "entity.type", name, {"type": type}, reason, who)


@entity_app.command("merge")
def merge(name: str = typer.Argument(..., help="the entity merged away (A)"),
          into: str = typer.Argument(..., help="the entity kept (B)"), db: str | None = DB, who: str | None = WHO,
          reason: str | None = REASON) -> None:
    """Merge A into B: A's surface forms, documents and facts become B's."""
    judge_cli(db, "entity.merge", name, {"into": into}, reason, who)


@entity_app.command("split")
def split(name: str, alias: str = typer.Argument(..., help="the surface form that is another entity"),
          type: str | None = typer.Option(None, "--type", help="the new entity's type (default: the same)"),
          db: str | None = DB, who: str | None = WHO, reason: str | None = REASON) -> None:
    """Split a surface form off an entity into its own (with the facts only it names)."""
    judge_cli(db, "entity.split", name, {"alias": alias, "type": type}, reason, who)


@entity_app.command("parent")
def parent(name: str, parent_name: str = typer.Argument("", help="the parent organisation ('' for none)"),
           db: str | None = DB, who: str | None = WHO, reason: str | None = REASON) -> None:
    """Set (or clear) an entity's parent organisation."""
    judge_cli(db, "entity.parent", name, {"parent": parent_name}, reason, who)


@entity_app.command("not-entity")
def not_entity(name: str, db: str | None = DB, who: str | None = WHO, reason: str | None = REASON) -> None:
    """Mark a name as not an entity: it leaves the graph and stays out after re-ingest."""
    judge_cli(db, "entity.not_entity", name, {}, reason, who)


@entity_app.command("confirm")
def confirm(name: str, db: str | None = DB, who: str | None = WHO, reason: str | None = REASON) -> None:
    """Confirm an entity as it is (it leaves the review queue)."""
    judge_cli(db, "entity.confirm", name, {}, reason, who)


# `warta entity NAME` is `warta entity show NAME`: the profile, beside the corrections
from warta.commands.store import DB, Fmt, _emit, _fact_label, _run, _table  # noqa: E402,F401


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
