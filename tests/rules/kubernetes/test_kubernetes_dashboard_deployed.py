"""KS181 kubernetes-dashboard-deployed (off by default)."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS181"
CONFIG = {"rules": {RULE: "on"}}

POD = """\
    apiVersion: v1
    kind: Pod
    metadata: {{name: dash}}
    spec:
      containers:
        - name: dash
          image: {image}
    """

FIRES = [
    pytest.param(POD.format(image="kubernetesui/dashboard:v2.7.0"), [7], id="v2"),
    pytest.param(POD.format(image="docker.io/kubernetesui/dashboard-api:1.4.0"), [7], id="v3-api"),
    pytest.param(POD.format(image="k8s.gcr.io/kubernetes-dashboard-amd64:v1.10.1"), [7], id="v1-gcr"),
]

QUIET = [
    pytest.param(POD.format(image="kubernetesui/metrics-scraper:v1.0.8"), id="near-miss-metrics-scraper"),
    pytest.param(POD.format(image="example/dashboard:1.0"), id="near-miss-other-dashboard"),
    pytest.param(POD.format(image="grafana/grafana:11.1.0"), id="grafana"),
    pytest.param(POD.format(image="kubernetesui/dashboard:v2.7.0  # k8slint: ignore=KS181 -- internal"), id="suppressed"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines, config=CONFIG)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src, config=CONFIG)


def test_off_by_default():
    quiet(RULE, POD.format(image="kubernetesui/dashboard:v2.7.0"))
