from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS245"
CONFIG = {"rules": {RULE: "on"}}


def role(rules: str, kind: str = "ClusterRole", extra: str = "") -> str:
    ns = "  namespace: shop\n" if kind in ("Role", "RoleBinding") else ""
    return f"apiVersion: rbac.authorization.k8s.io/v1\nkind: {kind}\nmetadata:\n  name: r\n{ns}{extra}rules:\n{rules}"


FIRES = [
    pytest.param(role("  - apiGroups: [certificates.k8s.io]\n    resources: [signers]\n    verbs: [approve]\n"), [8], id="any-signer"),
    pytest.param(role("  - apiGroups: [certificates.k8s.io]\n    resources: [certificatesigningrequests/approval]\n    verbs: [update]\n"), [7], id="approval-subresource"),
    pytest.param(role("  - apiGroups: [\"*\"]\n    resources: [\"*\"]\n    verbs: [approve]\n"), [8], id="wildcard-resources"),
    pytest.param(role("  - apiGroups: [certificates.k8s.io]\n    resources: [signers]\n    verbs: [\"*\"]\n"), [8], id="wildcard-verbs-on-signers")
]

QUIET = [
    pytest.param(role("  - apiGroups: [certificates.k8s.io]\n    resources: [signers]\n    resourceNames: [example.com/serving]\n    verbs: [approve]\n"), id="named-signer"),
    pytest.param(role("  - apiGroups: [certificates.k8s.io]\n    resources: [certificatesigningrequests]\n    verbs: [create, get]\n"), id="create-csr"),
    pytest.param(role("  - apiGroups: [certificates.k8s.io]\n    resources: [signers]\n    verbs: [sign]\n"), id="sign-verb"),
    pytest.param(role("  - apiGroups: [metrics.k8s.io]\n    resources: [\"*\"]\n    verbs: [\"*\"]\n"), id="wildcards-in-other-group"),
    pytest.param(role("  - apiGroups: [\"*\"]\n    resources: [\"*\"]\n    verbs: [\"*\"]\n"), id="full-wildcard-left-to-KS220"),
    pytest.param(role("  - apiGroups: [certificates.k8s.io]\n    resources: [signers]\n    verbs: [approve]  # k8slint: ignore=CKV_K8S_156\n"), id="suppressed")
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines, config=CONFIG)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src, config=CONFIG)
