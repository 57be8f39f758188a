"""`warta spark extract`: WARC archives -> Parquet of documents, entities, facts and
failures, partitioned by date.

The inputs are archives, folders, globs, Common Crawl `warc.paths` listings or URLs
(`warta.read.ccnews`).  Each archive is read inside an executor with warcio (local and
http(s) archives streamed by the executor itself; other Hadoop filesystem URLs through
`binaryFiles`), and its pages are then spread evenly over the partitions, so that a core
is never left idle behind one big archive.  Pages are filtered by topic and language
early, and `warta ingest`'s pipeline runs per partition (`warta.spark.rows`) with its
models loaded once per Python worker.  Every page keeps its place in the input (archive,
record), so that `warta load` writes in `warta ingest`'s order.  A broken record or page
becomes a failure row; the job goes on.
"""
from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from pathlib import Path

SCHEMAS = {
    "documents": "page_id string, doc_id string, date string, url string, source string, language string, title string, "
                 "body string, removed string, doc_json string, signature binary, archive int, record int",
    "entities": "doc_id string, date string, id string, type string, name string, mentions int",
    "facts": "doc_id string, date string, type string, status string, certainty string, args string",
    "failures": "source string, stage string, reason string",
}
KIND_TABLE = {"document": "documents", "entity": "entities", "fact": "facts", "failure": "failures"}
STREAMED = ("", "file", "http", "https")     # schemes an executor opens itself, streaming
PARTITIONS_PER_CORE = 3                      # small enough to keep model warm-up rare, enough to even out


def _columns() -> list[tuple[str, str]]:
    """Every table's columns once, as (name, type): the one row type of the job."""
    cols: dict[str, str] = {}
    for schema in SCHEMAS.values():
        for col in schema.split(", "):
            name, typ = col.split()
            cols.setdefault(name, typ)
    return list(cols.items())


COLUMNS = _columns()
ROW_SCHEMA = "kind string, " + ", ".join(f"{n} {t}" for n, t in COLUMNS)


def _scheme(path: str) -> str:
    return path.split("://", 1)[0].lower() if "://" in path else ("file" if path.startswith("file:") else "")


def local_name(path: str) -> str:
    """`file:` URLs as plain paths, so a page's source reads as `warta ingest` names it."""
    if path.startswith("file:"):
        from urllib.parse import unquote, urlparse
        return unquote(urlparse(path).path)
    return path


def _open(path: str):
    if _scheme(path) in ("http", "https"):
        from urllib.request import urlopen
        return urlopen(path, timeout=120)  # noqa: S310 - the user's own input URL
    return open(local_name(path), "rb")


def _pages(index: int, source: str, stream) -> Iterator[tuple[int, int, object]]:
    from warta.model import ReadFailure
    from warta.read.warc import read_warc_stream
    from warta.settings import Settings
    n = 0
    try:
        for n, page in enumerate(read_warc_stream(stream, source, Settings.from_env().max_page_bytes)):
            yield index, n, page
    except Exception as exc:  # an archive the reader could not even open costs that archive only
        yield index, n + 1, ReadFailure(source, f"{type(exc).__name__}: {exc}")


def read_path(index: int, path: str) -> Iterator[tuple[int, int, object]]:
    """(archive, record, page or failure) for every page of one archive, read by the executor."""
    from warta.model import ReadFailure
    try:
        stream = _open(path)
    except OSError as exc:
        yield index, 0, ReadFailure(local_name(path), f"cannot open: {exc}")
        return
    with stream:
        yield from _pages(index, local_name(path), stream)


def read_bytes(order: dict[str, int], path: str, data: bytes) -> Iterator[tuple[int, int, object]]:
    """The same for an archive Spark read (`binaryFiles`)."""
    yield from _pages(order.get(path, len(order)), local_name(path), io.BytesIO(data))


def partition_rows(items: Iterable[tuple[int, int, object]], filter_scope: bool = True) -> Iterator[tuple]:
    """One partition's pages -> job rows (kind first, then `COLUMNS`), each document row
    with its place in the input."""
    from warta.pipeline import batches
    from warta.spark.rows import batch_rows
    names = [n for n, _ in COLUMNS]
    for chunk in batches(items):
        for (archive, record, _), rows in zip(chunk, batch_rows([p for _, _, p in chunk], filter_scope)):
            for kind, row in rows:
                if kind == "document":
                    row = {**row, "archive": archive, "record": record}
                yield (kind, *(row.get(n) for n in names))


def session(master: str | None = None, cores: int | None = None, conf: dict[str, str] | None = None):
    """A Spark session for the job; `conf` is set last (over this function's own choices)."""
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
    # a task is one core's work: numerical libraries must not start a thread per core in
    # every task (two tasks on two cores would then fight over them)
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        b = b.config(f"spark.executorEnv.{var}", "1")
    b = (b.config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
         .config("spark.python.worker.reuse", "true"))
    for k, v in (conf or {}).items():
        b = b.config(k, v)
    return b.getOrCreate()


def expand(inputs: list[str], base: str | None = None) -> list[str]:
    """Every archive the inputs name (`warta.read.ccnews.archive_paths`)."""
    from warta.read.ccnews import CC_BASE, archive_paths
    return archive_paths(inputs, base or CC_BASE)


def pages_rdd(sc, files: list[str]):
    """(archive, record, page) for every page of `files`, archive being its place in `files`."""
    streamed = [(i, f) for i, f in enumerate(files) if _scheme(f) in STREAMED]
    others = [f for f in files if _scheme(f) not in STREAMED]
    parts = []
    if streamed:
        parts.append(sc.parallelize(streamed, len(streamed)).flatMap(lambda t: read_path(*t)))
    if others:
        order = {f: i for i, f in enumerate(files)}
        parts.append(sc.binaryFiles(",".join(others), minPartitions=len(others))
                     .flatMap(lambda kv: read_bytes(order, kv[0], kv[1])))
    return parts[0] if len(parts) == 1 else sc.union(parts)


def extract(spark, inputs: list[str], output: str | Path, partitions: int | None = None, filter_scope: bool = True,
            base: str | None = None) -> dict[str, int]:
    from pyspark import StorageLevel
    files = expand(inputs, base)
    if not files:
        raise ValueError("no WARC archives among the inputs")
    sc = spark.sparkContext
    n = partitions or sc.defaultParallelism * PARTITIONS_PER_CORE
    # pages, not archives, are spread over the partitions: round-robin, so each gets its share
    rows = pages_rdd(sc, files).repartition(n).mapPartitions(lambda it: partition_rows(it, filter_scope))
    df = spark.createDataFrame(rows, schema=ROW_SCHEMA).persist(StorageLevel.MEMORY_AND_DISK)
    try:
        for kind, table in KIND_TABLE.items():
            cols = [c.split()[0] for c in SCHEMAS[table].split(", ")]
            w = df.where(df.kind == kind).select(*cols).write.mode("overwrite")
            if table != "failures":
                w = w.partitionBy("date")
            w.parquet(str(Path(output) / table))
        got = {r["kind"]: r["count"] for r in df.groupBy("kind").count().collect()}
    finally:
        df.unpersist()
    return {table: got.get(kind, 0) for kind, table in KIND_TABLE.items()}
