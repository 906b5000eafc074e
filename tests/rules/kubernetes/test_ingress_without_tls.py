from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS216"
ON = {"rules": {RULE: "on"}}


def ing(spec: str) -> str:
    return f"apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {{name: web}}\nspec:\n{spec}"


FIRES = [
    pytest.param(ing("  rules: [{host: web.example.com}]\n"), [4], id="no-tls"),
    pytest.param(ing("  tls: []\n  rules: [{host: web.example.com}]\n"), [5], id="empty-tls"),
    pytest.param(ing("  defaultBackend: {service: {name: web, port: {number: 80}}}\n"), [4], id="default-backend-only"),
]

QUIET = [
    pytest.param(ing("  tls: [{hosts: [web.example.com], secretName: web-tls}]\n  rules: [{host: web.example.com}]\n"), id="tls"),
    pytest.param(ing("  tls:\n    - hosts: [web.example.com]\n"), id="tls-default-certificate"),
    pytest.param("apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web}\n", id="no-spec"),
    pytest.param(ing("  tls: []  # k8slint: ignore=tlsSettingsMissing\n"), id="suppressed"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines, config=ON)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src, config=ON)
