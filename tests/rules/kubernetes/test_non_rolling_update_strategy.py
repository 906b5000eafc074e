from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS234"
ON = {"rules": {RULE: "on"}}


def wl(spec: str, kind: str = "Deployment") -> str:
    return (f"apiVersion: apps/v1\nkind: {kind}\nmetadata: {{name: api}}\nspec:\n{spec}"
            "  selector: {matchLabels: {app: api}}\n  template:\n    metadata: {labels: {app: api}}\n    spec: {containers: []}\n")


FIRES = [
    pytest.param(wl("  strategy: {type: Recreate}\n"), [5], id="recreate"),
    pytest.param(wl("  updateStrategy:\n    type: OnDelete\n", "StatefulSet"), [6], id="statefulset-on-delete"),
    pytest.param(wl("  updateStrategy: {type: OnDelete}\n", "DaemonSet"), [5], id="daemonset-on-delete"),
]

QUIET = [
    pytest.param(wl("  strategy: {type: RollingUpdate}\n"), id="rolling-update"),
    pytest.param(wl(""), id="default-strategy"),
    pytest.param(wl("  updateStrategy: {type: Recreate}\n", "StatefulSet"), id="invalid-type-for-statefulset"),
    pytest.param(wl("  strategy: {type: Recreate}  # k8slint: ignore=deployment-strategy\n"), id="suppressed"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines, config=ON)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src, config=ON)
