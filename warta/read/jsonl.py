"""JSON Lines records: {"id", "url", "html" | "text", "date"}, one a line."""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from warta.model import RawPage, ReadFailure
from warta.read.ids import content_id
from warta.read.text import page_from_text


class Oversize(str):
    """Stands for a line longer than the page limit, whose text was skipped unread."""


def bounded_lines(fh, limit: int) -> Iterator[str]:
    """The lines of a text stream, none held longer than `limit` characters: a longer one is
    read through in pieces and given as an `Oversize`, so one huge record costs no memory."""
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith("\n"):
            size = len(line)
            while True:
                rest = fh.readline(1 << 20)
                size += len(rest)
                if not rest or rest.endswith("\n"):
                    break
            yield Oversize(str(size))
            continue
        yield line


def read_jsonl_lines(lines: Iterable[str], source: str) -> Iterator[RawPage | ReadFailure]:
    for n, line in enumerate(lines, 1):
        where = f"{source}:{n}"
        if isinstance(line, Oversize):
            yield ReadFailure(where, f"line {n} is {int(line) / 1e6:.1f} MB, over the page limit (WARTA_MAX_PAGE_BYTES); skipped")
            continue
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadFailure(where, f"line {n} is not JSON ({exc.msg})")
            continue
        if not isinstance(rec, dict):
            yield ReadFailure(where, f"line {n} is not a JSON object")
            continue
        html, text = rec.get("html"), rec.get("text")
        body = html if isinstance(html, str) and html.strip() else text
        if not isinstance(body, str) or not body.strip():
            yield ReadFailure(where, f"line {n} has neither \"html\" nor \"text\"")
            continue
        doc_id = str(rec.get("id") or content_id(rec.get("url"), body))
        date = rec.get("date")
        date = str(date)[:10] if date else None
        if body is html:
            yield RawPage(doc_id=doc_id, source=where, kind="html", content=html, url=rec.get("url"), date_hint=date)
        else:
            yield page_from_text(text, doc_id, where, url=rec.get("url"), date_hint=date)
