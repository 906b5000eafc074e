from __future__ import annotations

import pytest

from linter.testing import for_each_workload, fires, quiet

RULE = "KS239"
ON = {"rules": {RULE: "on"}}
C = "containers: []\n"


def line_of(src: str, needle: str) -> int:
    return next(i for i, line in enumerate(src.splitlines(), 1) if needle in line)


W = for_each_workload(C)
FIRES = [pytest.param(W[k], [line_of(W[k], "    spec:")], id=f"unset-in-{k.lower()}") for k in ("Deployment", "StatefulSet", "ReplicaSet")]
_three = W["Deployment"].replace("spec:\n  selector", "spec:\n  replicas: 3\n  selector", 1)
FIRES.append(pytest.param(_three, [line_of(_three, "    spec:")], id="three-replicas"))

QUIET = [
    pytest.param(for_each_workload("topologySpreadConstraints:\n  - {maxSkew: 1, topologyKey: topology.kubernetes.io/zone, "
                                   "whenUnsatisfiable: ScheduleAnyway}\n" + C)["Deployment"], id="has-constraints"),
    pytest.param(W["Deployment"].replace("spec:\n  selector", "spec:\n  replicas: 1\n  selector", 1), id="single-replica"),
    pytest.param(W["DaemonSet"], id="daemonset"),
    pytest.param(W["Job"], id="job"),
    pytest.param(W["Deployment"].replace("    spec:\n", "    spec:  # k8slint: ignore=topologySpreadConstraint\n"), id="suppressed"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines, config=ON)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src, config=ON)
