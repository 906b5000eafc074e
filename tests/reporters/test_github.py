from __future__ import annotations

import io

from linter.engine import RunResult
from linter.model import Finding, Severity
from linter.reporters import github


def test_escaping_follows_the_runner():
    assert github.escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert github.escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_severities_map_to_commands():
    findings = [Finding("DF001", "latest-base-image", sev, "msg: a, b", "dir,x/Dockerfile", 3, 7)
                for sev in (Severity.ERROR, Severity.WARNING, Severity.INFO)]
    out = io.StringIO()
    github.render(RunResult(findings, ["dir,x/Dockerfile"]), out)
    lines = out.getvalue().splitlines()
    assert [line.split(" ", 1)[0] for line in lines] == ["::error", "::warning", "::notice"]
    assert lines[0] == "::error file=dir%2Cx/Dockerfile,line=3,col=7,title=DF001 latest-base-image::msg: a, b"
