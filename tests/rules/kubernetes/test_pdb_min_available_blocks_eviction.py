from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS158"


def pdb(min_available: str, selector: str = "{matchLabels: {app: api}}") -> str:
    return (f"apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {{name: api}}\nspec:\n"
            f"  minAvailable: {min_available}\n  selector: {selector}\n")


def deploy(replicas: str | None, kind: str = "Deployment", labels: str = "{app: api}") -> str:
    rep = f"  replicas: {replicas}\n" if replicas is not None else ""
    return (f"---\napiVersion: apps/v1\nkind: {kind}\nmetadata: {{name: api}}\nspec:\n{rep}"
            f"  selector: {{matchLabels: {labels}}}\n  template:\n    metadata: {{labels: {labels}}}\n"
            f"    spec:\n      containers: [{{name: api, image: 'api:1.4.2'}}]\n")


def hpa(min_replicas: str | None) -> str:
    low = f"  minReplicas: {min_replicas}\n" if min_replicas is not None else ""
    return ("---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: api}\nspec:\n"
            f"  scaleTargetRef: {{apiVersion: apps/v1, kind: Deployment, name: api}}\n{low}  maxReplicas: 10\n")


FIRES = [
    pytest.param(pdb("2") + deploy("2"), [5], id="equal-to-replicas"),
    pytest.param(pdb("3") + deploy("2"), [5], id="above-replicas"),
    pytest.param(pdb("1") + deploy(None), [5], id="replicas-unset-counts-one"),
    pytest.param(pdb("'80%'") + deploy("2"), [5], id="percentage-rounds-up-to-all"),
    pytest.param(pdb("2") + deploy("5") + hpa("2"), [5], id="hpa-min-replicas-wins"),
    pytest.param(pdb("1") + deploy("3") + hpa(None), [5], id="hpa-min-replicas-defaults-to-one"),
    pytest.param(pdb("2") + deploy("2", "StatefulSet"), [5], id="statefulset"),
]

QUIET = [
    pytest.param(pdb("2") + deploy("3"), id="room-for-one-eviction"),
    pytest.param(pdb("'50%'") + deploy("3"), id="percentage-below-all"),
    pytest.param(pdb("'100%'") + deploy("3"), id="hundred-percent-is-ks237"),
    pytest.param(pdb("2") + deploy("1", labels="{app: web}"), id="selects-another-app"),
    pytest.param(pdb("2"), id="no-workload-in-run"),
    pytest.param(pdb("2") + deploy("2", "DaemonSet"), id="daemonset-not-judged"),
    pytest.param(pdb("2") + deploy("'{{ .Values.replicas }}'"), id="templated-replicas"),
    pytest.param(pdb("2") + deploy("1") + hpa("3"), id="hpa-min-above-min-available"),
    pytest.param("apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: api}\nspec:\n  maxUnavailable: 0\n"
                 "  selector: {matchLabels: {app: api}}\n" + deploy("1"), id="max-unavailable-only"),
    pytest.param(pdb("2  # k8slint: ignore=pdb-min-available") + deploy("2"), id="suppressed-by-kube-linter-name"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src)
