import pytest

from linter.testing import fires, quiet

DEPLOY = """\
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers: [{name: api, image: "example/api:1.2.0"}]
"""


def hpa(ref: str, ns: str = "") -> str:
    meta = "{name: api" + (f", namespace: {ns}" if ns else "") + "}"
    return f"apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {meta}\nspec:\n  scaleTargetRef: {ref}\n  maxReplicas: 5\n"


FIRES = [
    pytest.param(hpa("{apiVersion: apps/v1, kind: Deployment, name: api-server}") + DEPLOY, [5], id="misspelt-name"),
    pytest.param(hpa("{apiVersion: apps/v1, kind: Deployment, name: api}", ns="prod") + DEPLOY.replace("name: api}", "name: web, namespace: prod}"),
                 [5], id="target-in-other-namespace"),
    pytest.param(hpa("{apiVersion: apps/v1, kind: Deployment, name: other}", ns="default") + DEPLOY, [5], id="explicit-default-namespace"),
]

QUIET = [
    pytest.param(hpa("{apiVersion: apps/v1, kind: Deployment, name: api}") + DEPLOY, id="target-exists"),
    pytest.param(hpa("{apiVersion: apps/v1, kind: Deployment, name: api}", ns="default") + DEPLOY, id="unset-namespace-is-default"),
    pytest.param(hpa("{apiVersion: apps/v1, kind: StatefulSet, name: api}") + DEPLOY, id="no-object-of-target-kind-in-run"),
    pytest.param(hpa("{apiVersion: apps/v1, kind: Deployment, name: gone}"), id="hpa-alone"),
    pytest.param(hpa("{apiVersion: apps/v1, kind: Deployment}") + DEPLOY, id="no-name"),
    pytest.param(hpa("{apiVersion: apps/v1, kind: Deployment, name: gone}  # k8slint: ignore=KS303") + DEPLOY, id="suppressed"),
]


@pytest.mark.parametrize("src,lines", FIRES)
def test_fires(src, lines):
    fires("dangling-horizontal-pod-autoscaler", src, lines=lines)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet("dangling-horizontal-pod-autoscaler", src)
