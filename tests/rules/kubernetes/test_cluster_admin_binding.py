from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS219"


def binding(ref: str, kind: str = "ClusterRoleBinding") -> str:
    return (f"apiVersion: rbac.authorization.k8s.io/v1\nkind: {kind}\nmetadata: {{name: b, namespace: shop}}\nroleRef:\n{ref}"
            "subjects:\n  - {kind: ServiceAccount, name: deployer, namespace: ci}\n")


FIRES = [
    pytest.param(binding("  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: cluster-admin\n"), [7], id="cluster-binding"),
    pytest.param(binding("  kind: ClusterRole\n  name: cluster-admin\n", "RoleBinding"), [6], id="namespace-binding"),
    pytest.param(binding("  name: cluster-admin\n  kind: ClusterRole\n"), [5], id="keys-reordered"),
]

QUIET = [
    pytest.param(binding("  kind: ClusterRole\n  name: edit\n"), id="edit-role"),
    pytest.param(binding("  kind: Role\n  name: cluster-admin\n", "RoleBinding"), id="namespaced-role-named-cluster-admin"),
    pytest.param(binding("  kind: ClusterRole\n  name: cluster-admin-readonly\n"), id="similar-name"),
    pytest.param(binding("  kind: ClusterRole\n  name: cluster-admin  # k8slint: ignore=cluster-admin-role-binding\n"), id="suppressed"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src)
