"""Property-based requests generated from the OpenAPI description: no server error."""
from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is a dev dependency")
from hypothesis import HealthCheck, given, settings  # noqa: E402


@pytest.fixture(scope="module")
def schema(client):
    return schemathesis.openapi.from_asgi("/openapi.json", client.app)


def test_no_server_error(schema):
    ops = list(schema.get_all_operations())
    assert ops
    failures = []
    for result in ops:
        op = result.ok()

        @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
        @given(case=op.as_strategy())
        def run(case):
            resp = case.call()
            assert resp.status_code < 500, f"{case.method} {case.formatted_path} -> {resp.status_code}: {resp.text[:200]}"
        try:
            run()
        except AssertionError as exc:
            failures.append(str(exc)[:300])
    assert not failures, failures
