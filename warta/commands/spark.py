"""spark extract and load: the pipeline on Apache Spark, and its output into the store."""
from __future__ import annotations

import json
from pathlib import Path

import typer

from warta.commands.app import app

spark_app = typer.Typer(help="Run the pipeline on Apache Spark.", no_args_is_help=True)
app.add_typer(spark_app, name="spark")


@spark_app.command("extract")
def spark_extract(inputs: list[str] = typer.Argument(..., help="WARC/WARC.gz files, folders, globs, Hadoop filesystem URLs, "
                                                                "or CC-NEWS warc.paths(.gz) listings"),
                  output: Path = typer.Option(..., "--output", "-o", help="output folder (Parquet tables)"),
                  master: str | None = typer.Option(None, "--master", help="Spark master (default: spark-submit's, else local[*])"),
                  partitions: int | None = typer.Option(None, "--partitions"),
                  no_filter: bool = typer.Option(False, "--no-filter", help="keep pages outside Warta's topics and languages"),
                  base: str | None = typer.Option(None, "--base", help="where a listing's paths not mirrored locally are read "
                                                                       "(default https://data.commoncrawl.org/)")) -> None:
    """Extract documents, entities and facts from web archives into Parquet partitioned by date."""
    try:
        from warta.spark.job import extract, session
    except ImportError as exc:
        typer.echo(f"warta: PySpark is not installed ({exc}); pip install 'warta[spark]'", err=True)
        raise typer.Exit(2) from exc
    spark = session(master)
    try:
        counts = extract(spark, inputs, output, partitions, filter_scope=not no_filter, base=base)
    except ValueError as exc:
        typer.echo(f"warta: {exc}", err=True)
        raise typer.Exit(2) from exc
    finally:
        spark.stop()
    typer.echo(json.dumps(counts))


@app.command("load")
def load_cmd(directory: Path, db: str | None = typer.Option(None, "--db", help="database URL (default WARTA_DB)")) -> None:
    """Load a `warta spark extract` output into the store, merging as `warta ingest` does."""
    from warta.settings import Settings
    from warta.spark.load import load
    from warta.store.db import open_store
    try:
        counts = load(directory, open_store(Settings.from_env(db_url=db).db_url))
    except FileNotFoundError as exc:
        typer.echo(f"warta: {exc}", err=True)
        raise typer.Exit(2) from exc
    typer.echo(json.dumps(counts))
