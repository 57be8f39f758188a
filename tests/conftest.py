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
