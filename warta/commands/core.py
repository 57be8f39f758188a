"""extract, schema, eval: the foundation's commands."""
from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path

import typer

from warta.cli import app


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
    pred: Path = typer.Argument(..., help="predictions: JSON Lines of FORMAT documents (or a JSON list)"),
    gold: list[Path] = typer.Option(..., "--gold", help="gold file(s) or folder(s) of *.gold.json"),
    format: TableFormat = typer.Option(TableFormat.table, "--format", "-f"),
    details: bool = typer.Option(False, "--details", help="list each miss"),
) -> None:
    """Score predictions against gold as FORMAT.md's scoring section says."""
    from warta import evaluate as ev
    res = ev.score(ev.load_pred(pred), ev.load_gold(gold))
    if format is TableFormat.json:
        typer.echo(json.dumps(res, indent=1, ensure_ascii=False))
        return
    ev.print_table(res, details=details)
