from __future__ import annotations

import pytest

from linter.testing import for_each_workload, fires, quiet

RULE = "KS240"
ON = {"rules": {RULE: "on"}}
C = "containers: []\n"


def line_of(src: str, needle: str) -> int:
    return next(i for i, line in enumerate(src.splitlines(), 1) if needle in line)


W = for_each_workload(C)
FIRES = [pytest.param(W["Pod"], [5], id="pod"),
         pytest.param(W["Deployment"], [line_of(W["Deployment"], "    spec:")], id="deployment"),
         pytest.param(for_each_workload("priorityClassName: ''\n" + C)["Pod"], [5], id="empty-name")]

QUIET = [
    pytest.param(for_each_workload("priorityClassName: business-critical\n" + C)["Pod"], id="pod-with-class"),
    pytest.param(for_each_workload("priorityClassName: high\n" + C)["CronJob"], id="cronjob-with-class"),
    pytest.param("apiVersion: v1\nkind: Service\nmetadata: {name: x}\nspec: {}\n", id="not-a-workload"),
    pytest.param(W["Pod"].replace("spec:\n", "spec:  # k8slint: ignore=priorityClassNotSet\n", 1), id="suppressed"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines, config=ON)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src, config=ON)
