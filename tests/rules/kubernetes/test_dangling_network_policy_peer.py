import pytest

from linter.testing import fires, quiet

API = """\
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api, tier: back}}
    spec:
      containers: [{name: api, image: x}]
"""


def np(rules: str) -> str:
    return f"apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {{name: p}}\nspec:\n  podSelector: {{}}\n{rules}"


FIRES = [
    pytest.param(np("  ingress:\n    - from: [{podSelector: {matchLabels: {app: api-server}}}]\n") + API, [7], id="ingress-peer"),
    pytest.param(np("  egress:\n    - to: [{podSelector: {matchLabels: {app: db}}}]\n") + API, [7], id="egress-peer"),
    pytest.param(np("  ingress:\n    - from:\n        - podSelector: {matchLabels: {app: api}}\n        - podSelector: {matchLabels: {tier: front}}\n")
                 + API, [9], id="second-peer"),
]
QUIET = [
    pytest.param(np("  ingress:\n    - from: [{podSelector: {matchLabels: {app: api}}}]\n") + API, id="matching-peer"),
    pytest.param(np("  ingress:\n    - from: [{podSelector: {matchLabels: {app: x}}, namespaceSelector: {}}]\n") + API,
                 id="with-namespace-selector"),
    pytest.param(np("  ingress:\n    - from: [{podSelector: {}}]\n") + API, id="empty-selector"),
    pytest.param(np("  ingress:\n    - from: [{ipBlock: {cidr: 10.0.0.0/8}}]\n") + API, id="ip-block"),
    pytest.param(np("  ingress:\n    - from: [{podSelector: {matchLabels: {app: x}}}]\n"), id="no-workloads-in-run"),
    pytest.param(np("  ingress:\n    - from: [{podSelector: {matchLabels: {app: x}}}]  # k8slint: ignore=KS316\n") + API, id="suppressed"),
]


@pytest.mark.parametrize("src,lines", FIRES)
def test_fires(src, lines):
    fires("dangling-network-policy-peer", src, lines=lines)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet("dangling-network-policy-peer", src)
