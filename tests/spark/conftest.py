"""One local Spark session (two cores) for every Spark test: starting the JVM costs more
than most of the tests."""
from __future__ import annotations

import shutil

import pytest


@pytest.fixture(scope="session")
def spark():
    if not shutil.which("java"):
        pytest.skip("Java is needed for PySpark (.ci/run installs it)")
    from warta.spark.job import session
    s = session("local[2]")
    yield s
    s.stop()
