"""Findings that carry a sub-code (a wrapped tool's code, e.g. ShellCheck's SC2086)."""
from __future__ import annotations

import io

from linter.api import Dockerfile, Severity, Target, report, rule
from linter.config import build_config
from linter.engine import Linter, RunResult
from linter.registry import Registry
from linter.reporters import get_renderer


@rule(id="DF397", name="fake-wrapped-tool", target=Target.DOCKERFILE, severity=Severity.WARNING,
      summary="s", remediation="r")
def _fake(df: Dockerfile, ctx):
    for instr in df.instructions_of("RUN"):
        yield report(instr, "first", code="SC1111", severity=Severity.INFO)
        yield report(instr, "second", code="SC2222", severity=Severity.ERROR)


REG = Registry([getattr(_fake, "__k8slint_rule__")])


def _lint(src: str, config: dict | None = None):
    return Linter(REG, build_config(REG, config or {})).lint_text(src, "Dockerfile", "dockerfile")


def test_code_and_tool_severity_reach_the_finding():
    found = _lint("FROM a\nRUN x\n")
    assert [(f.code, f.severity) for f in found] == [("SC1111", Severity.INFO), ("SC2222", Severity.ERROR)]


def test_configured_severity_wins_over_the_tool_level():
    found = _lint("FROM a\nRUN x\n", {"rules": {"DF397": "warning"}})
    assert {f.severity for f in found} == {Severity.WARNING}


def test_pragma_suppresses_exactly_one_code():
    for pragma in ("# k8slint ignore=SC1111", "# hadolint ignore=sc1111"):
        found = _lint(f"FROM a\n{pragma}\nRUN x\n")
        assert [f.code for f in found] == ["SC2222"], pragma
    assert [f.code for f in _lint("FROM a\n# k8slint global ignore=SC2222\nRUN x\n")] == ["SC1111"]
    assert _lint("FROM a\n# k8slint ignore=DF397\nRUN x\n") == []


def test_reporters_show_the_code():
    result = RunResult(_lint("FROM a\nRUN x\n"), ["Dockerfile"])
    out = io.StringIO()
    get_renderer("json")(result, out, False)
    assert '"code": "SC1111"' in out.getvalue()
    out = io.StringIO()
    get_renderer("text")(result, out, False)
    assert "DF397 fake-wrapped-tool SC1111  first" in out.getvalue()
