from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS200"


def deploy(selector: str, labels: str, api: str = "apps/v1", kind: str = "Deployment") -> str:
    return f"""\
apiVersion: {api}
kind: {kind}
metadata: {{name: api}}
spec:
{selector}
  template:
    metadata:
      labels: {labels}
    spec:
      containers:
        - name: api
          image: example/api:1.0.0
"""


FIRES = [
    pytest.param(deploy("  selector:\n    matchLabels: {app: api}", "{app: web}"), [6], id="different-value"),
    pytest.param(deploy("  selector:\n    matchLabels: {app: api, tier: be}", "{app: api}"), [6], id="selector-key-missing-from-labels"),
    pytest.param(deploy("  selector:\n    matchExpressions:\n      - {key: app, operator: In, values: [web]}", "{app: api}"),
                 [6], id="match-expression-excludes"),
    pytest.param(deploy("  selector: {}", "{app: api}"), [5], id="empty-selector"),
    pytest.param(deploy("  selector:\n    matchLabels: {app: api}", "{app: web}", kind="StatefulSet"), [6], id="statefulset"),
    pytest.param(deploy("  selector: {app: api}", "{app: web}", api="v1", kind="ReplicationController"), [5],
                 id="replication-controller-map-selector"),
]

QUIET = [
    pytest.param(deploy("  selector:\n    matchLabels: {app: api}", "{app: api, tier: be}"), id="subset-matches"),
    pytest.param(deploy("  selector:\n    matchExpressions:\n      - {key: app, operator: Exists}", "{app: api}"), id="exists-expression"),
    pytest.param(deploy("  selector:\n    matchLabels: {app: '{{ .Release.Name }}'}", "{app: other}"), id="templated-selector"),
    pytest.param(deploy("  replicas: 1", "{app: api}", api="extensions/v1beta1"), id="old-api-defaults-selector"),
    pytest.param(deploy("  replicas: 1", "{app: api}"), id="missing-selector-left-to-kustomize"),
    pytest.param(deploy("  selector:\n    matchLabels: {app: api}", "{app: web}", api="example.com/v1"), id="custom-resource"),
    pytest.param(deploy("  selector:\n    matchLabels: {app: api}  # k8slint: ignore=KS200", "{app: web}"), id="suppressed"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src)


def test_require_selector_option():
    fires(RULE, deploy("  replicas: 1", "{app: api}"), lines=[4], config={"rules": {RULE: {"require-selector": True}}})
