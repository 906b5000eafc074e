"""JSON manifests, empty and comment-only documents, CRDs and custom resources (issue 4, Objects)."""
from __future__ import annotations

import json

from linter.testing import lint, lint_files

STRICT = {"extends": "strict"}


def test_json_manifest_is_linted_with_exact_lines():
    src = json.dumps({
        "apiVersion": "apps/v1beta1", "kind": "Deployment", "metadata": {"name": "api"},
        "spec": {"template": {"spec": {"containers": [{"name": "api", "image": "nginx:1.27", "imagePullPolice": "Always"}]}}},
    }, indent=2) + "\n"
    found = lint_files({"deploy/api.json": src})
    ks005 = [f for f in found if f.rule_id == "KS005"]
    assert [(f.path, f.line) for f in ks005] == [("deploy/api.json", 2)]
    src = src.replace("apps/v1beta1", "v1").replace('"Deployment"', '"Pod"')
    pod = json.dumps({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "api"},
                      "spec": {"containers": [{"name": "api", "image": "nginx:1.27", "imagePullPolice": "Always"}]}}, indent=2)
    found = [f for f in lint_files({"pod.json": pod + "\n"}) if f.rule_id == "KS340"]
    line = next(i for i, text in enumerate(pod.splitlines(), 1) if "imagePullPolice" in text)
    assert [(f.line, f.message) for f in found] == [(line, "`spec.containers[0]`: unknown field `imagePullPolice`")]


def test_json_files_without_apiversion_are_not_manifests(tmp_path):
    from linter.config import build_config
    from linter.engine import Linter
    from linter.testing import default_registry

    (tmp_path / "package.json").write_text('{"name": "web", "version": "1.0.0"}\n')
    (tmp_path / "svc.json").write_text('{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web"},'
                                       ' "spec": {"selector": {"app": "web"}, "ports": [{"port": 80}]}}\n')
    registry = default_registry()
    result = Linter(registry, build_config(registry, STRICT)).lint_paths([str(tmp_path)])
    assert [p.rsplit("/", 1)[-1] for p in result.files] == ["svc.json"]
    assert not [f for f in result.findings if f.rule_id.startswith("KL")]


def test_empty_and_comment_only_documents():
    src = "---\n# nothing here yet\n---\n\n---\napiVersion: batch/v1beta1\nkind: CronJob\nmetadata: {name: x}\n---\n# trailing\n"
    found = lint(src, config=STRICT)
    assert [(f.rule_id, f.line) for f in found if f.rule_id in ("KS005", "KL001", "KL005")] == [("KS005", 6)]
    assert lint("# just a comment\n", config=STRICT) == []
    assert lint("---\n---\n", config=STRICT) == []


CRD = """\
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: deployments.apps.example.com}
spec:
  group: apps.example.com
  names: {kind: Deployment, plural: deployments}
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
"""

CUSTOM_DEPLOYMENT = """\
apiVersion: apps.example.com/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: other}}
  template:
    metadata: {labels: {app: web}}
    spec:
      hostNetwork: true
      serviceAccountName: missing
      containers:
        - name: web
          image: nginx:latest
          securityContext: {privileged: true, runAsUser: 0}
          env: [{name: PASSWORD, value: hunter2}]
          envFrom: [{configMapRef: {name: nope}}]
      volumes: [{name: docker, hostPath: {path: /var/run/docker.sock}}]
"""

POD_SHAPED = """\
apiVersion: workloads.example.com/v1alpha1
kind: Pod
metadata: {name: runner}
spec:
  containers:
    - name: runner
      image: busybox
      securityContext: {privileged: true}
"""


# Rules that judge every object whatever its kind (YAML style), so they rightly fire on custom resources too.
KIND_AGNOSTIC = ("KS173",)


def _workload_findings(found):
    return [f for f in found if f.rule_id in ("KL005",) or (f.field_path or "").startswith("spec") and f.rule_id not in KIND_AGNOSTIC]


def test_crd_and_custom_resources_with_pod_spec_shapes_are_tolerated():
    found = lint_files({"crd.yaml": CRD, "cr.yaml": CUSTOM_DEPLOYMENT, "pod.yaml": POD_SHAPED}, config=STRICT)
    assert _workload_findings(found) == []
    assert not [f for f in found if f.rule_id in ("KS005", "KS340")]


def test_the_same_shapes_as_builtin_kinds_do_fire():
    builtin = CUSTOM_DEPLOYMENT.replace("apps.example.com/v1", "apps/v1")
    assert _workload_findings(lint(builtin, config=STRICT))
