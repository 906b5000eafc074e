from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS235"


def dep(spec: str) -> str:
    return (f"apiVersion: apps/v1\nkind: Deployment\nmetadata: {{name: api}}\nspec:\n{spec}"
            "  selector: {matchLabels: {app: api}}\n  template:\n    metadata: {labels: {app: api}}\n    spec: {containers: []}\n")


FIRES = [
    pytest.param(dep("  strategy:\n    rollingUpdate:\n      maxSurge: 0\n      maxUnavailable: 0\n"), [6], id="both-zero"),
    pytest.param(dep("  strategy:\n    rollingUpdate:\n      maxSurge: 0%\n      maxUnavailable: '0%'\n"), [6], id="both-zero-percent"),
    pytest.param(dep("  replicas: 3\n  strategy:\n    rollingUpdate:\n      maxUnavailable: 100%\n"), [8], id="all-unavailable-percent"),
    pytest.param(dep("  replicas: 3\n  strategy:\n    rollingUpdate:\n      maxUnavailable: 3\n"), [8], id="unavailable-equals-replicas"),
]

QUIET = [
    pytest.param(dep("  replicas: 3\n  strategy:\n    rollingUpdate: {maxSurge: 1, maxUnavailable: 1}\n"), id="sane"),
    pytest.param(dep("  strategy:\n    rollingUpdate: {maxUnavailable: 0}\n"), id="zero-unavailable-default-surge"),
    pytest.param(dep("  replicas: 1\n  strategy:\n    rollingUpdate: {maxUnavailable: 1}\n"), id="single-replica"),
    pytest.param(dep("  strategy:\n    type: Recreate\n"), id="recreate"),
    pytest.param(dep("  strategy:\n    rollingUpdate:  # k8slint: ignore=KS235\n      maxSurge: 0\n      maxUnavailable: 0\n"),
                 id="suppressed"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src)
