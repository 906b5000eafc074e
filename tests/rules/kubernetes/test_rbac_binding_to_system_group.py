"""KS182 rbac-binding-to-system-group."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS182"


def binding(subjects: str, role: str = "view", kind: str = "ClusterRoleBinding") -> str:
    ns = "  namespace: shop\n" if kind == "RoleBinding" else ""
    return (f"apiVersion: rbac.authorization.k8s.io/v1\nkind: {kind}\nmetadata:\n  name: b\n{ns}"
            f"roleRef: {{apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: {role}}}\nsubjects:\n{subjects}")


FIRES = [
    pytest.param(binding("  - {kind: Group, apiGroup: rbac.authorization.k8s.io, name: 'system:authenticated'}\n"), [7], id="authenticated"),
    pytest.param(binding("  - kind: User\n    apiGroup: rbac.authorization.k8s.io\n    name: system:anonymous\n", kind="RoleBinding"),
                 [10], id="anonymous-user-in-rolebinding"),
    pytest.param(binding("  - {kind: ServiceAccount, name: app, namespace: shop}\n"
                         "  - {kind: Group, name: 'system:unauthenticated'}\n"
                         "  - {kind: Group, name: 'system:masters'}\n", role="edit"), [8, 9], id="two-of-three-subjects"),
]

QUIET = [
    pytest.param(binding("  - {kind: Group, name: sre}\n"), id="named-group"),
    pytest.param(binding("  - {kind: User, name: 'system:anonymous-reader'}\n"), id="near-miss-similar-name"),
    pytest.param(binding("  - {kind: ServiceAccount, name: system:authenticated, namespace: shop}\n"),
                 id="near-miss-service-account-kind"),
    pytest.param(binding("  - {kind: Group, name: 'system:authenticated'}\n  - {kind: Group, name: 'system:unauthenticated'}\n",
                         role="system:public-info-viewer"), id="default-public-info-viewer"),
    pytest.param(binding("  - {kind: Group, name: 'system:authenticated'}  # k8slint: ignore=KSV01011 -- lab\n"), id="suppressed-by-trivy-id"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src)


def test_bad_input_does_not_crash():
    quiet(RULE, binding("  - just-a-string\n  - null\n"))
    quiet(RULE, "apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: b}\nroleRef: x\nsubjects: 3\n")
