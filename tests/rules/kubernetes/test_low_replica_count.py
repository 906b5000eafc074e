from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS232"
ON = {"rules": {RULE: "on"}}
THREE = {"rules": {RULE: {"min-replicas": 3}}}


def wl(spec: str, kind: str = "Deployment") -> str:
    return (f"apiVersion: apps/v1\nkind: {kind}\nmetadata: {{name: api}}\nspec:\n{spec}"
            "  selector: {matchLabels: {app: api}}\n  template:\n    metadata: {labels: {app: api}}\n    spec: {containers: []}\n")


FIRES = [
    pytest.param(wl("  replicas: 1\n"), [5], ON, id="one-replica"),
    pytest.param(wl("  replicas: 1\n", "StatefulSet"), [5], ON, id="statefulset"),
    pytest.param(wl("  replicas: 2\n"), [5], THREE, id="two-below-configured-three"),
]

QUIET = [
    pytest.param(wl("  replicas: 2\n"), ON, id="two-replicas"),
    pytest.param(wl(""), ON, id="unset-for-autoscaler"),
    pytest.param(wl("  replicas: 0\n"), ON, id="scaled-to-zero"),
    pytest.param(wl("  replicas: '{{ .Values.replicas }}'\n"), ON, id="templated"),
    pytest.param(wl("", "DaemonSet"), ON, id="daemonset"),
    pytest.param(wl("  replicas: 1  # k8slint: ignore=minimum-three-replicas\n"), ON, id="suppressed"),
]


@pytest.mark.parametrize("src, lines, config", FIRES)
def test_fires(src, lines, config):
    fires(RULE, src, lines=lines, config=config)


@pytest.mark.parametrize("src, config", QUIET)
def test_quiet(src, config):
    quiet(RULE, src, config=config)


def test_off_by_default():
    quiet(RULE, wl("  replicas: 1\n"))
