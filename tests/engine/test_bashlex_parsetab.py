"""The bashlex parse tables shipped in linter/sources/bashlex_parsetab.py: used on a machine's first
call (empty cache folder) when they match the installed bashlex, equal to what bashlex builds, and
ignored when they do not match."""
from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from linter.sources import bashlex_parsetab, bashlex_tables

ROOT = Path(__file__).resolve().parents[2]
DUMP = textwrap.dedent("""
    p = b.parser.yaccparser
    print(repr((sorted((k, sorted(v.items())) for k, v in p.action.items()),
                sorted((k, sorted(v.items())) for k, v in p.goto.items()),
                [(x.name, x.len, x.func) for x in p.productions],
                b.parse("a=1 apt-get update && cd /x || { echo $(id -u) | tee f; }")[0].dump())))
""")


def _bashlex_folder() -> str:
    spec = importlib.util.find_spec("bashlex")
    assert spec is not None and spec.submodule_search_locations
    return list(spec.submodule_search_locations)[0]


def _run(code: str, cache: Path) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "K8SLINT_CACHE_DIR": str(cache)}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True).stdout


def test_shipped_tables_serve_the_first_call_and_equal_bashlex_own(tmp_path):
    if bashlex_parsetab.KEY != bashlex_tables.content_key(_bashlex_folder()):
        pytest.skip("the installed bashlex differs from the one the shipped tables were generated from: "
                    "run scripts/gen_bashlex_parsetab.py (k8slint still works: it builds and caches them)")
    shipped = _run("from linter.sources.bashlex_tables import import_bashlex\nb = import_bashlex()\n" + DUMP,
                   tmp_path / "empty")
    assert not list((tmp_path / "empty").glob("bashlex-tables-*"))  # nothing built, so nothing stored
    built = _run("import bashlex as b\n" + DUMP, tmp_path / "unused")
    assert shipped == built and "CommandNode" in shipped


def test_tables_of_another_bashlex_are_ignored(tmp_path, monkeypatch):
    folder = _bashlex_folder()
    monkeypatch.setattr(bashlex_parsetab, "KEY", "0" * 64)
    assert bashlex_tables._shipped(folder) is None
    monkeypatch.setattr(bashlex_parsetab, "KEY", bashlex_tables.content_key(folder))
    assert bashlex_tables._shipped(folder) is not None


def test_content_key_follows_the_grammar(tmp_path):
    folder = tmp_path / "bashlex"
    folder.mkdir()
    for name in ("parser.py", "yacc.py", "tokenizer.py"):
        (folder / name).write_text(f"# {name}\n")
    key = bashlex_tables.content_key(str(folder))
    (folder / "parser.py").write_text("# parser.py, another grammar\n")
    assert key and bashlex_tables.content_key(str(folder)) not in (None, key)
    (folder / "yacc.py").unlink()
    assert bashlex_tables.content_key(str(folder)) is None
