"""Compact project objects (linter.sources.k8s_compact): same data, same positions, small."""
from __future__ import annotations

import pickle
import textwrap
from pathlib import Path
from typing import Any, Iterator

import pytest

from linter.sources import k8s_compact
from linter.sources.k8s import K8sObject, containers, objects_in
from linter.sources.k8s_compact import CompactObject, compact
from linter.sources.yaml import YMap, YSeq, parse_yaml

ROOT = Path(__file__).resolve().parents[2]
SOURCE = textwrap.dedent("""\
    apiVersion: v1
    kind: List
    items:
      - apiVersion: v1
        kind: ConfigMap
        metadata: {name: cm, namespace: ns}
        data: {a: "1"}
      - apiVersion: apps/v1
        kind: Deployment
        metadata:
          generateName: web-
          labels: &labels {app: web}
        spec:
          selector: {matchLabels: *labels}
          template:
            metadata: {labels: *labels}
            spec:
              containers:
                - name: c
                  image: nginx:1.25
                  ports: [{containerPort: 80}]
    ---
    apiVersion: v1
    kind: Service
    metadata:
      name: svc
      annotations: {x: y}
    spec:
      selector: {<<: {app: web}, tier: front}
      ports: [{port: 80, targetPort: 8080}]
    """)


def _objects() -> list[K8sObject]:
    parsed = parse_yaml(SOURCE)
    return [o for d in parsed.documents for o in objects_in(d, "all.yaml")]


def _positions(node: Any) -> Iterator[Any]:
    """Every node's own and children's positions, depth first (what anchors read)."""
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, YMap):
            yield ("map", n.pos, dict(n.key_pos), dict(n.value_pos), n.anchor)
            stack.extend(n.values())
        elif isinstance(n, YSeq):
            yield ("seq", n.pos, list(n.item_pos), n.anchor)
            stack.extend(n)


def test_compact_object_reads_like_the_original():
    for obj in _objects():
        small = compact(obj)
        assert isinstance(small, CompactObject) and isinstance(small, K8sObject)
        assert (small.kind, small.api_version, small.group, small.name, small.namespace) == \
            (obj.kind, obj.api_version, obj.group, obj.name, obj.namespace)
        assert small.ref == obj.ref and small.file == obj.file and small.base == obj.base
        assert small.root == obj.root and list(_positions(small.root)) == list(_positions(obj.root))
        assert small.labels == obj.labels and small.annotations == obj.annotations
        assert small.is_workload == obj.is_workload
        assert small.locate() == obj.locate()
        assert small.at("metadata", "name", key=True).locate() == obj.at("metadata", "name", key=True).locate()
        assert [c.at("image").locate() for c in containers(small)] == [c.at("image").locate() for c in containers(obj)]


def test_compact_object_pickles_small_and_round_trips():
    for obj in _objects():
        small = compact(obj)
        again = pickle.loads(pickle.dumps(small))
        assert isinstance(again, CompactObject)
        assert again.ref == obj.ref and again.root == obj.root
        assert list(_positions(again.root)) == list(_positions(obj.root))
        assert len(pickle.dumps(small)) < len(pickle.dumps(obj.root)) + 400


def test_unpacked_trees_are_reused_and_bounded(monkeypatch):
    k8s_compact.clear_unpacked()
    objs = [compact(o) for o in _objects()]
    before = k8s_compact.stats["unpacked"]
    for _ in range(3):
        for o in objs:
            o.get("spec")
    assert k8s_compact.stats["unpacked"] - before == len(objs)  # each unpacked once, then reused
    monkeypatch.setattr(k8s_compact, "LRU_BYTES", 1)  # keep only the last one
    k8s_compact.clear_unpacked()
    before = k8s_compact.stats["unpacked"]
    for o in objs + objs:
        o.get("spec")
    assert k8s_compact.stats["unpacked"] - before == 2 * len(objs)
    assert len(k8s_compact._LRU) == 1
    k8s_compact.clear_unpacked()


def test_identity_fields_need_no_unpacking():
    k8s_compact.clear_unpacked()
    objs = [compact(o) for o in _objects()]
    before = k8s_compact.stats["unpacked"]
    assert [(o.kind, o.name, o.namespace, o.ref.document) for o in objs] == \
        [("ConfigMap", "cm", "ns", 0), ("Deployment", "web-", None, 0), ("Service", "svc", None, 1)]
    assert [(dict(o.labels), dict(o.annotations)) for o in objs] == [({}, {}), ({"app": "web"}, {}), ({}, {"x": "y"})]
    assert k8s_compact.stats["unpacked"] == before


def test_the_project_holds_compact_objects():
    from linter.config import build_config
    from linter.engine import Linter, Project
    from linter.testing import default_registry

    registry = default_registry()
    lin = Linter(registry, build_config(registry, {}))
    project = Project()
    lin.lint_bytes(SOURCE.encode(), "all.yaml", "yaml", True, project)
    assert [type(o) for o in project.objects] == [CompactObject] * 3
    assert [o.name for o in project.objects] == ["cm", "web-", "svc"]


def test_project_rules_prepare_facts_in_the_per_file_phase():
    from linter.config import build_config
    from linter.engine import Linter, Project
    from linter.sources.k8s_compact import prepared
    from linter.testing import default_registry

    registry = default_registry()
    lin = Linter(registry, build_config(registry, {}))
    project = Project()
    bad = SOURCE.replace("image: nginx:1.25", "image: nginx:1.25\n              imagePullPolice: Always")
    lin.lint_bytes(bad.encode(), "all.yaml", "yaml", True, project)
    facts = [prepared(o, "rules.kubernetes.schema_violation") for o in project.objects]
    assert all(isinstance(f, tuple) for f in facts)
    k8s_compact.clear_unpacked()
    before = k8s_compact.stats["unpacked"]
    found = [f for f in lin._project_findings(project) if f.rule_id == "KS340"]
    assert [(f.line, f.message.split(":")[0]) for f in found] == [(21, "`spec.template.spec.containers[0]`")]
    assert k8s_compact.stats["unpacked"] - before <= 2  # only what reports and indexes read
    plain = Linter(registry, build_config(registry, {})).lint_text(bad, "all.yaml", "yaml")
    assert [f for f in plain if f.rule_id == "KS340"] == found


def test_a_failing_prepare_leaves_the_work_to_the_rule(monkeypatch):
    import rules.kubernetes.schema_violation as sv
    from linter.testing import default_registry
    from linter.config import build_config
    from linter.engine import Linter

    bad = SOURCE.replace("image: nginx:1.25", "image: nginx:1.25\n              imagePullPolice: Always")
    registry = default_registry()
    expected = Linter(registry, build_config(registry, {})).lint_text(bad, "all.yaml", "yaml")

    def boom(obj, ctx):  # type: ignore[no-untyped-def]
        raise RuntimeError("x")

    monkeypatch.setattr(sv.check, "prepare", boom)
    assert Linter(registry, build_config(registry, {})).lint_text(bad, "all.yaml", "yaml") == expected


# -- large documents packed as their YAML text -------------------------------------------
def _big_crd(name: str, fields: int) -> str:
    props = "".join(f"                f{i}:\n                  type: string\n                  description: field {i} of {name}\n"
                    for i in range(fields))
    return (f"apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: {name}\n"
            "spec:\n  versions:\n    - name: v1\n      schema:\n        openAPIV3Schema:\n          type: object\n"
            "          properties:\n            spec:\n              properties:\n" + props)


def _text_packed(source: str, path: str = "crds.yaml") -> list[tuple[K8sObject, CompactObject]]:
    parsed = parse_yaml(source)
    text = k8s_compact.DocumentText(source)
    return [(o, compact(o, None, text)) for d in parsed.documents for o in objects_in(d, path)]


def test_a_large_document_is_packed_as_text_and_reads_like_the_original():
    small_doc = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: small}\ndata: {a: '1'}\n"
    source = "# leading comment\n" + _big_crd("a.example.com", 400) + "---\n" + small_doc + "---\n" + \
        _big_crd("b.example.com", 500) + "...\n---\n" + _big_crd("c.example.com", 450)
    pairs = _text_packed(source)
    assert [o.name for o, _ in pairs] == ["a.example.com", "small", "b.example.com", "c.example.com"]
    assert [c._pad >= 0 for _, c in pairs] == [True, False, True, True]
    for obj, small in pairs:
        k8s_compact.clear_unpacked()
        assert (small.kind, small.name, small.metadata) == (obj.kind, obj.name, obj.metadata)
        assert small.root == obj.root and list(_positions(small.root)) == list(_positions(obj.root))
        assert small.at("spec").locate() == obj.at("spec").locate()
        again = pickle.loads(pickle.dumps(small))
        k8s_compact.clear_unpacked()
        assert again._pad == small._pad and list(_positions(again.root)) == list(_positions(obj.root))
    text_blob = len(pairs[0][1]._blob)
    tree_blob = len(compact(pairs[0][0])._blob)
    assert text_blob < tree_blob  # smaller too


def test_items_of_a_large_list_keep_their_trees():  # one text per item would repeat the whole list
    items = "".join(f"  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {{name: cm{i}}}\n    data:\n"
                    + "".join(f"      k{j}: value {j} of {i}\n" for j in range(60)) for i in range(30))
    source = "apiVersion: v1\nkind: List\nitems:\n" + items
    assert len(source) > k8s_compact.TEXT_BYTES
    pairs = _text_packed(source)
    assert len(pairs) == 30 and all(c._pad == -1 for _, c in pairs)
    for obj, small in pairs:
        k8s_compact.clear_unpacked()
        assert small.base == obj.base and small.root == obj.root
        assert list(_positions(small.root)) == list(_positions(obj.root))


def test_texts_whose_lines_libyaml_counts_differently_keep_the_tree():
    crd = _big_crd("a.example.com", 400)
    for source in (crd.replace("\n", "\r\n"), "%YAML 1.1\n---\n" + crd, crd.replace("metadata:\n", 'metadata:\n  annotations: {note: "a\u2028b"}\n')):
        (obj, small), = _text_packed(source)
        assert small._pad == -1
        assert list(_positions(small.root)) == list(_positions(obj.root))


def test_small_documents_and_unknown_ends_keep_the_tree():
    (obj, small), = _text_packed("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n")
    assert small._pad == -1
    parsed = parse_yaml(_big_crd("a.example.com", 400))
    parsed.documents[0].end_line = 0  # a document from elsewhere (no end known)
    (o,) = objects_in(parsed.documents[0], "x.yaml")
    assert compact(o, None, k8s_compact.DocumentText(_big_crd("a.example.com", 400)))._pad == -1


CORPUS = next((c for c in (ROOT / ".." / "shared" / "corpus", ROOT / ".." / ".." / "shared" / "corpus")
               if c.is_dir()), None)


@pytest.mark.skipif(CORPUS is None, reason="the corpus ../shared/corpus is absent")
def test_every_document_of_corpus_files_reparses_to_the_same_tree(monkeypatch):
    """With no size threshold every document is packed as text: each must come back equal, with
    the same positions, or be refused (kept as a tree)."""
    monkeypatch.setattr(k8s_compact, "TEXT_BYTES", 0)
    monkeypatch.setattr(k8s_compact, "_TEXT_MIN_LINES", 1)
    files = sorted(p for p in CORPUS.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())[::8]
    compared = 0
    for path in files:
        source = path.read_bytes().decode("utf-8", "replace")
        for obj, small in _text_packed(source, str(path)):
            k8s_compact.clear_unpacked()
            assert small.root == obj.root, path
            assert list(_positions(small.root)) == list(_positions(obj.root)), path
            compared += small._pad >= 0
    assert compared > 500


def test_metadata_reads_need_no_unpacking():
    k8s_compact.clear_unpacked()
    pairs = [(o, compact(o)) for o in _objects()]
    before = k8s_compact.stats["unpacked"]
    for obj, small in pairs:
        for path in [("metadata",), ("metadata", "labels"), ("metadata", "labels", "app"), ("metadata", "nope")]:
            assert small.get(*path, default="-") == obj.get(*path, default="-")
    assert k8s_compact.stats["unpacked"] == before
    assert pairs[2][1].get("spec", "ports", 0, "port") == 80  # anything else still reads the tree
    assert k8s_compact.stats["unpacked"] == before + 1
    k8s_compact.clear_unpacked()


CROSS = SOURCE + textwrap.dedent("""\
    ---
    apiVersion: monitoring.coreos.com/v1
    kind: Prometheus
    metadata: {name: main, labels: {team: obs}}
    spec:
      podMetadata: {labels: {app: prom}}
    """)


def _project_of(text: str, facts: bool = True) -> Any:
    from linter.config import build_config
    from linter.engine import Linter, Project
    from linter.testing import default_registry

    registry = default_registry()
    lin = Linter(registry, build_config(registry, {}))
    if not facts:
        lin._prepare_project_facts = lambda obj, path: None  # type: ignore[method-assign]
    project = Project()
    lin.lint_bytes(text.encode(), "all.yaml", "yaml", True, project)
    return project


def test_cross_object_lookups_read_stored_facts_without_unpacking():
    from linter.sources import crossref

    text = CROSS.replace("ports: [{containerPort: 80}]", "ports: [{containerPort: 80}]\n              envFrom: [{configMapRef: {name: settings}}]")
    with_facts, without = _project_of(text), _project_of(text, facts=False)
    assert [o.kind for o in with_facts.objects] == ["ConfigMap", "Deployment", "Service", "Prometheus"]
    k8s_compact.clear_unpacked()
    before = k8s_compact.stats["unpacked"]
    service, prometheus = with_facts.objects[2], with_facts.objects[3]
    assert crossref.service_selector(service) == {"app": "web", "tier": "front"}
    assert crossref.stored_images(with_facts.objects[1]) == ["nginx:1.25"]
    idx = crossref.build_index(with_facts)
    ns = crossref.DEFAULT_NAMESPACE
    assert idx.operator_labels(ns) == [{"team": "obs"}, {"app": "prom"}]
    assert prometheus.name in idx.operator_names[ns]
    (template,) = idx.templates[ns]
    ports = crossref.container_ports(template)
    assert k8s_compact.stats["unpacked"] == before  # the Deployment's template, references and ports are stored too
    assert template.containers[0].node["image"] == "nginx:1.25"  # its containers read the tree, on first use
    assert k8s_compact.stats["unpacked"] == before + 1
    # without the facts (e.g. objects cached by an older k8slint), the same answers from the trees
    old_service = without.objects[2]
    assert crossref.service_selector(old_service) == crossref.service_selector(service)
    assert crossref.stored_images(without.objects[1]) is None
    old_idx = crossref.build_index(without)
    assert old_idx.operator_labels(ns) == idx.operator_labels(ns)
    (old_template,) = old_idx.templates[ns]
    assert (old_template.labels, old_template.match_labels) == (template.labels, template.match_labels) != ({}, None)
    assert crossref.container_ports(old_template) == ports and ports[0]
    assert old_idx.references[id(without.objects[1])] == idx.references[id(with_facts.objects[1])] != []
    k8s_compact.clear_unpacked()


def test_project_findings_are_the_same_with_and_without_stored_facts(tmp_path):
    from linter.config import build_config
    from linter.engine import Linter
    from linter.testing import default_registry

    (tmp_path / "web").mkdir()
    (tmp_path / "web" / "Dockerfile").write_text("FROM alpine:3.20\nUSER root\n")  # the image example/web
    text = CROSS.replace("image: nginx:1.25", "image: example/web:1.0\n              securityContext: {runAsNonRoot: true}")
    text = text.replace("generateName: web-", "name: web")
    (tmp_path / "all.yaml").write_text(text)
    registry = default_registry()

    def run(facts: bool) -> list[tuple[str, int, str]]:
        lin = Linter(registry, build_config(registry, {}))
        if not facts:
            lin._prepare_project_facts = lambda obj, path: None  # type: ignore[method-assign]
        return [(f.rule_id, f.line, f.message) for f in lin.lint_paths([str(tmp_path)]).findings]

    found = run(True)
    assert found == run(False)
    ids = {rule_id for rule_id, _, _ in found}
    assert "KS320" in ids  # the linked Dockerfile runs as root: found through the stored images too
