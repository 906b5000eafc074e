import pytest

from linter.testing import fires, for_each_workload, lint, quiet

DEPLOY = """\
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers:
        - name: api
          image: "example/api:1.2.0"
"""

FIRES = [
    pytest.param(DEPLOY + "          imagePullPolice: Always\n", [12], [11], id="misspelt-field-at-key"),
    pytest.param(DEPLOY.replace("    spec:\n", "    spec:\n      ports: [{containerPort: 80}]\n"), [9], [7], id="ports-at-pod-level"),
    pytest.param(DEPLOY.replace("spec:\n  selector", "spec:\n  replicas: \"3\"\n  selector"), [5], [13], id="replicas-as-string"),
    pytest.param(DEPLOY.replace("labels: {app: api}}\n    spec", "labels: {app: api, v: 2}}\n    spec"), [7], [38],
                 id="integer-label-value"),
    pytest.param(DEPLOY + "          env: [{name: DEBUG, value: true}]\n", [12], [38], id="boolean-env-value"),
    pytest.param(DEPLOY + "          ports: [{containerPort: http}]\n", [12], [35], id="named-container-port"),
    pytest.param(DEPLOY.replace("  selector: {matchLabels: {app: api}}\n", ""), [4], [1], id="missing-selector"),
    pytest.param("apiVersion: apps/v1\nkind: Deploymnet\nmetadata: {name: x}\n", [2], [7], id="unknown-builtin-kind"),
]

QUIET = [
    pytest.param(DEPLOY, id="valid"),
    pytest.param(DEPLOY + "          imagePullPolicy: Always\n          resources: {limits: {cpu: 0.5, memory: 1Gi}}\n", id="quantities"),
    pytest.param(DEPLOY + "          ports: [{containerPort: 8080, name: http}]\n          livenessProbe: {httpGet: {port: http}}\n",
                 id="int-or-string-port"),
    pytest.param("apiVersion: example.com/v1\nkind: Deployment\nmetadata: {name: x}\nspec: {anything: [1]}\n",
                 id="custom-resource-named-deployment"),
    pytest.param("apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: widgets.example.com}\n"
                 "spec:\n  group: example.com\n  names: {kind: Widget, plural: widgets}\n  scope: Namespaced\n"
                 "  versions: [{name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object}}}]\n", id="crd"),
    pytest.param("apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: x\n  namespace: {{ namespace }}\n", id="jinja-placeholder"),
    pytest.param(DEPLOY.replace("    spec:\n", "    spec:\n      $patch: replace\n"), id="patch-directive"),
    pytest.param("apiVersion: batch/v1beta1\nkind: CronJob\nmetadata: {name: x}\n", id="removed-api-left-to-ks005"),
    pytest.param(DEPLOY + "          imagePullPolice: Always  # k8slint: ignore=schema-validation\n", id="suppressed-by-kube-linter-name"),
    pytest.param("apiVersion: v1\nkind: Pod\nmetadata: {name: x, creationTimestamp: null}\nspec:\n  containers: [{name: a, image: b}]\n",
                 id="explicit-nulls"),
]


@pytest.mark.parametrize("src,lines,columns", FIRES)
def test_fires(src, lines, columns):
    fires("schema-violation", src, lines=lines, columns=columns)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet("schema-violation", src)


@pytest.mark.parametrize("kind,src", for_each_workload("containers: [{name: a, image: b, imagePullPolice: Always}]\n").items())
def test_every_workload_kind(kind, src):
    found = [f for f in lint(src) if f.rule_id == "KS340"]
    assert [f.message.split(": ", 1)[1] for f in found] == ["unknown field `imagePullPolice`"]
    assert found[0].message.split("`")[1].endswith("containers[0]")


def test_messages():
    (f,) = fires("schema-violation", DEPLOY.replace("spec:\n  selector", "spec:\n  replicas: \"3\"\n  selector"), lines=[5])
    assert f.message == "`spec.replicas`: expected an integer, found a string"


def test_schema_follows_kubernetes_version():
    src = ("apiVersion: storage.k8s.io/v1\nkind: VolumeAttributesClass\nmetadata: {name: x}\ndriverName: d\n")
    fires("schema-violation", src, lines=[2], config={"kubernetes-version": "1.33"})
    quiet("schema-violation", src, config={"kubernetes-version": "1.34"})


def test_unknown_kinds_option():
    src = "apiVersion: apps/v1\nkind: Deploymnet\nmetadata: {name: x}\n"
    quiet("schema-violation", src, config={"rules": {"KS340": {"unknown-kinds": False}}})


def test_missing_required_fields_in_kustomize_inputs_are_not_reported():
    from linter.testing import lint_files

    partial = DEPLOY.replace("  selector: {matchLabels: {app: api}}\n", "")
    kust = "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [deploy.yaml]\ncommonLabels: {app: api}\n"
    assert [f for f in lint_files({"base/deploy.yaml": partial, "base/kustomization.yaml": kust}) if f.rule_id == "KS340"] == []
    assert [f.line for f in lint_files({"other/deploy.yaml": partial, "base/kustomization.yaml": kust}) if f.rule_id == "KS340"] == [4]
    typo = partial + "          imagePullPolice: Always\n"
    assert [f.line for f in lint_files({"base/deploy.yaml": typo, "base/kustomization.yaml": kust}) if f.rule_id == "KS340"] == [11]
    assert [f for f in lint_files({"deploy-patch.yaml": partial}) if f.rule_id == "KS340"] == []
