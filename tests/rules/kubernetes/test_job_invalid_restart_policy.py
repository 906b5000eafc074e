from __future__ import annotations

import pytest

from linter.testing import for_each_workload, fires, quiet

RULE = "KS227"
C = "containers:\n  - name: job\n    image: example/job:1.0.0\n"


def line_of(src: str, needle: str) -> int:
    return next(i for i, line in enumerate(src.splitlines(), 1) if needle in line)


_always = {k: for_each_workload("restartPolicy: Always\n" + C)[k] for k in ("Job", "CronJob")}
_unset = {k: for_each_workload(C)[k] for k in ("Job", "CronJob")}
FIRES = [pytest.param(s, [line_of(s, "restartPolicy")], id=f"always-in-{k.lower()}") for k, s in _always.items()]
FIRES += [pytest.param(_unset["Job"], [9], id="unset-in-job"), pytest.param(_unset["CronJob"], [10], id="unset-in-cronjob")]

QUIET = [
    pytest.param(for_each_workload("restartPolicy: OnFailure\n" + C)["Job"], id="on-failure"),
    pytest.param(for_each_workload("restartPolicy: Never\n" + C)["CronJob"], id="never"),
    pytest.param(for_each_workload(C)["Deployment"], id="deployment-default-always"),
    pytest.param(for_each_workload("restartPolicy: Always  # k8slint: ignore=KS227\n" + C)["Job"], id="suppressed"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src)
