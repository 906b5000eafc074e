from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS205"


def binding(subjects: str, kind: str = "RoleBinding") -> str:
    return f"""\
apiVersion: rbac.authorization.k8s.io/v1
kind: {kind}
metadata: {{name: reader, namespace: shop}}
roleRef: {{apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}}
subjects:
{subjects}"""


FIRES = [
    pytest.param(binding("  - kind: ServiceAccount\n    name: default\n"), [7], id="rolebinding-default"),
    pytest.param(binding("  - kind: ServiceAccount\n    name: default\n    namespace: kube-system\n", "ClusterRoleBinding"), [7],
                 id="clusterrolebinding-default"),
    pytest.param(binding("  - {kind: User, name: jane}\n  - kind: ServiceAccount\n    name: default\n"), [8], id="second-subject"),
]

QUIET = [
    pytest.param(binding("  - kind: ServiceAccount\n    name: reporter\n"), id="dedicated-account"),
    pytest.param(binding("  - kind: User\n    name: default\n"), id="user-named-default"),
    pytest.param(binding("  - kind: Group\n    name: system:serviceaccounts\n"), id="group-subject"),
    pytest.param("apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: x}\nsubjects: null\n", id="no-subjects"),
    pytest.param(binding("  - kind: ServiceAccount\n    name: default  # k8slint: ignore=KS205\n"), id="suppressed"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src)
