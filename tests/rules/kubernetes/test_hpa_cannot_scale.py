from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS167"


def hpa(spec: str, api: str = "autoscaling/v2") -> str:
    return (f"apiVersion: {api}\nkind: HorizontalPodAutoscaler\nmetadata: {{name: api}}\nspec:\n"
            f"  scaleTargetRef: {{apiVersion: apps/v1, kind: Deployment, name: api}}\n{spec}")


FIRES = [
    pytest.param(hpa("  minReplicas: 3\n  maxReplicas: 3\n"), [7], id="equal"),
    pytest.param(hpa("  minReplicas: 5\n  maxReplicas: 2\n"), [7], id="max-below-min"),
    pytest.param(hpa("  maxReplicas: 1\n"), [6], id="max-one-min-unset"),
    pytest.param(hpa("  minReplicas: 2\n  maxReplicas: 2\n", "autoscaling/v1"), [7], id="autoscaling-v1"),
]

QUIET = [
    pytest.param(hpa("  minReplicas: 3\n  maxReplicas: 4\n"), id="max-above-min"),
    pytest.param(hpa("  maxReplicas: 2\n"), id="min-unset-max-two"),
    pytest.param(hpa("  minReplicas: '{{ .Values.min }}'\n  maxReplicas: 3\n"), id="templated"),
    pytest.param(hpa("  minReplicas: 3\n  maxReplicas: 3\n", "example.com/v1"), id="other-group"),
    pytest.param(hpa("  minReplicas: 3\n  maxReplicas: 3  # k8slint: ignore=hpaMaxAvailability\n"), id="suppressed-by-polaris-id"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src)
