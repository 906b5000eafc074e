from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS212"


def svc(spec: str) -> str:
    return f"apiVersion: v1\nkind: Service\nmetadata: {{name: api}}\nspec:\n  ports: [{{port: 80}}]\n{spec}"


FIRES = [
    pytest.param(svc("  externalIPs: [203.0.113.10]\n"), [6], id="one-external-ip"),
    pytest.param(svc("  type: NodePort\n  externalIPs:\n    - 198.51.100.1\n    - 198.51.100.2\n"), [7], id="several-ips"),
    pytest.param(svc("  type: LoadBalancer\n  externalIPs: ['10.0.0.5']\n"), [7], id="with-load-balancer"),
]

QUIET = [
    pytest.param(svc("  externalIPs: []\n"), id="empty-list"),
    pytest.param(svc("  type: LoadBalancer\n  loadBalancerIP: 203.0.113.10\n"), id="load-balancer-ip"),
    pytest.param(svc("  externalName: x\n"), id="no-external-ips"),
    pytest.param(svc("  externalIPs: [203.0.113.10]  # k8slint: ignore=service-external-ips\n"), id="suppressed"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src)
