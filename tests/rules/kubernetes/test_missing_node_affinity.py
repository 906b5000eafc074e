from __future__ import annotations

import pytest

from linter.testing import for_each_workload, fires, quiet

RULE = "KS248"
ON = {"rules": {RULE: "on"}}
C = "containers: []\n"


def line_of(src: str, needle: str) -> int:
    return next(i for i, line in enumerate(src.splitlines(), 1) if needle in line)


W = for_each_workload(C)
_pod_aff = for_each_workload("affinity:\n  podAntiAffinity: {}\n" + C)["Pod"]
FIRES = [
    pytest.param(W["Pod"], [5], id="pod"),
    pytest.param(W["Deployment"], [line_of(W["Deployment"], "    spec:")], id="deployment"),
    pytest.param(_pod_aff, [5], id="only-pod-anti-affinity"),
]

QUIET = [
    pytest.param(for_each_workload("nodeSelector: {pool: general}\n" + C)["Pod"], id="node-selector"),
    pytest.param(for_each_workload("affinity:\n  nodeAffinity:\n    requiredDuringSchedulingIgnoredDuringExecution: {}\n" + C)["Job"],
                 id="node-affinity"),
    pytest.param("apiVersion: v1\nkind: Service\nmetadata: {name: x}\nspec: {}\n", id="not-a-workload"),
    pytest.param(W["Pod"].replace("spec:\n", "spec:  # k8slint: ignore=no-node-affinity\n", 1), id="suppressed"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines, config=ON)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src, config=ON)
