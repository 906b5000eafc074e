"""The schema index and per-kind definitions stored in the cache folder (linter.sources.schema):
validation gives what the whole release's definitions give, later runs read the stored parts
without loading the release's JSON, and a damaged or stale stored part is rebuilt."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from linter.sources import schema
from linter.sources.yaml import parse_yaml

pytestmark = pytest.mark.skipif(not schema.available_releases(), reason="kubernetes-validate's schemas are not installed")

OBJECTS = [
    """apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  replicas: "3"
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers:
        - name: api
          image: example/api:1.2.0
          imagePullPolice: Always
          ports: [{containerPort: http}]
          env: [{name: A, value: 1}]
""",
    "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {type: NodePort, ports: [{port: http}], selector: {a: b}}\n",
    """apiVersion: batch/v1
kind: CronJob
metadata: {name: c}
spec:
  schedule: "* * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers: [{name: c, image: "busybox:1.36", resources: {limits: {cpu: [1]}}}]
""",
    """apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: h}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
  maxReplicas: three
  metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 80}}}]
""",
    "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: m}\ndata: {a: 1}\nbinaryData: {}\nimmutable: yes\n",
]


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.setenv("K8SLINT_CACHE_DIR", str(tmp_path / "cache"))
    _forget()
    yield tmp_path / "cache" / "schemas"
    _forget()


def _forget() -> None:
    for fn in (schema._roots, schema._walker, schema._definitions, schema.builtin_groups):
        getattr(fn, "cache_clear", lambda: None)()  # _definitions may be a test's stand-in


def _full(root, release: int, api_version: str, kind: str) -> list:
    """Validation against the release's whole definitions, as before they were stored by kind."""
    defs = schema._definitions(release, True)["$defs"]
    name = schema._build_roots(release)[(api_version, kind)]
    out = schema._Walker(defs).walk(defs[name], root)
    return sorted(out, key=lambda p: tuple(str(x) for x in p.path))


def _objects() -> list:
    return [parse_yaml(text).documents[0].root for text in OBJECTS]


def test_stored_parts_validate_like_the_whole_definitions(store):
    release = schema.schema_release("1.34")
    for root in _objects():
        got = schema.problems(root, release, root["apiVersion"], root["kind"])
        assert got == _full(root, release, root["apiVersion"], root["kind"])
        assert got, root["kind"]  # each sample has a problem: the comparison is not of empty lists
    names = sorted(p.name for p in store.iterdir())
    assert any(n.endswith("-index.marshal") for n in names) and sum("-kind-" in n for n in names) == len(OBJECTS)


def test_a_later_run_needs_no_release_json(store, monkeypatch):
    release = schema.schema_release("1.34")
    first = [schema.problems(r, release, r["apiVersion"], r["kind"]) for r in _objects()]
    groups = schema.builtin_groups()
    _forget()

    def no_json(*args):
        raise AssertionError("the release's _definitions.json was loaded")

    monkeypatch.setattr(schema, "_definitions", no_json)
    assert [schema.problems(r, release, r["apiVersion"], r["kind"]) for r in _objects()] == first
    assert schema.builtin_groups() == groups and "apps" in groups


def test_damaged_or_stale_stored_parts_are_rebuilt(store):
    release = schema.schema_release("1.34")
    root = _objects()[0]
    want = schema.problems(root, release, "apps/v1", "Deployment")
    files = sorted(store.iterdir())
    files[0].write_bytes(b"not marshal")
    import marshal

    key, value = marshal.loads(files[1].read_bytes())
    files[1].write_bytes(marshal.dumps((key.replace("|", "|stale|", 1), {})))  # another schema file's part
    _forget()
    assert schema.problems(root, release, "apps/v1", "Deployment") == want
    assert all(marshal.loads(f.read_bytes())[1] for f in files)  # both written again, whole


def test_no_writable_cache_folder_still_validates(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("K8SLINT_CACHE_DIR", str(blocker / "cache"))  # under a file: cannot be created
    _forget()
    try:
        root = _objects()[1]
        release = schema.schema_release("1.34")
        assert schema.problems(root, release, "v1", "Service") == _full(root, release, "v1", "Service")
    finally:
        _forget()
