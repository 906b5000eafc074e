import pytest

from linter.testing import fires, quiet

ON = {"rules": {"KS313": "on"}}


def wl(kind: str = "Deployment", replicas: str = "3") -> str:
    return (f"apiVersion: apps/v1\nkind: {kind}\nmetadata: {{name: api}}\nspec:\n  replicas: {replicas}\n"
            "  selector: {matchLabels: {app: api}}\n  template:\n    metadata: {labels: {app: api}}\n"
            "    spec:\n      containers: [{name: api, image: x}]\n")


PDB = "---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: api%s}\nspec:\n  maxUnavailable: 1\n  selector: %s\n"

FIRES = [
    pytest.param(wl(), [5], id="deployment-3-replicas"),
    pytest.param(wl("StatefulSet", "2"), [5], id="statefulset-2-replicas"),
    pytest.param(wl() + PDB % ("", "{matchLabels: {app: web}}"), [5], id="pdb-selects-other-pods"),
    pytest.param(wl() + PDB % (", namespace: x", "{matchLabels: {app: api}}"), [5], id="pdb-in-other-namespace"),
]
QUIET = [
    pytest.param(wl() + PDB % ("", "{matchLabels: {app: api}}"), id="pdb-selects-it"),
    pytest.param(wl(replicas="1"), id="single-replica-near-miss"),
    pytest.param(wl("DaemonSet"), id="daemonset"),
    pytest.param(wl().replace("replicas: 3", "replicas: 3  # k8slint: ignore=deployment-has-poddisruptionbudget"), id="suppressed"),
]


@pytest.mark.parametrize("src,lines", FIRES)
def test_fires(src, lines):
    fires("missing-pod-disruption-budget", src, lines=lines, config=ON)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet("missing-pod-disruption-budget", src, config=ON)
