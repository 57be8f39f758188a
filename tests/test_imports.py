"""The package's modules form no import cycle: a module never needs an import inside a
function to break one.  The graph is read from the source (every `import` of a warta
module, at the top or inside a function), so a cycle hidden in a function shows too."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PKG = ROOT / "warta"


def _modules(root: Path = ROOT) -> dict[str, Path]:
    out = {}
    for p in (root / "warta").rglob("*.py"):
        if "migrations" in p.parts:
            continue   # Alembic loads these by file, not as modules
        parts = list(p.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = p
    return out


def import_graph(root: Path = ROOT) -> dict[str, set[str]]:
    mods = _modules(root)
    graph: dict[str, set[str]] = {m: set() for m in mods}
    for mod, path in mods.items():
        pkg = mod if path.name == "__init__.py" else mod.rsplit(".", 1)[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    up = pkg.split(".")[: len(pkg.split(".")) - node.level + 1]
                    base = ".".join(up + ([base] if base else []))
                names = [f"{base}.{a.name}" if f"{base}.{a.name}" in mods else base for a in node.names]
            else:
                continue
            for n in names:
                while n and n not in mods:
                    n = n.rpartition(".")[0]
                if n and n != mod:
                    graph[mod].add(n)
        if "iter_modules(" in path.read_text(encoding="utf-8"):
            # a module that imports every module of a package it walks (the CLI its commands)
            for pkg_name in [n for n in graph[mod] if mods[n].name == "__init__.py"]:
                graph[mod] |= {m for m in mods if m.startswith(pkg_name + ".")}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_the_graph_sees_a_cycle_hidden_in_a_function():
    assert cycles({"a": {"b"}, "b": {"a"}, "c": {"a"}}) == [["a", "b"]]
    graph = import_graph()
    assert "warta.store.db" in graph["warta.store.queries"]       # a top-level import
    assert "warta.read" in graph["warta.run"]                     # one inside a function
    assert "warta.commands.store" in graph["warta.cli"]           # one by walking the package


def test_no_import_cycles_in_the_package():
    found = cycles(import_graph())
    assert found == [], "import cycles: " + "; ".join(" <-> ".join(c) for c in found)


@pytest.mark.parametrize("module", ["warta", "warta.api.app", "warta.api.routes", "warta.cli", "warta.commands.store",
                                    "warta.nlp.train.corpora", "warta.nlp.train.truecase", "warta.pipeline",
                                    "warta.nlp.stage", "warta.library"])
def test_each_module_imports_alone_in_a_fresh_interpreter(module):
    r = subprocess.run([sys.executable, "-c", f"import {module}"], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
