from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS230"
ON = {"rules": {RULE: "on"}}
T = "  template: {spec: {restartPolicy: Never, containers: []}}\n"


def job(spec: str) -> str:
    return f"apiVersion: batch/v1\nkind: Job\nmetadata: {{name: migrate}}\nspec:\n{spec}{T}"


def cronjob(spec: str) -> str:
    return (f"apiVersion: batch/v1\nkind: CronJob\nmetadata: {{name: report}}\nspec:\n  schedule: '0 * * * *'\n"
            f"  jobTemplate:\n    spec:\n{spec}    {T}")


FIRES = [
    pytest.param(job(""), [4], id="job"),
    pytest.param(cronjob(""), [7], id="cronjob-template"),
    pytest.param(job("  backoffLimit: 1\n"), [4], id="backoff-but-no-deadline"),
]

QUIET = [
    pytest.param(job("  activeDeadlineSeconds: 600\n"), id="job-deadline"),
    pytest.param(cronjob("      activeDeadlineSeconds: 600\n"), id="cronjob-deadline"),
    pytest.param("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec: {}\n", id="deployment"),
    pytest.param(job("").replace("spec:\n", "spec:  # k8slint: ignore=KS230\n", 1), id="suppressed"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines, config=ON)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src, config=ON)
