from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS236"
ON = {"rules": {RULE: "on"}}
THREE = {"rules": {RULE: {"min-replicas": 3}}}


def hpa(spec: str, api: str = "autoscaling/v2") -> str:
    return (f"apiVersion: {api}\nkind: HorizontalPodAutoscaler\nmetadata: {{name: api}}\nspec:\n"
            f"  scaleTargetRef: {{apiVersion: apps/v1, kind: Deployment, name: api}}\n{spec}  maxReplicas: 10\n")


FIRES = [
    pytest.param(hpa("  minReplicas: 1\n"), [6], ON, id="one"),
    pytest.param(hpa(""), [4], ON, id="unset-defaults-to-one"),
    pytest.param(hpa("  minReplicas: 2\n", "autoscaling/v1"), [6], THREE, id="two-below-three"),
]

QUIET = [
    pytest.param(hpa("  minReplicas: 2\n"), ON, id="two"),
    pytest.param(hpa("  minReplicas: 3\n"), THREE, id="three-configured"),
    pytest.param("apiVersion: keda.sh/v1alpha1\nkind: HorizontalPodAutoscaler\nmetadata: {name: x}\nspec: {minReplicas: 0}\n", ON,
                 id="other-api-group"),
    pytest.param(hpa("  minReplicas: 1  # k8slint: ignore=hpa-minimum-three-replicas\n"), ON, id="suppressed"),
]


@pytest.mark.parametrize("src, lines, config", FIRES)
def test_fires(src, lines, config):
    fires(RULE, src, lines=lines, config=config)


@pytest.mark.parametrize("src, config", QUIET)
def test_quiet(src, config):
    quiet(RULE, src, config=config)
