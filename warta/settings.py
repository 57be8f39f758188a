"""One immutable settings object, built alike by the CLI, the API and library callers."""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

DEFAULT_DB = "sqlite:///warta.db"

# (name, default, help): documented in the README, checked by a test
SETTINGS_TABLE: list[tuple[str, str, str]] = [
    ("WARTA_DB", DEFAULT_DB, "database URL: sqlite:///file.db or postgresql+psycopg://user@host/db"),
    ("WARTA_API_TOKEN", "", "when set, the API's writing endpoints are on and require this bearer token"),
    ("WARTA_MAX_PAGE_BYTES", "20000000", "pages larger than this are refused by the readers"),
    ("WARTA_CORS_ORIGINS", "", "comma-separated origins allowed to call the API from a browser; CORS is off when empty"),
    ("WARTA_API_CACHE_SECONDS", "2", "while the store is being written, an API answer at most this old is served from "
                                     "memory instead of recomputed; 0 = always recompute after a write"),
]


@dataclass(frozen=True)
class Settings:
    db_url: str = DEFAULT_DB
    api_token: str | None = None
    max_page_bytes: int = 20_000_000
    cors_origins: tuple[str, ...] = ()
    api_cache_seconds: float = 2.0
    data_dir: Path = field(default_factory=lambda: Path(__file__).parent / "data")

    @classmethod
    def from_env(cls, **overrides) -> "Settings":
        s = cls(
            db_url=os.environ.get("WARTA_DB") or DEFAULT_DB,
            api_token=os.environ.get("WARTA_API_TOKEN") or None,
            max_page_bytes=int(os.environ.get("WARTA_MAX_PAGE_BYTES") or 20_000_000),
            cors_origins=tuple(o.strip() for o in (os.environ.get("WARTA_CORS_ORIGINS") or "").split(",") if o.strip()),
            api_cache_seconds=_seconds("WARTA_API_CACHE_SECONDS", 2.0),
        )
        return replace(s, **{k: v for k, v in overrides.items() if v is not None})


def _seconds(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        v = float(raw)
    except ValueError:
        raise ValueError(f"{name}={raw!r}: expected a number of seconds") from None
    if v < 0:
        raise ValueError(f"{name}={raw!r}: expected a number of seconds, 0 or more")
    return v
