"""`warta kb add` writes the user's knowledge base, never the installed package:
run from a read-only copy of the package, it writes the user's file, the new name
resolves, and a target inside the package or an invalid entry is refused with the
file left as it was."""
from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def _readonly_install(tmp_path: Path) -> Path:
    """A copy of the package with every write bit off (root writes anyway, so the test also
    compares the tree's files before and after)."""
    site = tmp_path / "site"
    shutil.copytree(ROOT / "warta", site / "warta", ignore=shutil.ignore_patterns("models", "__pycache__", "*.pyc"))
    for p in [site / "warta", *(site / "warta").rglob("*")]:
        p.chmod(p.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    return site


def _files(tree: Path) -> dict[str, float]:
    return {str(p.relative_to(tree)): p.stat().st_mtime for p in tree.rglob("*")}


def _warta(site: Path, home: Path, *args: str, extra: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("WARTA_KB_EXTRA", "PYTHONPATH")}
    env.update({"PYTHONPATH": str(site), "XDG_CONFIG_HOME": str(home / ".config"), "HOME": str(home),
                "PYTHONDONTWRITEBYTECODE": "1"})
    if extra:
        env["WARTA_KB_EXTRA"] = extra
    r = subprocess.run([sys.executable, "-c", "import warta, sys; print(warta.__file__, file=sys.stderr); "
                        "from warta.cli import main; sys.argv[0] = 'warta'; main()", *args],
                       env=env, capture_output=True, text=True, timeout=120, cwd=home.parent)
    assert r.stderr.startswith(str(site / "warta")), r.stderr   # the read-only copy ran, not the checkout
    return r


def test_kb_add_writes_the_user_file_on_a_read_only_install(tmp_path):
    site = _readonly_install(tmp_path)
    home = tmp_path / "home"
    before = _files(site)
    r = _warta(site, home, "kb", "add", "Siberaman Kencana", "--country", "ID", "--alias", "Siberaman")
    assert r.returncode == 0, r.stderr
    user_file = home / ".config" / "warta" / "kb.yaml"
    assert str(user_file) in r.stdout
    assert yaml.safe_load(user_file.read_text())["orgs"][0]["name"] == "Siberaman Kencana"
    assert _files(site) == before       # nothing written, nothing added inside the package
    shown = _warta(site, home, "kb", "show", "Siberaman")
    assert shown.returncode == 0 and "Siberaman Kencana" in shown.stdout


def test_kb_add_writes_the_file_named_by_warta_kb_extra(tmp_path):
    site = _readonly_install(tmp_path)
    extra = tmp_path / "team" / "kb.yaml"
    r = _warta(site, tmp_path / "home", "kb", "add", "Siberaman Kencana", "--parent", "Astra International", extra=str(extra))
    assert r.returncode == 0, r.stderr
    assert yaml.safe_load(extra.read_text())["orgs"][0]["parent"] == "Astra International"
    assert not (tmp_path / "home" / ".config" / "warta" / "kb.yaml").exists()


def test_kb_add_refuses_the_package_and_bad_entries_before_writing(tmp_path):
    site = _readonly_install(tmp_path)
    home = tmp_path / "home"
    inside = site / "warta" / "data" / "kb" / "local.yaml"
    r = _warta(site, home, "kb", "add", "Siberaman", "--file", str(inside))
    assert r.returncode == 2 and "inside the installed package" in r.stderr
    assert not inside.exists()
    user_file = home / ".config" / "warta" / "kb.yaml"
    assert _warta(site, home, "kb", "add", "Siberaman").returncode == 0
    kept = user_file.read_text()
    for args, says in ((["Other Co", "--kind", "spaceship"], "kind"),
                       (["Other Co", "--parent", "No Such Parent Group"], "parent"),
                       (["Siberaman"], "already in"),
                       (["Toyota"], "already in the knowledge base")):
        r = _warta(site, home, "kb", "add", *args)
        assert r.returncode == 2, (args, r.stdout, r.stderr)
        assert says in r.stderr, (args, r.stderr)
        assert user_file.read_text() == kept
