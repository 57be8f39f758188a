"""Hostile and unlucky input: every reader, the cleaner and the value parsers either give
a page or a failure naming the file, never an exception that stops the batch.  Property
tests run a fixed budget per run; examples that once broke a reader are kept below."""
from __future__ import annotations

import errno
import io
import json
import os
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.read.test_readers import HTML, PAGE, _read, _warc
from warta.model import RawPage, ReadFailure
from warta.pipeline import Pipeline
from warta.read import read_inputs
from warta.read.warc import read_warc_stream

FUZZ = int(os.environ.get("WARTA_FUZZ_EXAMPLES") or 60)     # examples per property test; raise it for a long run
BUDGET = settings(max_examples=FUZZ, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
PAGES = [(f"http://a/{i}", HTML.replace("Judul", f"Judul {i}"), "text/html") for i in range(5)]


def _archive(tmp_path: Path, name: str) -> bytes:
    return _warc(tmp_path / name, PAGES).read_bytes()


def _all_handled(out) -> None:
    assert all(isinstance(o, (RawPage, ReadFailure)) for o in out)
    for o in out:
        if isinstance(o, ReadFailure):
            assert o.reason.isprintable() and o.source, o


@pytest.mark.parametrize("delta", [+500, -30, +5])
def test_a_wrong_content_length_costs_its_record_only(tmp_path, delta, capsys):
    data = _archive(tmp_path, "a.warc")
    third = data.index(b"Content-Length: ", data.index(b"http://a/2"))
    end = data.index(b"\r\n", third)
    n = int(data[third + 16:end]) + delta
    f = tmp_path / "bad.warc"
    f.write_bytes(data[:third + 16] + str(n).encode() + data[end:])
    out = _read(f)
    assert [o.url for o in out if isinstance(o, RawPage)] == ["http://a/0", "http://a/1", "http://a/3", "http://a/4"]
    (fail,) = [o for o in out if isinstance(o, ReadFailure)]
    assert "Content-Length" in fail.reason and fail.source == f"{f}#{data.rindex(b'WARC/1', 0, third)}"
    assert "WARNING" not in capsys.readouterr().err       # warcio's own warning is not the user's message


@BUDGET
@given(hits=st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), min_size=1, max_size=6),
       gz=st.booleans())
@example(hits=[(95, 0)], gz=False)     # once an AttributeError from inside warcio that stopped the batch
@example(hits=[(96, 0)], gz=False)
@example(hits=[(317125, 0)], gz=False)  # once a record's Content-Length header erased: every later record lost
def test_a_damaged_archive_never_stops_the_batch(tmp_path_factory, hits, gz):
    tmp = tmp_path_factory.mktemp("w")
    data = bytearray(_archive(tmp, "a.warc.gz" if gz else "a.warc"))
    for pos, b in hits:
        data[pos % len(data)] = b
    out = list(read_warc_stream(io.BytesIO(bytes(data)), "x.warc", 10**6))
    _all_handled(out)
    # damage in one record spares the others: at least as many pages as records untouched
    assert sum(isinstance(o, RawPage) for o in out) >= len(PAGES) - 2 * len(hits) - 1


@BUDGET
@given(data=st.binary(min_size=1, max_size=3000), name=st.sampled_from(["p.txt", "p.html", "p.jsonl", "p.warc", "p.gz"]))
@example(data="Halo Jakarta, berita hari ini.".encode("utf-16"), name="p.txt")
def test_any_bytes_under_any_name_give_a_page_or_a_failure(tmp_path_factory, data, name):
    f = tmp_path_factory.mktemp("b") / name
    f.write_bytes(data)
    _all_handled(list(read_inputs([str(f)])))


def test_utf16_with_a_bom_is_read_and_random_bytes_are_refused(tmp_path):
    (tmp_path / "u16.txt").write_bytes(PAGE.encode("utf-16"))
    (page,) = _read(tmp_path / "u16.txt")
    assert isinstance(page, RawPage) and "mobil listrik" in page.content
    noise = bytes((i * 151 + 7) % 255 + 1 for i in range(4000))        # no NUL byte, not text
    (tmp_path / "noise.txt").write_bytes(noise)
    (fail,) = _read(tmp_path / "noise.txt")
    assert isinstance(fail, ReadFailure) and "binary" in fail.reason


def test_a_huge_jsonl_record_is_skipped_in_bounded_memory(tmp_path):
    f = tmp_path / "feed.jsonl"
    with open(f, "w", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "big", "text": "x" * 50_000_000}) + "\n")
        fh.write(json.dumps({"id": "ok", "text": PAGE}) + "\n")
    tracemalloc.start()
    out = _read(f, max_page_bytes=1_000_000)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert isinstance(out[0], ReadFailure) and "over the page limit" in out[0].reason and out[0].source.endswith(":1")
    assert isinstance(out[1], RawPage) and out[1].doc_id == "ok"
    assert peak < 20_000_000, f"peak {peak / 1e6:.0f} MB for a 50 MB line"


def test_a_symlink_loop_and_an_unreadable_folder_are_named_as_such(tmp_path, monkeypatch):
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    (fail,) = _read(tmp_path / "loop")
    assert "symbolic link loop" in fail.reason
    good = tmp_path / "d" / "ok"
    good.mkdir(parents=True)
    (good / "a.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "d" / "locked").mkdir()
    real = os.scandir

    def scandir(path="."):
        if str(path).endswith("locked"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path)
    monkeypatch.setattr(os, "scandir", scandir)
    out = _read(tmp_path / "d")
    assert [type(o).__name__ for o in out] == ["RawPage", "ReadFailure"]
    assert out[1].source.endswith("locked") and "permission denied" in out[1].reason


def test_an_explicit_path_inside_an_unreadable_folder_fails_alone(tmp_path, monkeypatch):
    inside = tmp_path / "locked" / "a.txt"
    real = Path.stat

    def stat(self, *a, **k):
        if "locked" in str(self):
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real(self, *a, **k)
    monkeypatch.setattr(Path, "stat", stat)
    (tmp_path / "b.txt").write_text(PAGE, encoding="utf-8")
    out = list(read_inputs([str(inside), str(tmp_path / "b.txt")]))
    assert isinstance(out[0], ReadFailure) and "permission denied" in out[0].reason
    assert isinstance(out[1], RawPage)


@settings(max_examples=max(40, FUZZ * 2 // 3), deadline=None)
@given(text=st.text(min_size=0, max_size=600))
@example(text="<html><body>\x00</body></html>")
def test_the_cleaner_takes_any_text(text):
    pipe = Pipeline(("clean", "language"))
    for kind in ("html", "text"):
        out = pipe.run_many([RawPage(doc_id="p", source="s", kind=kind, content=text)])
        assert len(out) == 1          # a document or a failure for that page, never an exception


@settings(max_examples=max(200, FUZZ * 3), deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("0123456789.,$ Rp rbjtmiliartriunUSDpersen%-–/"))
                    | st.characters(), max_size=80))
@example(text="Rp 1,5 triliun")
@example(text="$10 miliar")
def test_the_value_parsers_take_any_text(text):
    from warta.nlp.values import find_values
    from warta.nlp.values.numbers import parse_number
    for v in find_values(text):
        assert 0 <= v.start <= v.end <= len(text)
    parse_number(text)
