import pytest

from linter.testing import fires, quiet


def wl(kind: str = "Deployment", replicas: str = "  replicas: 2\n", ns: str = "") -> str:
    meta = "{name: api" + (f", namespace: {ns}" if ns else "") + "}"
    return (f"apiVersion: apps/v1\nkind: {kind}\nmetadata: {meta}\nspec:\n{replicas}"
            "  selector: {matchLabels: {app: api}}\n  template:\n    metadata: {labels: {app: api}}\n"
            "    spec:\n      containers: [{name: api, image: x}]\n---\n")


def hpa(kind: str = "Deployment", name: str = "api") -> str:
    return (f"apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {{name: api}}\nspec:\n"
            f"  scaleTargetRef: {{apiVersion: apps/v1, kind: {kind}, name: {name}}}\n  maxReplicas: 5\n")


FIRES = [
    pytest.param(wl() + hpa(), [5], [3], id="deployment"),
    pytest.param(wl("StatefulSet") + hpa("StatefulSet"), [5], [3], id="statefulset"),
    pytest.param(wl(replicas="  replicas: 1\n", ns="default") + hpa(), [5], [3], id="explicit-default-namespace"),
]
QUIET = [
    pytest.param(wl(replicas="") + hpa(), id="no-replicas"),
    pytest.param(wl() + hpa(name="web"), id="hpa-targets-another"),
    pytest.param(wl() + hpa("StatefulSet"), id="hpa-targets-other-kind"),
    pytest.param(wl(ns="prod") + hpa(), id="hpa-in-other-namespace"),
    pytest.param(wl(replicas="  replicas: 2  # k8slint: ignore=KS314\n") + hpa(), id="suppressed"),
]


@pytest.mark.parametrize("src,lines,columns", FIRES)
def test_fires(src, lines, columns):
    fires("replicas-with-hpa", src, lines=lines, columns=columns)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet("replicas-with-hpa", src)
