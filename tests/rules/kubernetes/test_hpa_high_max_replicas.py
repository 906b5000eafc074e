from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS247"
ON = {"rules": {RULE: "on"}}


def hpa(spec: str) -> str:
    return (f"apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {{name: api}}\nspec:\n"
            f"  scaleTargetRef: {{apiVersion: apps/v1, kind: Deployment, name: api}}\n{spec}")


FIRES = [
    pytest.param(hpa("  maxReplicas: 500\n"), [6], ON, id="five-hundred"),
    pytest.param(hpa("  minReplicas: 2\n  maxReplicas: 101\n"), [7], ON, id="just-over"),
    pytest.param(hpa("  maxReplicas: 30\n"), [6], {"rules": {RULE: {"max-replicas": 20}}}, id="configured-limit"),
]

QUIET = [
    pytest.param(hpa("  maxReplicas: 100\n"), ON, id="at-limit"),
    pytest.param(hpa("  maxReplicas: '{{ .Values.max }}'\n"), ON, id="templated"),
    pytest.param(hpa(""), ON, id="unset"),
    pytest.param(hpa("  maxReplicas: 500  # k8slint: ignore=hpa-maximum-replicas\n"), ON, id="suppressed"),
]


@pytest.mark.parametrize("src, lines, config", FIRES)
def test_fires(src, lines, config):
    fires(RULE, src, lines=lines, config=config)


@pytest.mark.parametrize("src, config", QUIET)
def test_quiet(src, config):
    quiet(RULE, src, config=config)
