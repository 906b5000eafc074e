from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from linter.cli import app


@pytest.fixture
def run_cli(monkeypatch, tmp_path):
    """Run `k8slint ARGS` in tmp_path (or `cwd=`); returns (exit code, stdout, stderr)."""
    runner = CliRunner()

    def run(*args: str, cwd: Path | None = None, input: str | None = None):
        monkeypatch.chdir(cwd or tmp_path)
        result = runner.invoke(app, list(args), input=input, catch_exceptions=False)
        return result.exit_code, result.stdout, result.stderr

    return run


@pytest.fixture
def write(tmp_path):
    def write_file(rel: str, text: str | bytes) -> Path:
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write_file


def parse_json(out: str) -> dict:
    return json.loads(out)


@pytest.fixture(autouse=True, scope="session")
def _private_cache_dir(tmp_path_factory):
    """The result cache (on by default in the CLI) goes to a throw-away folder, never ~/.cache."""
    import os

    saved = os.environ.get("K8SLINT_CACHE_DIR")
    os.environ["K8SLINT_CACHE_DIR"] = str(tmp_path_factory.mktemp("k8slint-cache"))
    yield
    if saved is None:
        os.environ.pop("K8SLINT_CACHE_DIR", None)
    else:
        os.environ["K8SLINT_CACHE_DIR"] = saved
