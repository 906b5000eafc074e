"""The progress bar shows only for interactive text runs over many files."""
from __future__ import annotations

import io

import pytest

from linter import progress
from linter.config import build_config
from linter.engine import Linter
from linter.registry import load_registry


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture(autouse=True)
def _no_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("PRE_COMMIT", raising=False)
    monkeypatch.setenv("TERM", "xterm")


@pytest.mark.parametrize("fmt, stream, files, expected", [
    pytest.param("text", Tty(), 500, True, id="interactive-text-many-files"),
    pytest.param("text", Tty(), 3, False, id="few-files"),
    pytest.param("text", io.StringIO(), 500, False, id="pipe-or-pre-commit"),
    pytest.param("json", Tty(), 500, False, id="machine-format"),
    pytest.param("sarif", Tty(), 500, False, id="sarif"),
])
def test_when_the_bar_shows(fmt, stream, files, expected):
    assert progress.wanted(fmt, None, stream, files) is expected


def test_never_in_ci(monkeypatch):
    monkeypatch.setenv("CI", "true")
    assert not progress.wanted("text", None, Tty(), 500)


def test_never_under_pre_commit_even_in_a_pty(monkeypatch):
    monkeypatch.setenv("PRE_COMMIT", "1")
    assert not progress.wanted("text", None, Tty(), 500)


def test_flags_override():
    assert progress.wanted("json", True, io.StringIO(), 1)
    assert not progress.wanted("text", False, Tty(), 500)


def test_bar_does_not_change_results(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for i in range(60):
        (tmp_path / f"Dockerfile.{i}").write_text("FROM alpine:latest\n")
    registry = load_registry()
    config = build_config(registry, {})
    plain = Linter(registry, config).lint_paths(["."])
    stream = Tty()
    linter = Linter(registry, config)
    shown = progress.lint_with_progress(linter, ["."], "text", None, stream)
    assert shown.findings == plain.findings and len(shown.files) == 60
    assert "lint_bytes" not in vars(linter)  # the wrapper is removed


def test_cli_prints_no_bar_when_piped(run_cli, write):
    for i in range(60):
        write(f"d/Dockerfile.{i}", "FROM alpine:3.20\nUSER 1\n")
    code, out, err = run_cli("d")
    assert code == 0 and "linting" not in err and "\x1b[" not in err
