from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS213"
ON = {"rules": {RULE: "on"}}


def svc(spec: str) -> str:
    return f"apiVersion: v1\nkind: Service\nmetadata: {{name: db}}\nspec:\n{spec}"


FIRES = [
    pytest.param(svc("  type: ExternalName\n  externalName: db.example.com\n"), [5], id="external-name"),
    pytest.param(svc("  externalName: db.example.com\n  type: ExternalName\n"), [6], id="type-second"),
    pytest.param(svc("  type: ExternalName\n"), [5], id="without-target"),
]

QUIET = [
    pytest.param(svc("  ports: [{port: 5432}]\n"), id="cluster-ip"),
    pytest.param(svc("  type: NodePort\n  ports: [{port: 5432}]\n"), id="node-port"),
    pytest.param("apiVersion: example.com/v1\nkind: Service\nmetadata: {name: x}\nspec: {type: ExternalName}\n", id="custom-resource"),
    pytest.param(svc("  type: ExternalName  # k8slint: ignore=externalname-service-redirect\n"), id="suppressed"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines, config=ON)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src, config=ON)
