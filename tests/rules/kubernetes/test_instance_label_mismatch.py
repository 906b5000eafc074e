from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS172"
ON = {"rules": {RULE: "on"}}


def deploy(labels: str, kind: str = "Deployment") -> str:
    return (f"apiVersion: apps/v1\nkind: {kind}\nmetadata:\n  name: api\n  labels: {labels}\nspec:\n"
            "  selector: {matchLabels: {app: api}}\n  template:\n    metadata: {labels: {app: api}}\n"
            "    spec:\n      containers: [{name: api, image: 'api:1.4.2'}]\n")


FIRES = [
    pytest.param(deploy("{app.kubernetes.io/instance: web}"), [5], id="other-name"),
    pytest.param(deploy("{app.kubernetes.io/instance: api-prod}"), [5], id="suffix"),
    pytest.param(deploy("{app.kubernetes.io/instance: web}", "StatefulSet"), [5], id="statefulset"),
]

QUIET = [
    pytest.param(deploy("{app.kubernetes.io/instance: api}"), id="matches-name"),
    pytest.param(deploy("{app: api}"), id="label-absent"),
    pytest.param("apiVersion: v1\nkind: Service\nmetadata:\n  name: api\n  labels: {app.kubernetes.io/instance: web}\nspec: {ports: [{port: 80}]}\n",
                 id="not-a-workload"),
    pytest.param(deploy("{app.kubernetes.io/instance: '{{ .Release.Name }}'}"), id="templated"),
    pytest.param(deploy("{app.kubernetes.io/instance: web}  # k8slint: ignore=metadataAndInstanceMismatched"), id="suppressed"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines, config=ON)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src, config=ON)


def test_off_by_default():
    quiet(RULE, deploy("{app.kubernetes.io/instance: web}"))
