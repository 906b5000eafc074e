from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS189"
CONFIG = {"rules": {RULE: "on"}}


def role(rules: str, kind: str = "ClusterRole", ns: str = "shop") -> str:
    nsl = f"  namespace: {ns}\n" if kind == "Role" else ""
    return f"apiVersion: rbac.authorization.k8s.io/v1\nkind: {kind}\nmetadata:\n  name: r\n{nsl}rules:\n{rules}"


FIRES = [
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [services, endpoints]\n    verbs: [get, create, update]\n", "Role"), [8], id="services-and-endpoints"),
    pytest.param(role("  - apiGroups: [networking.k8s.io]\n    resources: [networkpolicies]\n    verbs: [delete]\n"), [7], id="network-policies"),
    pytest.param(role("  - apiGroups: [discovery.k8s.io]\n    resources: [endpointslices]\n    verbs: [\"*\"]\n"), [7], id="endpointslices-wildcard-verb"),
    pytest.param(role("  - apiGroups: [extensions, networking.k8s.io]\n    resources: [ingresses]\n    verbs: [patch]\n"), [7], id="ingresses"),
]

QUIET = [
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [services, endpoints]\n    verbs: [get, list, watch]\n"), id="read-only"),
    pytest.param(role("  - apiGroups: [serving.knative.dev]\n    resources: [services]\n    verbs: [create, update]\n"), id="near-miss-knative-services"),
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [services]\n    resourceNames: [web]\n    verbs: [update]\n"), id="resource-names"),
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [services/status]\n    verbs: [update]\n"), id="status-subresource"),
    pytest.param(role("  - apiGroups: [networking.k8s.io]\n    resources: [networkpolicies]  # k8slint: ignore=KSV056\n    verbs: [delete]\n"), id="suppressed"),
]


def test_off_by_default():
    quiet(RULE, role("  - apiGroups: [\"\"]\n    resources: [services]\n    verbs: [create]\n"))


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines, config=CONFIG)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src, config=CONFIG)

