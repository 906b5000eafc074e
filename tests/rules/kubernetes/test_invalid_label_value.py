from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS160"


def cm(labels: str) -> str:
    return f"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  labels:\n{labels}"


DEPLOY = """\
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, labels: {app: api}}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata:
      labels:
        app: api
        owner: "team/payments"
    spec:
      containers: [{name: api, image: "api:1.4.2"}]
"""

FIRES = [
    pytest.param(cm("    version: 1.4.2+build.7\n"), [6], id="plus-sign"),
    pytest.param(cm("    app: api\n    team: \"payments team\"\n"), [7], id="space"),
    pytest.param(cm("    ends: \"value-\"\n"), [6], id="ends-with-dash"),
    pytest.param(cm(f"    long: {'a' * 64}\n"), [6], id="sixty-four-characters"),
    pytest.param(DEPLOY, [10], id="pod-template-label"),
]

QUIET = [
    pytest.param(cm("    version: 1.4.2-build.7\n    empty: \"\"\n    under: a_b.c\n"), id="valid-values"),
    pytest.param(cm(f"    long: {'a' * 63}\n"), id="sixty-three-characters"),
    pytest.param(cm("    version: \"{{ .Chart.Version }}\"\n"), id="helm-template-expression"),
    pytest.param(cm("    enabled: true\n    replicas: 3\n"), id="non-string-values"),
    pytest.param(cm("    version: 1.4.2+build.7  # k8slint: ignore=label-values\n"), id="suppressed-by-kube-score-id"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src)
