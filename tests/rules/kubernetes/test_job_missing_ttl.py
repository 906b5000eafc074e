from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS229"
ON = {"rules": {RULE: "on"}}
T = "  template: {spec: {restartPolicy: Never, containers: []}}\n"


def job(spec: str, meta: str = "") -> str:
    return f"apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\n{meta}spec:\n{spec}{T}"


FIRES = [
    pytest.param(job(""), [5], id="no-ttl"),
    pytest.param(job("  backoffLimit: 2\n"), [5], id="other-fields"),
    pytest.param(job("", "  annotations: {helm.sh/hook: pre-install}\n"), [6], id="hook-without-delete-policy"),
]

QUIET = [
    pytest.param(job("  ttlSecondsAfterFinished: 3600\n"), id="ttl"),
    pytest.param(job("", "  annotations: {helm.sh/hook: pre-install, helm.sh/hook-delete-policy: hook-succeeded}\n"), id="helm-hook"),
    pytest.param("apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: x}\nspec:\n  schedule: '* * * * *'\n"
                 "  jobTemplate:\n    spec:\n" + T.replace("  ", "      ", 1), id="cronjob-template"),
    pytest.param(job("").replace("spec:\n", "spec:  # k8slint: ignore=KS229\n", 1), id="suppressed"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines, config=ON)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src, config=ON)
