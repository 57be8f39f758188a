"""Common Crawl's CC-NEWS layout as job input: a month's warc.paths listing, a mirror
folder and a glob name the archives in crawl order, read locally when mirrored."""
from __future__ import annotations

import gzip

import pytest

from warta.read.ccnews import CC_BASE, archive_paths

MONTHS = {"2024/01": ["CC-NEWS-20240101093012-00000", "CC-NEWS-20240131221144-00001"],
          "2024/02": ["CC-NEWS-20240201001500-00002"]}


def mirror(root):
    """An empty-archive mirror of the layout: crawl-data/CC-NEWS/YYYY/MM/CC-NEWS-*.warc.gz."""
    for month, names in MONTHS.items():
        d = root / "crawl-data" / "CC-NEWS" / month
        d.mkdir(parents=True)
        for n in names:
            (d / f"{n}.warc.gz").write_bytes(b"")
    return root


def test_a_month_listing_names_its_archives_from_the_local_mirror_in_its_order(tmp_path):
    root = mirror(tmp_path)
    jan = root / "crawl-data" / "CC-NEWS" / "2024" / "01"
    lines = [f"crawl-data/CC-NEWS/2024/01/{n}.warc.gz" for n in reversed(MONTHS["2024/01"])]
    (jan / "warc.paths.gz").write_bytes(gzip.compress(("\n".join(lines) + "\n").encode()))
    assert archive_paths([str(jan / "warc.paths.gz")]) == [str(root / ln) for ln in lines]


def test_a_listing_line_not_mirrored_is_read_from_common_crawl(tmp_path):
    (tmp_path / "warc.paths").write_text("crawl-data/CC-NEWS/2024/03/CC-NEWS-20240301000000-00009.warc.gz\n\n")
    assert archive_paths([str(tmp_path / "warc.paths")]) == [
        CC_BASE + "crawl-data/CC-NEWS/2024/03/CC-NEWS-20240301000000-00009.warc.gz"]
    assert archive_paths([str(tmp_path / "warc.paths")], base="s3a://commoncrawl/")[0].startswith(
        "s3a://commoncrawl/crawl-data/CC-NEWS/2024/03/")


def test_a_mirror_folder_and_a_glob_give_the_archives_in_crawl_order(tmp_path):
    root = mirror(tmp_path)
    every = [str(root / "crawl-data" / "CC-NEWS" / m / f"{n}.warc.gz") for m, ns in MONTHS.items() for n in ns]
    assert archive_paths([str(root)]) == every
    assert archive_paths([str(root / "crawl-data/CC-NEWS/2024/*/CC-NEWS-*.warc.gz")]) == every
    assert archive_paths([str(root / "crawl-data/CC-NEWS/2024/02")]) == every[2:]
    assert archive_paths(["s3a://commoncrawl/crawl-data/CC-NEWS/2024/01/x.warc.gz"]) == [
        "s3a://commoncrawl/crawl-data/CC-NEWS/2024/01/x.warc.gz"]


def test_an_input_that_names_nothing_is_refused_naming_it(tmp_path):
    with pytest.raises(ValueError, match="nope.warc.gz: no such file or folder"):
        archive_paths([str(tmp_path / "nope.warc.gz")])
    with pytest.raises(ValueError, match=r"CC-NEWS-\*.warc.gz: no archive matches"):
        archive_paths([str(tmp_path / "CC-NEWS-*.warc.gz")])
    (tmp_path / "warc.paths.gz").write_bytes(b"\x1f\x8b broken")
    with pytest.raises(ValueError, match="warc.paths.gz: not a readable warc.paths listing"):
        archive_paths([str(tmp_path / "warc.paths.gz")])
