from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS231"
ON = {"rules": {RULE: "on"}}
JT = "  jobTemplate: {spec: {template: {spec: {restartPolicy: OnFailure, containers: []}}}}\n"


def cj(spec: str) -> str:
    return f"apiVersion: batch/v1\nkind: CronJob\nmetadata: {{name: backup}}\nspec:\n  schedule: '*/10 * * * *'\n{spec}{JT}"


FIRES = [
    pytest.param(cj(""), [4], id="unset"),
    pytest.param(cj("  concurrencyPolicy: Allow\n"), [6], id="explicit-allow"),
    pytest.param(cj("  suspend: false\n"), [4], id="other-fields-only"),
]

QUIET = [
    pytest.param(cj("  concurrencyPolicy: Forbid\n"), id="forbid"),
    pytest.param(cj("  concurrencyPolicy: Replace\n"), id="replace"),
    pytest.param("apiVersion: batch/v1\nkind: Job\nmetadata: {name: x}\nspec: {}\n", id="job"),
    pytest.param(cj("  concurrencyPolicy: Allow  # k8slint: ignore=KS231\n"), id="suppressed"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines, config=ON)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src, config=ON)
