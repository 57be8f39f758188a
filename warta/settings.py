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
]


@dataclass(frozen=True)
class Settings:
    db_url: str = DEFAULT_DB
    api_token: str | None = None
    max_page_bytes: int = 20_000_000
    cors_origins: tuple[str, ...] = ()
    data_dir: Path = field(default_factory=lambda: Path(__file__).parent / "data")

    @classmethod
    def from_env(cls, **overrides) -> "Settings":
        s = cls(
            db_url=os.environ.get("WARTA_DB") or DEFAULT_DB,
            api_token=os.environ.get("WARTA_API_TOKEN") or None,
            max_page_bytes=int(os.environ.get("WARTA_MAX_PAGE_BYTES") or 20_000_000),
            cors_origins=tuple(o.strip() for o in (os.environ.get("WARTA_CORS_ORIGINS") or "").split(",") if o.strip()),
        )
        return replace(s, **{k: v for k, v in overrides.items() if v is not None})
