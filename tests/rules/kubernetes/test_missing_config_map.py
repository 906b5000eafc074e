import pytest

from linter.testing import fires, for_each_workload, lint_files, quiet

POD = """\
containers:
  - name: api
    image: "example/api:1.2.0"
    envFrom: [{configMapRef: {name: settings}}]
    env:
      - {name: A, valueFrom: {configMapKeyRef: {name: extra, key: a}}}
      - {name: B, valueFrom: {configMapKeyRef: {name: maybe, key: b, optional: true}}}
volumes:
  - {name: cfg, configMap: {name: files}}
  - name: proj
    projected: {sources: [{configMap: {name: proj-cm}}]}
"""
CM = "\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: %s}\ndata: {a: b}\n"
DEFINED = "".join(CM % n for n in ("settings", "extra", "files", "proj-cm"))


@pytest.mark.parametrize("kind,src", for_each_workload(POD).items())
def test_fires_on_every_reference_form_in_every_workload(kind, src):
    start = src.splitlines().index(next(ln for ln in src.splitlines() if ln.strip() == "containers:"))
    found = fires("missing-config-map", src, lines=[start + n for n in (4, 6, 9, 11)])
    assert "ConfigMap `settings` is not defined in namespace `default`" in found[0].message


FIRES = [
    pytest.param("apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers: [{name: a, image: x, envFrom: [{configMapRef: {name: c}}]}]\n"
                 + CM % "cee", [5], id="near-name"),
    pytest.param("apiVersion: v1\nkind: Pod\nmetadata: {name: a, namespace: x}\nspec:\n  volumes: [{name: v, configMap: {name: c}}]\n" + CM % "c",
                 [5], id="defined-in-other-namespace"),
    pytest.param("apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  volumes: [{name: v, configMap: {name: c, optional: false}}]\n",
                 [5], id="optional-false"),
]

QUIET = [
    pytest.param(for_each_workload(POD)["Deployment"] + DEFINED, id="all-defined"),
    pytest.param("apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  volumes: [{name: v, configMap: {name: c, optional: true}}]\n",
                 id="optional-true"),
    pytest.param("apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  volumes: [{name: v, configMap: {name: c}}]\n"
                 "---\napiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nconfigMapGenerator: [{name: c, literals: [a=b]}]\n",
                 id="kustomize-generator"),
    pytest.param("apiVersion: v1\nkind: Pod\nmetadata: {name: a, namespace: default}\nspec:\n  volumes: [{name: v, configMap: {name: c}}]\n" + CM % "c",
                 id="default-namespace-equals-unset"),
    pytest.param("apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  volumes: [{name: v, configMap: {name: c}}]  # k8slint: ignore=KS308\n",
                 id="suppressed"),
]


@pytest.mark.parametrize("src,lines", FIRES)
def test_fires(src, lines):
    fires("missing-config-map", src, lines=lines)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet("missing-config-map", src)


def test_options():
    src = "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  volumes: [{name: v, configMap: {name: kube-root-ca.crt}}, {name: w, configMap: {name: c}}]\n"
    fires("missing-config-map", src, lines=[5], config={"rules": {"missing-config-map": {"ignore": ["kube-root-*"]}}})
    quiet("missing-config-map", src, config={"rules": {"missing-config-map": {"require-kind-in-namespace": True}}})
    quiet("missing-config-map", src, config={"rules": {"missing-config-map": "off"}})


def test_defined_in_another_file():
    pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  volumes: [{name: v, configMap: {name: c}}]\n"
    assert not [f for f in lint_files({"pod.yaml": pod, "cm.yaml": CM % "c"}) if f.rule_id == "KS308"]
