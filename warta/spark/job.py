"""`warta spark extract`: WARC archives -> Parquet of documents, entities, facts and
failures, partitioned by date.

Each archive is read inside an executor with warcio (`binaryFiles` takes local
paths and any Hadoop filesystem URL), pages are filtered by topic and language
early, and the one Warta pipeline runs per partition with its models loaded once
per Python worker.  A broken record or page becomes a failure row; the job goes on.
"""
from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from pathlib import Path

SCHEMAS = {
    "documents": "page_id string, doc_id string, date string, url string, source string, language string, title string, body string, removed string, doc_json string",
    "entities": "doc_id string, date string, id string, type string, name string, mentions int",
    "facts": "doc_id string, date string, type string, status string, certainty string, args string",
    "failures": "source string, stage string, reason string",
}
KIND_TABLE = {"document": "documents", "entity": "entities", "fact": "facts", "failure": "failures"}


def _archive_pages(path: str, data: bytes) -> Iterator:
    from warta.read.warc import read_warc_stream
    from warta.settings import Settings
    yield from read_warc_stream(io.BytesIO(data), path, Settings.from_env().max_page_bytes)


def process_partition(files: Iterable[tuple[str, bytes]], filter_scope: bool = True) -> Iterator[tuple[str, dict]]:
    from warta.spark.rows import pages_rows
    for path, data in files:
        try:
            yield from pages_rows(_archive_pages(path, data), filter_scope)
        except Exception as exc:  # an archive the reader could not even open costs that archive only
            yield ("failure", {"source": path, "stage": "read", "reason": f"{type(exc).__name__}: {exc}"})


def session(master: str | None = None, cores: int | None = None):
    import os
    import sys

    from pyspark.sql import SparkSession
    # executors import warta from this environment unless spark-submit's settings say otherwise
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    b = SparkSession.builder.appName("warta")
    if master or cores:
        b = b.master(master or f"local[{cores}]")
    if (master or "").startswith("local") or cores:  # local mode talks to itself over loopback only
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        b = b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
    return (b.config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
            .config("spark.python.worker.reuse", "true").getOrCreate())


def expand(inputs: list[str]) -> list[str]:
    """Local folders become their archives; URLs pass through to Spark."""
    out = []
    for i in inputs:
        p = Path(i)
        if "://" not in i and p.is_dir():
            out += sorted(str(f) for f in p.rglob("*") if ".warc" in f.name)
        else:
            out.append(i)
    return out


def extract(spark, inputs: list[str], output: str | Path, partitions: int | None = None, filter_scope: bool = True) -> dict[str, int]:
    files = expand(inputs)
    if not files:
        raise ValueError("no WARC archives among the inputs")
    sc = spark.sparkContext
    rdd = sc.binaryFiles(",".join(files), minPartitions=partitions or sc.defaultParallelism)
    if partitions:
        rdd = rdd.repartition(partitions)
    rows = rdd.mapPartitions(lambda it: process_partition(it, filter_scope)).cache()
    counts = {}
    for kind, table in KIND_TABLE.items():
        part = rows.filter(lambda r, k=kind: r[0] == k).map(lambda r: r[1])
        df = spark.createDataFrame(part.map(lambda d, t=table: tuple(d.get(c.split()[0]) for c in SCHEMAS[t].split(", "))),
                                   schema=SCHEMAS[table])
        w = df.write.mode("overwrite")
        if table != "failures":
            w = w.partitionBy("date")
        w.parquet(str(Path(output) / table))
        counts[table] = df.count()
    rows.unpersist()
    return counts
