"""Shared test fixtures: paths to ../shared, and skips with a reason when it is absent."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("WARTA_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "corpus" / "seeds"
EXAMPLES = ROOT / "examples"


def need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent: these tests read ../shared beside the repository")
    return path


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return need(SEEDS)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    return need(SHARED)

@pytest.fixture(scope="session")
def api_db(tmp_path_factory):
    from warta.store.db import open_store
    from warta.store.ingest import ingest
    db = tmp_path_factory.mktemp("api") / "warta.db"
    store = open_store(f"sqlite:///{db}")
    paths = [str(EXAMPLES / n) for n in ("tribun_xss_startup.html", "kompas_hyundai_lges_negosiasi.txt",
                                         "kontan_hyundai_lges_sepakat.txt", "tempo_pertamina_catl_batal.txt")]
    if SEEDS.exists():
        paths.append(str(SEEDS))
    ingest(store, paths)
    return f"sqlite:///{db}"


@pytest.fixture(scope="session")
def client(api_db):
    from fastapi.testclient import TestClient

    from warta.api.app import create_app
    from warta.settings import Settings
    return TestClient(create_app(Settings(db_url=api_db)))


# tests that take more than a few seconds each (`make test-fast` leaves them out:
# pytest -m "not slow"); the PostgreSQL cases are marked `postgres` by their parameter
SLOW = {
    "tests/store/test_kill.py": None, "tests/store/test_concurrency.py": None, "tests/spark/test_spark.py": None,
    "tests/spark/test_same_as_ingest.py": None,
    "tests/web/test_browser.py": None, "tests/api/test_schemathesis.py": None,
    "tests/nlp/test_ner.py": ("test_ner_eval_reproduces_the_model_card",),
    "tests/test_realset.py": ("test_dev_split_meets_the_floors",),
}


def pytest_collection_modifyitems(config, items):
    for item in items:
        rel = Path(str(item.fspath)).resolve().relative_to(ROOT).as_posix() if str(item.fspath).startswith(str(ROOT)) else ""
        names = SLOW.get(rel, ())
        if names is None or item.originalname in (names or ()):
            item.add_marker(pytest.mark.slow)
        params = getattr(getattr(item, "callspec", None), "params", {})
        if "postgresql" in params.values():
            item.add_marker(pytest.mark.postgres)
