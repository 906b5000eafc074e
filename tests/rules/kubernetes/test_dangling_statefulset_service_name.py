import pytest

from linter.testing import fires, quiet

STS = """\
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers: [{name: db, image: "postgres:16.4"}]
---
"""


def svc(name: str = "db", cluster_ip: str = "None", selector: str = "{app: db}") -> str:
    return f"apiVersion: v1\nkind: Service\nmetadata: {{name: {name}}}\nspec:\n  clusterIP: {cluster_ip}\n  selector: {selector}\n  ports: [{{port: 5432}}]\n"


FIRES = [
    pytest.param(STS + svc(name="db-headless"), "not a Service defined", id="missing-service"),
    pytest.param(STS + svc(cluster_ip="10.0.0.5"), "not headless", id="cluster-ip-service"),
    pytest.param(STS + svc().replace("  clusterIP: None\n", ""), "not headless", id="default-cluster-ip"),
    pytest.param(STS + svc(selector="{app: web}"), "does not select", id="selects-other-pods"),
]
QUIET = [
    pytest.param(STS + svc(), id="headless-and-selecting"),
    pytest.param(STS, id="no-service-in-run"),
    pytest.param(STS.replace("  serviceName: db\n", "") + svc(name="x"), id="no-service-name"),
    pytest.param(STS + svc(cluster_ip='"None"'), id="quoted-none"),
    pytest.param(STS.replace("serviceName: db", "serviceName: db  # k8slint: ignore=statefulset-has-servicename") + svc(name="x"),
                 id="suppressed"),
]


@pytest.mark.parametrize("src,text", FIRES)
def test_fires(src, text):
    (f,) = fires("dangling-statefulset-service-name", src, lines=[5], columns=[16])
    assert text in f.message


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet("dangling-statefulset-service-name", src)
