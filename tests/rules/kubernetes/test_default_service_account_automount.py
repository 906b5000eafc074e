from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS204"
ON = {"rules": {RULE: "on"}}

FIRES = [
    pytest.param("apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: default\n", [4], id="default-without-setting"),
    pytest.param("apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: default}\nautomountServiceAccountToken: true\n", [4],
                 id="default-explicitly-true"),
    pytest.param("apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: default\n  namespace: shop\n", [4], id="default-in-namespace"),
]

QUIET = [
    pytest.param("apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: default}\nautomountServiceAccountToken: false\n",
                 id="default-disabled"),
    pytest.param("apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: api}\n", id="other-account"),
    pytest.param("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: default}\n", id="other-kind-named-default"),
    pytest.param("apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: default  # k8slint: ignore=CKV_K8S_41\n", id="suppressed"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines, config=ON)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src, config=ON)
