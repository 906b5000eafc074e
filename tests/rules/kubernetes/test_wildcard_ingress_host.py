from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS217"
ON = {"rules": {RULE: "on"}}


def ing(rules: str) -> str:
    return f"apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {{name: web}}\nspec:\n  rules:\n{rules}"


FIRES = [
    pytest.param(ing("    - host: '*.example.com'\n"), [6], id="subdomain-wildcard"),
    pytest.param(ing("    - host: shop.example.com\n    - host: '*'\n"), [7], id="bare-star-second"),
    pytest.param(ing("    - host: '*.a.example.com'\n    - host: '*.b.example.com'\n"), [6, 7], id="two-wildcards"),
]

QUIET = [
    pytest.param(ing("    - host: shop.example.com\n"), id="exact-host"),
    pytest.param(ing("    - http: {paths: []}\n"), id="no-host"),
    pytest.param(ing("    - host: shop.example.com  # *.example.com is elsewhere\n"), id="star-only-in-comment"),
    pytest.param(ing("    - host: '*.example.com'  # k8slint: ignore=KS217\n"), id="suppressed"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines, config=ON)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src, config=ON)
