"""extract, schema, eval: the foundation's commands."""
from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from warta.commands.app import app


class OutFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    pretty = "pretty"


class TableFormat(str, Enum):
    table = "table"
    json = "json"


@app.command()
def schema() -> None:
    """Print the JSON Schema of a processed document (FORMAT.md)."""
    from warta.model import json_schema
    typer.echo(json.dumps(json_schema(), indent=2, ensure_ascii=False))


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="files, directories (recursive), WARC/JSONL archives, or - for stdin"),
    format: OutFormat = typer.Option(OutFormat.jsonl, "--format", "-f", help="jsonl: one document a line"),
    output: Path | None = typer.Option(None, "--output", "-o", help="write here instead of standard output"),
    clean_only: bool = typer.Option(False, "--clean-only", help="stop after cleaning: body and metadata, no entities or facts"),
) -> None:
    """Read pages, clean them, and extract entities and facts as FORMAT documents."""
    from warta.run import extract_documents
    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    try:
        failed = extract_documents(paths, out, fmt=format.value, clean_only=clean_only)
    finally:
        if output:
            out.close()
    raise typer.Exit(1 if failed else 0)


@app.command("eval")
def evaluate(
    pred: Optional[Path] = typer.Argument(None, help="predictions: JSON Lines of FORMAT documents (or a JSON list)"),
    gold: list[Path] = typer.Option([], "--gold", help="gold file(s) or folder(s) of *.gold.json"),
    set_: Optional[str] = typer.Option(None, "--set", help="realset:train, realset:dev or realset:test: run the "
                                       "pipeline on the cached real pages of that split and score it"),
    format: TableFormat = typer.Option(TableFormat.table, "--format", "-f"),
    details: bool = typer.Option(False, "--details", "--errors", help="list each miss (with its sentence for --set)"),
) -> None:
    """Score predictions against gold as FORMAT.md's scoring section says."""
    from warta import evaluate as ev
    if set_:
        _evaluate_set(set_, pred, format, details)
        return
    if pred is None or not gold:
        typer.echo("warta eval: give PRED and --gold, or --set realset:SPLIT", err=True)
        raise typer.Exit(2)
    res = ev.score(ev.load_pred(pred), ev.load_gold(gold))
    if format is TableFormat.json:
        typer.echo(json.dumps(res, indent=1, ensure_ascii=False))
        return
    ev.print_table(res, details=details)


def _evaluate_set(name: str, pred: Optional[Path], format: TableFormat, details: bool) -> None:
    from warta import evaluate as ev
    from warta.realset import report
    from warta.realset.load import load_set
    kind, _, split = name.partition(":")
    if kind != "realset" or split not in ("train", "dev", "test"):
        typer.echo(f"warta eval: unknown set {name!r}; use realset:train, realset:dev or realset:test", err=True)
        raise typer.Exit(2)
    rs = load_set(split)
    for p in rs.problems:
        typer.echo(f"warta eval: skipped {p}", err=True)
    if not rs.gold:
        typer.echo(f"warta eval: no cached page of {name} (run `warta realset check`)", err=True)
        raise typer.Exit(1)
    if pred is not None:
        preds = ev.load_pred(pred)
    else:
        from warta.realset.predict import predict
        preds = predict(rs.raw, {d: g.get("url") for d, g in rs.gold.items()})
    res = report.full_report(preds, rs.gold, raw=rs.raw)
    if format is TableFormat.json:
        typer.echo(json.dumps(res, indent=1, ensure_ascii=False))
        return
    if details:
        for line in report.errors(preds, rs.gold):
            typer.echo("  " + line)
    res["detail"] = []
    ev.print_table(res)
    report.print_breakdown(res)
