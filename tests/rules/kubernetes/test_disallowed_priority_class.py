from __future__ import annotations

import pytest

from linter.testing import fires, for_each_workload, quiet

RULE = "KS171"
ON = {"rules": {RULE: "on"}}
C = "containers: [{name: api, image: 'api:1.4.2'}]\n"


def pod(pc: str) -> str:
    return for_each_workload(pc + C)["Pod"]


FIRES = [
    pytest.param(pod("priorityClassName: super-urgent\n"), [6], ON, id="custom-class"),
    pytest.param(pod("priorityClassName: system-cluster-critcal\n"), [6], ON, id="misspelt-system-class"),
    pytest.param(for_each_workload("priorityClassName: high\n" + C)["CronJob"], [11], ON, id="cronjob"),
    pytest.param(pod("priorityClassName: high\n"), [6], {"rules": {RULE: {"accepted": ["low"]}}}, id="configured-list"),
]

QUIET = [
    pytest.param(pod("priorityClassName: system-node-critical\n"), ON, id="accepted"),
    pytest.param(pod(""), ON, id="unset-is-ks240"),
    pytest.param(pod("priorityClassName: high\n"), {"rules": {RULE: {"accepted": ["high"]}}}, id="configured-accepted"),
    pytest.param(pod("priorityClassName: super-urgent\n"), None, id="off-by-default"),
    pytest.param(pod("priorityClassName: super-urgent  # k8slint: ignore=priority-class-name\n"), ON, id="suppressed"),
]


@pytest.mark.parametrize("src, lines, config", FIRES)
def test_fires(src, lines, config):
    fires(RULE, src, lines=lines, config=config)


@pytest.mark.parametrize("src, config", QUIET)
def test_quiet(src, config):
    quiet(RULE, src, config=config)
