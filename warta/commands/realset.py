"""realset check, summary, agree: the real-article yardstick's cache and its two annotation passes."""
from __future__ import annotations

import json
from pathlib import Path

import typer

from warta.commands.app import app

rs_app = typer.Typer(help="The real-article set (tests/realset): cache, splits, agreement.", no_args_is_help=True)
app.add_typer(rs_app, name="realset")


@rs_app.command("check")
def check() -> None:
    """Report which cached texts are missing or changed, with the query that brings each back."""
    from warta.realset.cache import cache_dir
    from warta.realset.load import load_set
    rs = load_set(None)
    typer.echo(f"{len(rs.gold)} documents ready in {cache_dir()}; {len(rs.problems)} missing or changed")
    for p in rs.problems:
        typer.echo(str(p))
    raise typer.Exit(1 if rs.problems else 0)


@rs_app.command("summary")
def summary() -> None:
    """Counts by split, language, outlet, sector and page shape (from the gold files alone)."""
    from warta.realset.load import summary as s
    typer.echo(json.dumps(s(), indent=1, ensure_ascii=False))


@rs_app.command("agree")
def agree(second: Path = typer.Argument(..., help="folder of pass-2 blind drafts (drafts2/)"),
          pass1_rev: list[str] = typer.Option(None, "--pass1-rev",
                                              help="git revision holding the gold files as pass 1 left them, before "
                                                   "review; repeat it, earliest first: a file is taken from the first "
                                                   "revision that has it"),
          format: str = typer.Option("table", "--format", "-f")) -> None:
    """Fact and entity F1 of the blind second pass against the first, on the documents both annotated."""
    import tempfile

    from warta import evaluate as ev
    from warta.realset.compile import DraftError, compile_draft
    from warta.realset.load import GOLD_DIR, load_set, materialise
    gdir = None
    if pass1_rev:
        gdir = Path(tempfile.mkdtemp()) / "gold"
        gdir.mkdir(parents=True)
        for rev in pass1_rev:
            _gold_at(rev, gdir)
    rs = load_set(None, gdir) if gdir else load_set(None)
    typer.echo(f"pass 1 from {', '.join(pass1_rev) if pass1_rev else GOLD_DIR}", err=True)
    pred, gold = {}, {}
    for path in sorted(second.glob("*.json")):
        try:
            g2 = compile_draft(json.loads(path.read_text(encoding="utf-8")), str(path))
        except DraftError as e:
            typer.echo(f"warta: {e}", err=True)
            continue
        if g2["doc_id"] in rs.gold:
            pred[g2["doc_id"]] = materialise(g2, rs.raw[g2["doc_id"]])
            gold[g2["doc_id"]] = rs.gold[g2["doc_id"]]
    res = ev.score(pred, gold)
    res["documents"] = len(gold)
    typer.echo(f"{len(gold)} documents annotated by both passes", err=True)
    if format == "json":
        typer.echo(json.dumps(res, indent=1, ensure_ascii=False))
    else:
        ev.print_table(res)


@rs_app.command("queries")
def queries(missing_only: bool = typer.Option(True, "--missing/--all", help="only queries of texts not cached")) -> None:
    """Each recorded search query once, with the urls it brings back: the one pass that rebuilds the cache."""
    from warta.realset.load import gold_files, load_set, read_gold
    todo = {p.doc_id for p in load_set(None).problems} if missing_only else None
    by_query: dict[str, list[str]] = {}
    for path in gold_files():
        g = read_gold(path)
        if todo is None or g["doc_id"] in todo:
            by_query.setdefault(g["query"], []).append(g["url"])
    for q, urls in sorted(by_query.items()):
        typer.echo(json.dumps({"query": q, "urls": urls}, ensure_ascii=False))


def _gold_at(rev: str, out: Path) -> None:
    """The gold files as they were at git revision `rev`, written to `out`."""
    import subprocess

    from warta.realset.cache import GOLD_DIR
    root = GOLD_DIR.parents[2]
    rel = GOLD_DIR.relative_to(root).as_posix()
    try:
        names = subprocess.run(["git", "ls-tree", "--name-only", f"{rev}:{rel}"], cwd=root, capture_output=True,
                               text=True, check=True).stdout.split()
    except subprocess.CalledProcessError as e:
        raise typer.BadParameter(f"no gold folder at {rev}: {e.stderr.strip()}") from None
    for n in names:
        if (out / n).exists():
            continue
        data = subprocess.run(["git", "show", f"{rev}:{rel}/{n}"], cwd=root, capture_output=True, check=True).stdout
        (out / n).write_bytes(data)
