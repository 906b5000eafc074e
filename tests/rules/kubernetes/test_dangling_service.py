import pytest

from linter.testing import fires, quiet

DEPLOY = """\
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web, tier: front}}
    spec:
      containers: [{name: web, image: "nginx:1.27"}]
"""


def svc(selector: str, ns: str = "shop", extra: str = "") -> str:
    return f"""\
apiVersion: v1
kind: Service
metadata: {{name: web, namespace: {ns}}}
spec:
  selector: {selector}
  ports: [{{port: 80}}]
{extra}---
"""


FIRES = [
    pytest.param(svc("{app: webb}") + DEPLOY, [5], id="misspelt-label-value"),
    pytest.param(svc("{app: web, tier: back}") + DEPLOY, [5], id="one-label-of-two-differs"),
    pytest.param(svc("{app: web}", ns="default") + DEPLOY.replace("namespace: shop", "namespace: default").replace("app: web,", "app: api,"), [5],
                 id="default-namespace-explicit"),
    pytest.param(svc("{app: web}", ns="other") + DEPLOY + DEPLOY.replace("namespace: shop", "namespace: other").replace("app: web,", "app: x,"),
                 [5], id="matching-pods-only-in-another-namespace"),
]

QUIET = [
    pytest.param(svc("{app: web}") + DEPLOY, id="selector-matches"),
    pytest.param(svc("{app: web, tier: front}") + DEPLOY, id="selector-matches-all-labels"),
    pytest.param(svc("{app: nope}", ns="elsewhere") + DEPLOY, id="no-workload-in-namespace"),
    pytest.param("apiVersion: v1\nkind: Service\nmetadata: {name: db}\nspec:\n  type: ExternalName\n  externalName: db.example.com\n---\n" + DEPLOY,
                 id="externalname-without-selector"),
    pytest.param(svc("{app: web}").replace("namespace: shop", "namespace: default") + DEPLOY.replace("namespace: shop", "namespace: x").replace(
        "name: web, namespace: x", "name: web"), id="unset-namespace-is-default"),
    pytest.param(svc("{app: web, statefulset.kubernetes.io/pod-name: web-0}") + DEPLOY, id="controller-set-label-ignored"),
    pytest.param(svc("{prometheus: k8s}") + DEPLOY + "---\napiVersion: monitoring.coreos.com/v1\nkind: Prometheus\n"
                 "metadata: {name: k8s, namespace: shop}\n", id="pods-of-an-operator-custom-resource-by-name"),
    pytest.param(svc("{app.kubernetes.io/name: am}") + DEPLOY + "---\napiVersion: monitoring.coreos.com/v1\nkind: Alertmanager\n"
                 "metadata: {name: main, namespace: shop, labels: {app.kubernetes.io/name: am}}\n", id="pods-of-an-operator-custom-resource-by-labels"),
    pytest.param(svc("{app: webb}").replace("metadata: {name: web, namespace: shop}",
                 "metadata:\n  name: web\n  namespace: shop\n  annotations: {k8slint.io/ignore: dangling-service}") + DEPLOY,
                 id="suppressed-by-annotation"),
    pytest.param(svc("{app: webb}").replace("  selector: {app: webb}", "  selector: {app: webb}  # k8slint: ignore=KS300") + DEPLOY,
                 id="suppressed-by-comment"),
]


@pytest.mark.parametrize("src,lines", FIRES)
def test_fires(src, lines):
    fires("dangling-service", src, lines=lines)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet("dangling-service", src)


def test_across_files():
    from linter.testing import lint_files

    found = lint_files({"svc.yaml": svc("{app: webb}"), "deploy.yaml": DEPLOY})
    assert [(f.path, f.line) for f in found if f.rule_id == "KS300"] == [("svc.yaml", 5)]
    found = lint_files({"svc.yaml": svc("{app: web}"), "deploy.yaml": DEPLOY})
    assert not [f for f in found if f.rule_id == "KS300"]


KUBE_LINTER_FIXTURE = """\
apiVersion: apps/v1
kind: Deployment
metadata: {name: dont-fire}
spec:
  template:
    metadata:
      labels: {app.kubernetes.io/name: dontfire}
---
apiVersion: v1
kind: Service
metadata: {name: dont-fire}
spec:
  ports: [{name: 8080-tcp, port: 8080}]
  selector: {app.kubernetes.io/name: dontfire}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: app1}
spec:
  template:
    metadata:
      labels: {app.kubernetes.io/name: app1}
---
apiVersion: v1
kind: Service
metadata: {name: app1}
spec:
  ports: [{name: 8080-tcp, port: 8080}]
  selector: {app.kubernetes.io/name: app}
---
apiVersion: apps.openshift.io/v1
kind: DeploymentConfig
metadata: {name: app2}
spec:
  template:
    metadata:
      labels: {app.kubernetes.io/name: app2}
---
apiVersion: v1
kind: Service
metadata: {name: app2}
spec:
  ports: [{name: 8080-tcp, port: 8080}]
  selector: {app.kubernetes.io/name: app}
"""


def test_kube_linter_fixture_behaves_as_documented():
    found = fires("dangling-service", KUBE_LINTER_FIXTURE, lines=[29, 44])
    assert [f.object.name for f in found] == ["app1", "app2"]
