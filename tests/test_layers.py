"""Import contracts: the engine names no rule; rules see only the public API; reporters stay in the CLI."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RULE_MAY_IMPORT = ("linter.api", "linter.sources", "linter.secrets", "linter.model")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


@pytest.mark.parametrize("path", sorted((ROOT / "linter").rglob("*.py")), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_engine_never_imports_rules(path):
    assert not [n for n in _imports(path) if n == "rules" or n.startswith("rules.")]


@pytest.mark.parametrize("path", sorted((ROOT / "rules").rglob("*.py")), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_rules_import_only_the_public_api(path):
    ours = [n for n in _imports(path) if n.split(".")[0] in ("linter", "rules")]
    bad = [n for n in ours if not n.startswith(RULE_MAY_IMPORT)]
    assert not bad, f"{path.name} imports {bad}: rules use linter.api / linter.sources only, never other rules"


def test_only_the_cli_imports_reporters():
    for path in (ROOT / "linter").rglob("*.py"):
        if path.parent.name == "reporters" or path.name in ("cli.py", "fastcli.py"):  # fastcli: the typer-free CLI
            continue
        assert not [n for n in _imports(path) if n.startswith("linter.reporters")], path
