"""Twenty-odd chrome-laden page texts in the styles of different portals: the
article comes out whole, no chrome line stays in it, and the metadata is right."""
from __future__ import annotations

import collections
import re
from pathlib import Path

import pytest
import yaml

from warta.clean.metadata import extract_metadata
from warta.clean.text import clean_lines

HERE = Path(__file__).parent
CASES = [c for f in sorted(HERE.glob("pages_*.yaml")) for c in yaml.safe_load(f.read_text(encoding="utf-8"))]


def _tokens(s: str) -> collections.Counter:
    return collections.Counter(re.findall(r"\w+", s.casefold()))


def token_f1(pred: str, gold: str) -> float:
    p, g = _tokens(pred), _tokens(gold)
    tp = sum((p & g).values())
    return 2 * tp / (sum(p.values()) + sum(g.values())) if tp else 0.0


def test_there_are_at_least_twenty_pages():
    assert len(CASES) >= 20
    assert len({c["name"] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_article_body(case):
    c = clean_lines(case["page"])
    want = "\n\n".join(case["body"])
    assert token_f1(c.body, want) >= 0.99, c.body
    assert c.paragraphs == case["body"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_no_chrome_line_in_body(case):
    body = clean_lines(case["page"]).paragraphs
    article = set(case["body"])
    chrome = [ln.strip() for ln in case["page"].splitlines() if ln.strip() and ln.strip() not in article]
    assert not [p for p in body if p in chrome]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_metadata(case):
    meta = extract_metadata(clean_lines(case["page"]))
    for key, want in case["metadata"].items():
        got = getattr(meta, key)
        assert got == want, f"{key}: {got!r} != {want!r}"
