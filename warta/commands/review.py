"""`warta review`: the review queue (most costly first) and judgements on facts:
confirm, reject, edit, add; judgements exported and imported as JSON Lines; and
`warta reextract`, which ingests afresh and replays every judgement."""
from __future__ import annotations

import json
from pathlib import Path

import typer

from warta.commands.app import app
from warta.commands.entity import DB, REASON, WHO, judge_cli

review_app = typer.Typer(help="The review queue and analysts' judgements on facts.", invoke_without_command=True)
app.add_typer(review_app, name="review")


def _queue(db: str | None, limit: int, kind: str | None, format: str) -> None:
    from warta.commands.store import Fmt, _emit, _run, _table
    from warta.store.review_queue import queue
    if kind not in (None, "fact", "entity"):
        typer.echo(f"warta: --kind is fact or entity, not {kind!r}", err=True)
        raise typer.Exit(2)
    data = _run(db, queue, limit=limit, kind=kind)
    _emit(data, Fmt(format), lambda d: _table("review queue (most costly first)",
                                              ["cost", "kind", "id", "what", "model score", "why"],
                                              [[i["cost"], i["kind"], i["id"], i["label"],
                                                "" if i.get("score") is None else f"{i['score']:.2f}", ", ".join(i["reasons"])]
                                               for i in d]))


@review_app.callback()
def review(ctx: typer.Context, db: str | None = DB, limit: int = typer.Option(30, "--limit"),
           kind: str | None = typer.Option(None, "--kind", help="fact or entity"),
           format: str = typer.Option("table", "--format", "-f", help="table or json")) -> None:
    """Without a subcommand: the review queue, most costly first."""
    if ctx.invoked_subcommand is None:
        _queue(db, limit, kind, format)


@review_app.command("queue")
def queue_cmd(db: str | None = DB, limit: int = typer.Option(30, "--limit"),
              kind: str | None = typer.Option(None, "--kind", help="fact or entity"),
              format: str = typer.Option("table", "--format", "-f", help="table or json")) -> None:
    """The review queue: unreviewed facts and new entities, most costly first."""
    _queue(db, limit, kind, format)


@review_app.command("confirm")
def confirm(fact_id: str, db: str | None = DB, who: str | None = WHO, reason: str | None = REASON) -> None:
    """Confirm a fact: it is marked confirmed everywhere."""
    judge_cli(db, "fact.confirm", fact_id, {}, reason, who)


@review_app.command("reject")
def reject(fact_id: str, reason: str = typer.Option(..., "--reason", help="why the fact is wrong"), db: str | None = DB,
           who: str | None = WHO) -> None:
    """Reject a fact: hidden everywhere unless asked for (--include-rejected, ?rejected=1)."""
    judge_cli(db, "fact.reject", fact_id, {}, reason, who)


def _pairs(items: list[str], what: str) -> dict:
    out = {}
    for it in items:
        k, eq, v = it.partition("=")
        if not eq or not k.strip():
            typer.echo(f"warta: {what} {it!r} is not key=value", err=True)
            raise typer.Exit(2)
        out[k.strip()] = v
    return out


@review_app.command("edit")
def edit(fact_id: str, set_: list[str] = typer.Option(..., "--set", help="key=value: parties=A,B  amount='2000000 USD'  "
                                                       "status=agreed  certainty=hedged  location=Karawang"),
         db: str | None = DB, who: str | None = WHO, reason: str | None = REASON) -> None:
    """Edit a fact's arguments, status or certainty."""
    judge_cli(db, "fact.edit", fact_id, {"set": _pairs(set_, "--set")}, reason, who)


@review_app.command("add")
def add(type: str = typer.Option(..., "--type", help="PARTNERSHIP, INVESTMENT, ..."),
        arg: list[str] = typer.Option(..., "--arg", help="key=value, as for edit: parties=A,B"),
        doc: str = typer.Option(..., "--doc", help="the document's doc_id"),
        evidence: str | None = typer.Option(None, "--evidence", help="the evidence text, found in the document"),
        start: int | None = typer.Option(None, "--start", help="or the span's offsets into the body"),
        end: int | None = typer.Option(None, "--end"),
        status: str | None = typer.Option(None, "--status"), certainty: str = typer.Option("asserted", "--certainty"),
        db: str | None = DB, who: str | None = WHO, reason: str | None = REASON) -> None:
    """Add a fact extraction missed, with its evidence span in a stored document."""
    if evidence is not None:
        start, end = _find_span(db, doc, evidence)
    payload = {"type": type, "args": _pairs(arg, "--arg"), "doc_id": doc, "start": start, "end": end,
               "status": status, "certainty": certainty}
    judge_cli(db, "fact.add", "new", payload, reason, who)


def _find_span(db: str | None, doc_id: str, text: str) -> tuple[int, int]:
    from sqlalchemy import select

    from warta.commands.store import _store
    from warta.store import models as M
    with _store(db).session() as s:
        body = s.scalar(select(M.Document.body).where(M.Document.doc_id == doc_id).order_by(M.Document.revision.desc()))
    if body is None:
        typer.echo(f"warta: no document {doc_id!r}", err=True)
        raise typer.Exit(2)
    at = body.find(text)
    if at < 0 or not text:
        typer.echo(f"warta: the text {text[:60]!r} is not in document {doc_id!r}", err=True)
        raise typer.Exit(2)
    return at, at + len(text)


@review_app.command("list")
def list_cmd(target: str | None = typer.Option(None, "--target", help="a fact or entity id"), db: str | None = DB,
             format: str = typer.Option("table", "--format", "-f")) -> None:
    """The judgements made, latest first."""
    from warta.commands.store import Fmt, _emit, _run, _table
    from warta.store.judgements import listed
    data = _run(db, listed, target=target)
    _emit(data, Fmt(format), lambda d: _table("judgements", ["at", "who", "action", "target", "payload", "reason"],
                                              [[j["at"], j["who"], j["action"], j["target"],
                                                json.dumps(j["payload"], ensure_ascii=False), j["reason"]] for j in d]))


@review_app.command("export")
def export(output: Path = typer.Option(..., "--output", "-o", help="a .jsonl file"), db: str | None = DB) -> None:
    """Every judgement as JSON Lines, to share or to rebuild a fresh store with."""
    from warta.commands.store import _store
    from warta.store.judgements import export_jsonl
    with _store(db).session() as s, open(output, "w", encoding="utf-8") as fh:
        n = export_jsonl(s, fh)
    typer.echo(f"warta: wrote {n} judgements to {output}", err=True)


@review_app.command("import")
def import_(path: Path = typer.Argument(..., help="a JSON Lines file from `warta review export`"), db: str | None = DB) -> None:
    """Add the judgements of a file (those already here are skipped) and replay them all."""
    from warta.commands.store import _store
    from warta.store.judgements import JudgementError, import_jsonl
    if not path.is_file():
        typer.echo(f"warta: no file {path}", err=True)
        raise typer.Exit(2)
    with _store(db, must_exist=False).session() as s:      # a fresh store may be rebuilt from a team's judgements
        try:
            added, had = import_jsonl(s, path.read_text(encoding="utf-8").splitlines(), str(path))
        except JudgementError as exc:
            typer.echo(f"warta: {exc} (nothing imported)", err=True)
            raise typer.Exit(2) from exc
        s.commit()
    typer.echo(f"warta: {added} judgements added, {had} already present, all replayed", err=True)


@review_app.command("replay")
def replay(db: str | None = DB) -> None:
    """Apply every judgement again, in order."""
    from warta.commands.store import _store
    from warta.store.judgements import replay_all
    with _store(db).session() as s:
        n = replay_all(s)
        s.commit()
    typer.echo(f"warta: replayed {n} judgements", err=True)


@app.command("reextract")
def reextract(paths: list[str] = typer.Argument(..., help="the pages to extract again"), db: str | None = DB,
              yes: bool = typer.Option(False, "--yes", help="do not ask")) -> None:
    """Drop everything extracted (documents, entities, facts) and ingest PATHS afresh; the
    analysts' judgements are kept and replayed on the new extraction."""
    import sys

    from warta.commands.store import _store
    from warta.store.rebuild import reextract as do
    store = _store(db)
    if not yes and not typer.confirm(f"drop every extracted row of {store.url} and ingest {' '.join(paths)} again?"):
        raise typer.Exit(1)
    rep = do(store, paths, progress=sys.stderr.isatty())
    for f in rep.failures:
        typer.echo(f"warta: {f}", err=True)
    typer.echo(f"warta: re-extracted {rep.stored} documents, {rep.failed} failed -> {store.url}", err=True)
    raise typer.Exit(1 if rep.failed else 0)
