"""Where the real articles' texts live (never in git) and how they are named.

A page's text is stored exactly as the search tool's `pages` corpus returned it
for the recorded query, as UTF-8, in `$WARTA_REALSET_CACHE/pages/<doc_id>.txt`
(default `~/.cache/warta-realset`).  Its SHA-256 is recorded in the gold file,
so a changed or missing text is reported rather than silently scored.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from warta.settings import Settings

SPLITS = ("train", "dev", "test")
GOLD_DIR = Path(__file__).resolve().parents[2] / "tests" / "realset" / "gold"   # offsets only, in git


def cache_dir() -> Path:
    return Settings.from_env().realset_cache or Path.home() / ".cache" / "warta-realset"


def pages_dir() -> Path:
    return cache_dir() / "pages"


def drafts_dir() -> Path:
    return cache_dir() / "drafts"


def doc_id(url: str) -> str:
    """A stable id from the url alone: `rs_` and 12 hex digits of its SHA-1."""
    return "rs_" + hashlib.sha1(url.strip().encode("utf-8")).hexdigest()[:12]


def split_of(url: str) -> str:
    """Fixed split by a hash of the url: 60 % train, 20 % dev, 20 % test."""
    bucket = int(hashlib.sha256(url.strip().encode("utf-8")).hexdigest()[:8], 16) % 10
    return "train" if bucket < 6 else "dev" if bucket < 8 else "test"


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def page_path(did: str) -> Path:
    return pages_dir() / f"{did}.txt"


def read_page(did: str) -> str | None:
    p = page_path(did)
    return p.read_text(encoding="utf-8") if p.exists() else None


def save_page(url: str, text: str, overwrite: bool = False) -> tuple[str, Path]:
    """Store one page's text under its id; refuses to replace a different text unless told."""
    did = doc_id(url)
    p = page_path(did)
    p.parent.mkdir(parents=True, exist_ok=True)
    if p.exists() and not overwrite and p.read_text(encoding="utf-8") != text:
        raise FileExistsError(f"{p}: a different text is already cached for {url}")
    p.write_text(text, encoding="utf-8")
    return did, p
