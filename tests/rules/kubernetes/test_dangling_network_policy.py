import pytest

from linter.testing import fires, quiet

STS = """\
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  selector: {matchLabels: {app: postgres}}
  serviceName: db
  template:
    metadata: {labels: {app: postgres, role: primary}}
    spec:
      containers: [{name: db, image: "postgres:16.4"}]
"""


def np(selector: str) -> str:
    return f"apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {{name: db}}\nspec:\n  podSelector: {selector}\n  policyTypes: [Ingress]\n"


FIRES = [
    pytest.param(np("{matchLabels: {app: postgresql}}") + STS, [5], id="misspelt-label"),
    pytest.param(np("{matchExpressions: [{key: role, operator: In, values: [replica]}]}") + STS, [5], id="expression-in-no-match"),
    pytest.param(np("{matchExpressions: [{key: tier, operator: Exists}]}") + STS, [5], id="expression-exists-no-match"),
    pytest.param(np("{matchLabels: {app: postgres}, matchExpressions: [{key: role, operator: NotIn, values: [primary]}]}") + STS, [5],
                 id="labels-match-but-notin-excludes"),
]

QUIET = [
    pytest.param(np("{matchLabels: {app: postgres}}") + STS, id="labels-match"),
    pytest.param(np("{}") + STS, id="empty-selector-selects-all"),
    pytest.param(np("{matchExpressions: [{key: role, operator: In, values: [primary, replica]}]}") + STS, id="expression-in-matches"),
    pytest.param(np("{matchExpressions: [{key: tier, operator: DoesNotExist}]}") + STS, id="expression-does-not-exist-matches"),
    pytest.param(np("{matchLabels: {app: postgresql}}"), id="no-workload-in-run"),
    pytest.param(np("{matchLabels: {alertmanager: main}}") + STS + "---\napiVersion: monitoring.coreos.com/v1\nkind: Alertmanager\nmetadata: {name: main}\n",
                 id="operator-custom-resource"),
    pytest.param(np("{matchLabels: {app: postgresql}}  # k8slint: ignore=dangling-networkpolicy") + STS, id="suppressed-by-kube-linter-name"),
]


@pytest.mark.parametrize("src,lines", FIRES)
def test_fires(src, lines):
    fires("dangling-network-policy", src, lines=lines)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet("dangling-network-policy", src)
