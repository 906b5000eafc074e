from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS210"
ON = {"rules": {RULE: "on"}}
REQUIRE = {"rules": {RULE: {"require-namespace": True}}}


def obj(kind: str, meta: str, api: str = "v1") -> str:
    return f"apiVersion: {api}\nkind: {kind}\nmetadata:\n{meta}"


FIRES = [
    pytest.param(obj("ConfigMap", "  name: api\n  namespace: default\n"), [5], ON, id="configmap-in-default"),
    pytest.param(obj("Deployment", "  name: api\n  namespace: default\n", "apps/v1"), [5], ON, id="deployment-in-default"),
    pytest.param(obj("RoleBinding", "  name: r\n  namespace: default\n", "rbac.authorization.k8s.io/v1"), [5], ON, id="rolebinding"),
    pytest.param(obj("Service", "  name: api\n"), [3], REQUIRE, id="missing-namespace-when-required"),
]

QUIET = [
    pytest.param(obj("ConfigMap", "  name: api\n  namespace: shop\n"), ON, id="own-namespace"),
    pytest.param(obj("ConfigMap", "  name: api\n"), ON, id="no-namespace-by-default"),
    pytest.param(obj("ServiceAccount", "  name: default\n  namespace: default\n"), REQUIRE, id="default-service-account"),
    pytest.param(obj("Service", "  name: kubernetes\n  namespace: default\n"), REQUIRE, id="kubernetes-service"),
    pytest.param(obj("ClusterRole", "  name: x\n", "rbac.authorization.k8s.io/v1"), REQUIRE, id="cluster-scoped"),
    pytest.param(obj("ConfigMap", "  name: api\n  namespace: default  # k8slint: ignore=use-namespace\n"), ON, id="suppressed"),
]


@pytest.mark.parametrize("src, lines, config", FIRES)
def test_fires(src, lines, config):
    fires(RULE, src, lines=lines, config=config)


@pytest.mark.parametrize("src, config", QUIET)
def test_quiet(src, config):
    quiet(RULE, src, config=config)


def test_off_by_default():
    quiet(RULE, obj("ConfigMap", "  name: api\n  namespace: default\n"))
