from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS166"
ON = {"rules": {RULE: "on"}}


def route(tls: str, api: str = "route.openshift.io/v1") -> str:
    return f"apiVersion: {api}\nkind: Route\nmetadata: {{name: web}}\nspec:\n  to: {{kind: Service, name: web}}\n{tls}"


FIRES = [
    pytest.param(route("  tls: {termination: edge, insecureEdgeTerminationPolicy: Allow}\n"), [6], id="edge-allow"),
    pytest.param(route("  tls:\n    termination: reencrypt\n    insecureEdgeTerminationPolicy: Allow\n"), [8], id="reencrypt-allow"),
    pytest.param(route("  tls:\n    termination: edge\n    insecureEdgeTerminationPolicy: Allow\n", "route.openshift.io/v1beta1"), [8],
                 id="other-version"),
]

QUIET = [
    pytest.param(route("  tls: {termination: edge, insecureEdgeTerminationPolicy: Redirect}\n"), id="redirect"),
    pytest.param(route("  tls: {termination: edge, insecureEdgeTerminationPolicy: None}\n"), id="none"),
    pytest.param(route("  tls: {termination: edge}\n"), id="unset"),
    pytest.param(route(""), id="plain-http-route-without-tls"),
    pytest.param(route("  tls: {termination: edge, insecureEdgeTerminationPolicy: Allow}\n", "example.com/v1"), id="other-group"),
    pytest.param(route("  tls: {termination: edge, insecureEdgeTerminationPolicy: Allow}  # k8slint: ignore=KS166\n"), id="suppressed"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines, config=ON)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src, config=ON)


def test_off_by_default():
    quiet(RULE, route("  tls: {termination: edge, insecureEdgeTerminationPolicy: Allow}\n"))
