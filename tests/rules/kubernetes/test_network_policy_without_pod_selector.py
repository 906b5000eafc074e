from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS192"
ON = {"rules": {RULE: "on"}}


def np(spec: str) -> str:
    return f"apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: np\n  namespace: shop\nspec:\n{spec}"


FIRES = [
    pytest.param(np("  policyTypes: [Ingress]\n  ingress:\n    - from:\n        - ipBlock: {cidr: 10.0.0.0/8}\n"), [6], id="ip-block-only"),
    pytest.param(np("  policyTypes: [Egress]\n  egress:\n    - ports: [{port: 53, protocol: UDP}]\n"), [6], id="egress-ports-only"),
    pytest.param(np("  policyTypes: [Ingress, Egress]\n"), [6], id="policy-types-only"),
]

QUIET = [
    pytest.param(np("  podSelector: {}\n  policyTypes: [Ingress]\n"), id="empty-pod-selector"),
    pytest.param(np("  podSelector: {matchLabels: {app: web}}\n  ingress:\n    - from:\n        - ipBlock: {cidr: 10.0.0.0/8}\n"), id="pod-selector"),
    pytest.param(np("  policyTypes: [Ingress]\n  ingress:\n    - from:\n        - namespaceSelector: {matchLabels: {team: a}}\n"), id="near-miss-peer-selector"),
    pytest.param(np("  policyTypes: [Egress]\n  egress:\n    - to:\n        - podSelector: {matchLabels: {app: db}}\n"), id="egress-peer-selector"),
    pytest.param(np("  policyTypes: [Ingress]\n").replace("spec:", "spec:  # k8slint: ignore=KSV038"), id="suppressed"),
    pytest.param("apiVersion: crd.projectcalico.org/v1\nkind: NetworkPolicy\nmetadata: {name: np}\nspec:\n  selector: all()\n", id="calico-policy"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines, config=ON)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src, config=ON)


def test_off_by_default():
    quiet(RULE, np("  policyTypes: [Ingress]\n"))


def test_kustomize_patch_file_is_skipped():
    quiet(RULE, np("  policyTypes: [Ingress]\n"), config=ON, path="np-patch.yaml")
