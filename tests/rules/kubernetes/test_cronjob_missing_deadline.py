from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS228"
ON = {"rules": {RULE: "on"}}
JT = "  jobTemplate: {spec: {template: {spec: {restartPolicy: OnFailure, containers: []}}}}\n"


def cj(spec: str, api: str = "batch/v1") -> str:
    return f"apiVersion: {api}\nkind: CronJob\nmetadata: {{name: report}}\nspec:\n  schedule: '0 * * * *'\n{spec}{JT}"


FIRES = [
    pytest.param(cj(""), [4], id="no-deadline"),
    pytest.param(cj("", "batch/v1beta1"), [4], id="old-api"),
    pytest.param(cj("  startingDeadlineSeconds: null\n"), [4], id="null-deadline"),
]

QUIET = [
    pytest.param(cj("  startingDeadlineSeconds: 600\n"), id="deadline"),
    pytest.param(cj("  startingDeadlineSeconds: 0\n"), id="zero-deadline"),
    pytest.param("apiVersion: batch/v1\nkind: Job\nmetadata: {name: x}\nspec: {}\n", id="job"),
    pytest.param(cj("").replace("spec:\n", "spec:  # k8slint: ignore=cronjob-has-deadline\n", 1), id="suppressed"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines, config=ON)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src, config=ON)
