from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS211"
ON = {"rules": {RULE: "on"}}


def svc(spec: str) -> str:
    return f"apiVersion: v1\nkind: Service\nmetadata: {{name: api}}\nspec:\n{spec}  ports: [{{port: 80}}]\n"


FIRES = [
    pytest.param(svc("  type: LoadBalancer\n"), [5], id="load-balancer"),
    pytest.param(svc("  selector: {app: api}\n  type: LoadBalancer\n"), [6], id="with-selector"),
    pytest.param(svc("  type: LoadBalancer\n  loadBalancerSourceRanges: []\n"), [5], id="empty-source-ranges"),
]

QUIET = [
    pytest.param(svc("  type: LoadBalancer\n  loadBalancerSourceRanges: [10.0.0.0/8]\n"), id="source-ranges"),
    pytest.param(svc("  type: ClusterIP\n"), id="cluster-ip"),
    pytest.param(svc(""), id="default-type"),
    pytest.param(svc("  type: LoadBalancer  # k8slint: ignore=KS211\n"), id="suppressed"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines, config=ON)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src, config=ON)


def test_off_by_default():
    quiet(RULE, svc("  type: LoadBalancer\n"))
