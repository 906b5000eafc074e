"""Documents met again in another kustomize output: reused, with the findings and objects a whole lint gives."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from linter.config import build_config
from linter.engine import Linter, Project
from linter.registry import load_registry
from linter.document_memo import DocumentMemo, lint_built, lint_reusing
from linter.sources.template_map import position_paths
from linter.sources.yaml import YMap, moved, parse_yaml

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"

DEPLOYMENT = """\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  labels: {app: api}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
        - name: api
          image: nginx:latest
          env:
            - {name: DB_PASSWORD, value: hunter2}
"""
SERVICE = """\
apiVersion: v1
kind: Service
metadata:
  name: api
spec:
  type: NodePort
  selector: {app: api}
  ports: [{port: 80}]
"""
BIG = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n" + "".join(
    f"  key{i}: {'x' * 120}\n" for i in range(300))  # packed as its text (>= 32 KB)
OTHER = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: other\ndata: {a: b}\n"


def _stream(*docs: str) -> str:
    return "---\n".join(docs)


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def _linter(registry, config=None) -> Linter:
    return Linter(registry, build_config(registry, config or {}))


def _lint(linter: Linter, memo: DocumentMemo | None, text: str, key: str):
    project = Project()
    parsed, found, root_of = lint_built(linter, memo, text, key, project)
    return parsed, sorted(found, key=lambda f: (f.line, f.column, f.rule_id, f.message)), project, root_of


def _identity(obj):
    return (obj.file, obj.document.index, obj.document.start_line, obj.kind, obj.name, obj.namespace,
            obj.base, dict(obj.metadata), obj.metadata.key_pos, obj.metadata.value_pos)


def _same_objects(mine: Project, whole: Project) -> None:
    assert [_identity(o) for o in mine.objects] == [_identity(o) for o in whole.objects]
    for a, b in zip(mine.objects, whole.objects):
        assert a.root == b.root and position_paths(a.root) == position_paths(b.root)
        assert getattr(a, "_facts", None) == getattr(b, "_facts", None)


def test_a_document_met_again_elsewhere_gives_what_a_whole_lint_gives(registry):
    first = _stream(DEPLOYMENT, SERVICE, BIG)
    again = _stream(OTHER, BIG, SERVICE + "\n", DEPLOYMENT)  # other places, other indexes
    memo = DocumentMemo()
    linter = _linter(registry)
    _lint(linter, memo, first, "a/kustomization.yaml#render1")
    parsed, found, project, root_of = _lint(linter, memo, again, "b/kustomization.yaml#render1")
    _, whole_found, whole_project, _ = _lint(_linter(registry), None, again, "b/kustomization.yaml#render1")

    assert [d.root is None for d in parsed.documents] == [False, True, True, True]  # only OTHER was parsed
    assert found == whole_found
    assert {f.rule_id for f in found} >= {"KS001", "KS006"}  # probes, NodePort: there is something to move
    assert all(f.object.document == 3 for f in found if f.object and f.object.kind == "Deployment")
    _same_objects(project, whole_project)
    import pickle

    travelled = Project()  # as from the kustomize worker: moved trees and texts keep their places
    travelled.objects = [pickle.loads(pickle.dumps(o)) for o in project.objects]
    _same_objects(travelled, whole_project)
    whole = parse_yaml(again).documents
    for n in range(4):
        assert root_of(n) == whole[n].root and position_paths(root_of(n)) == position_paths(whole[n].root)


def test_without_a_project_findings_are_reused_alone(registry):
    memo = DocumentMemo()
    linter = _linter(registry)
    lint_built(linter, memo, _stream(DEPLOYMENT, SERVICE), "a/kustomization.yaml#render1", None)
    parsed, found, _ = lint_built(linter, memo, _stream(OTHER, DEPLOYMENT), "b/kustomization.yaml#render1", None)
    assert parsed.documents[1].root is None
    assert sorted(found) == sorted(lint_built(_linter(registry), None, _stream(OTHER, DEPLOYMENT), "b/kustomization.yaml#render1", None)[1])


@pytest.mark.parametrize("change", [
    pytest.param(lambda t: t.replace("name: other", "name: other  # k8slint ignore=KS006"), id="a suppression comment"),
    pytest.param(lambda t: t.replace("\n", "\r\n"), id="CRLF line breaks"),
    pytest.param(lambda t: t.replace("---\n", "--- !!map\n"), id="a marker the split does not see"),
    pytest.param(lambda t: "%YAML 1.1\n---\n" + t, id="a directive"),
    pytest.param(lambda t: t.replace("---\n", "...\n", 1), id="a document end marker, no marker after"),
])
def test_outputs_the_split_cannot_vouch_for_are_linted_whole(registry, change):
    memo = DocumentMemo()
    linter = _linter(registry)
    lint_built(linter, memo, _stream(DEPLOYMENT, SERVICE), "a/kustomization.yaml#render1", Project())
    text = change(_stream(OTHER, DEPLOYMENT, SERVICE))
    parsed, found, project, _ = _lint(linter, memo, text, "b/kustomization.yaml#render1")
    _, whole_found, whole_project, _ = _lint(_linter(registry), None, text, "b/kustomization.yaml#render1")
    assert all(d.root is not None for d in parsed.documents)  # nothing blanked
    assert found == whole_found
    _same_objects(project, whole_project)


def test_a_list_document_is_never_reused(registry):
    listed = "apiVersion: v1\nkind: List\nitems:\n  - " + DEPLOYMENT.replace("\n", "\n    ").rstrip() + "\n"
    memo = DocumentMemo()
    linter = _linter(registry)
    lint_built(linter, memo, _stream(listed, SERVICE), "a/kustomization.yaml#render1", Project())
    parsed, found, project, _ = _lint(linter, memo, _stream(OTHER, listed), "b/kustomization.yaml#render1")
    assert parsed.documents[1].root is not None
    assert found == _lint(_linter(registry), None, _stream(OTHER, listed), "b/kustomization.yaml#render1")[1]


def test_a_rule_excluded_for_one_build_only_is_not_reused_across(registry):
    linter = _linter(registry, {"rules": {"KS001": {"exclude": ["a/**"]}}})
    memo = DocumentMemo()
    first = _lint(linter, memo, _stream(DEPLOYMENT), "a/kustomization.yaml#render1")[1]
    second = _lint(linter, memo, _stream(DEPLOYMENT), "b/kustomization.yaml#render1")[1]
    assert "KS001" not in {f.rule_id for f in first}
    assert "KS001" in {f.rule_id for f in second}


def test_a_plugin_rule_turns_reuse_off(registry, monkeypatch):
    from linter.model import Target

    linter = _linter(registry)
    call = linter._calls[Target.K8S_OBJECT][0]
    monkeypatch.setattr(call, "check", _plugin_check(call.check))
    memo = DocumentMemo()
    lint_built(linter, memo, _stream(DEPLOYMENT), "a/kustomization.yaml#render1", None)
    parsed, _, _ = lint_built(linter, memo, _stream(OTHER, DEPLOYMENT), "b/kustomization.yaml#render1", None)
    assert parsed.documents[1].root is not None and not memo.seen


def _plugin_check(real):
    def check(target, ctx):
        return real(target, ctx)
    check.__module__ = "acme_rules.deployments"
    return check


def test_moved_shifts_every_position_and_keeps_aliases_shared():
    root = parse_yaml("a: &x {b: [1, {c: 2}]}\nd: *x\n").documents[0].root
    copy = moved(root, 10)
    assert copy == root and copy is not root
    assert copy.pos == (10, 0) and copy.value_pos["d"] == (11, 3)
    assert copy["a"]["b"].item_pos == [(p[0] + 10, p[1]) for p in root["a"]["b"].item_pos]
    assert copy["a"] is copy["d"]
    assert moved(root, 0) is root


def test_moved_copes_with_deep_nesting():
    deep = YMap((0, 0))
    node = deep
    for i in range(10_000):
        child = YMap((i + 1, 0))
        node["k"], node.key_pos["k"], node.value_pos["k"] = child, (i, 0), (i + 1, 0)
        node = child
    copy = moved(deep, 5)
    assert copy.pos == (5, 0)


needs_kustomize = pytest.mark.skipif(shutil.which("kubectl") is None and shutil.which("kustomize") is None,
                                     reason="neither kubectl nor kustomize is on PATH (install kubectl to run these tests)")


def _whole_outputs(monkeypatch):
    from linter import rendered

    real = rendered.lint_built
    monkeypatch.setattr(rendered, "lint_built", lambda linter, memo, *rest: real(linter, None, *rest))


@needs_kustomize
def test_overlays_of_one_base_give_the_same_findings_as_whole_lints(run_cli, tmp_path, monkeypatch):
    base = tmp_path / "base"
    base.mkdir()
    (base / "deploy.yaml").write_text(DEPLOYMENT)
    (base / "service.yaml").write_text(SERVICE)
    (base / "big.yaml").write_text(BIG)
    (base / "kustomization.yaml").write_text("resources: [deploy.yaml, service.yaml, big.yaml]\n")
    for name in ("dev", "prod", "stage"):
        overlay = tmp_path / "overlays" / name
        overlay.mkdir(parents=True)
        (overlay / "other.yaml").write_text(OTHER)
        extra = "namespace: prod\n" if name == "prod" else ""
        (overlay / "kustomization.yaml").write_text(f"resources: [../../base, other.yaml]\n{extra}")

    def run(*args):
        code, out, err = run_cli("--format", "json", "--no-cache", *args, ".", cwd=tmp_path)
        assert code in (0, 1), err
        return json.loads(out)["findings"]

    for jobs in ("1", "2"):
        reused = run("--jobs", jobs)
        with monkeypatch.context() as m:
            _whole_outputs(m)
            assert run("--jobs", jobs) == reused
        assert {f["rule"] for f in reused} >= {"KS001", "KS006"}


ARGO = CORPUS / "argoproj__argo-cd" / "manifests"


@needs_kustomize
@pytest.mark.skipif(not ARGO.is_dir(), reason="the shared corpus (../shared/corpus) is not here")
def test_argo_cd_overlays_give_the_same_findings_as_whole_lints(run_cli, monkeypatch):
    folders = [str(ARGO / n) for n in ("core-install", "namespace-install", "ha/namespace-install")]

    def run():
        code, out, err = run_cli("--format", "json", "--no-cache", "--jobs", "1", *folders)
        assert code in (0, 1), err
        return json.loads(out)["findings"]

    reused = run()
    with monkeypatch.context() as m:
        _whole_outputs(m)
        assert run() == reused
    assert len(reused) > 20


@pytest.mark.parametrize("text, blanked", [
    pytest.param(_stream(OTHER + "...\n", DEPLOYMENT, SERVICE), [False, True, True],
                 id="an explicit document end before a marker"),
    pytest.param("# generated: do not edit\n\n" + DEPLOYMENT + "--- # the service\n" + SERVICE + "---   \n" + OTHER,
                 [True, True, False], id="a comment header and commented markers"),
])
def test_documents_around_other_stream_syntax_still_reuse_rightly(registry, text, blanked):
    memo = DocumentMemo()
    linter = _linter(registry)
    lint_built(linter, memo, _stream(DEPLOYMENT, SERVICE), "a/kustomization.yaml#render1", Project())
    parsed, found, project, _ = _lint(linter, memo, text, "b/kustomization.yaml#render1")
    _, whole_found, whole_project, _ = _lint(_linter(registry), None, text, "b/kustomization.yaml#render1")
    assert [d.root is None for d in parsed.documents] == blanked
    assert found == whole_found
    _same_objects(project, whole_project)


def test_a_comment_only_head_is_no_document(registry):
    memo = DocumentMemo()
    linter = _linter(registry)
    lint_built(linter, memo, _stream(SERVICE), "a/kustomization.yaml#render1", Project())
    text = "# Copyright\n#\n---\n" + SERVICE
    parsed, found, project, _ = _lint(linter, memo, text, "b/kustomization.yaml#render1")
    assert [d.root is None for d in parsed.documents] == [True]
    assert found == _lint(_linter(registry), None, text, "b/kustomization.yaml#render1")[1]


def _plain(linter: Linter, text: str, path: str, explicit: bool = False):
    project = Project()
    found = linter.lint_bytes(text.encode(), path, "yaml", explicit, project)
    return (sorted(found, key=lambda f: (f.line, f.rule_id, f.message)) if found is not None else None), project


def test_a_large_plain_file_reuses_what_a_build_met(registry, monkeypatch):
    from linter import engine
    from linter.document_memo import memo_of

    monkeypatch.setattr(engine, "DOCUMENT_MEMO_FILE_BYTES", 1)
    linter = _linter(registry)
    lint_built(linter, memo_of(linter), _stream(DEPLOYMENT, SERVICE, BIG), "a/kustomization.yaml#render1", Project())
    bundle = "# install bundle\n" + _stream(SERVICE, BIG, DEPLOYMENT)
    found, project = _plain(linter, bundle, "deploy/install.yaml")
    assert all(d is None for d in memo_of(linter).seen.values()) is False
    monkeypatch.setattr(engine, "DOCUMENT_MEMO_FILE_BYTES", 10**9)
    whole_found, whole_project = _plain(_linter(registry), bundle, "deploy/install.yaml")
    assert found == whole_found and {f.rule_id for f in found} >= {"KS001", "KS006"}
    _same_objects(project, whole_project)


def test_a_large_plain_file_that_is_not_kubernetes_stays_unlinted(registry, monkeypatch):
    from linter import engine
    from linter.document_memo import memo_of

    monkeypatch.setattr(engine, "DOCUMENT_MEMO_FILE_BYTES", 1)
    linter = _linter(registry)
    text = "name: ci\non: [push]\n---\njobs: {}\n"
    assert _plain(linter, text, "ci.yaml")[0] is None
    assert _plain(linter, "# again\n" + text, "ci2.yaml")[0] is None  # every document met: still not Kubernetes
    assert memo_of(linter).seen


def test_a_patch_file_is_not_given_what_a_resource_got(registry, monkeypatch):
    from linter import engine
    from linter.document_memo import memo_of

    monkeypatch.setattr(engine, "DOCUMENT_MEMO_FILE_BYTES", 1)
    policy = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p}\nspec: {policyTypes: [Ingress]}\n"
    linter = _linter(registry, {"rules": {"KS192": {"enabled": True}}})
    resource = _plain(linter, policy, "policy.yaml", True)[0]
    patch = _plain(linter, policy, "policy-patch.yaml", True)[0]
    assert "KS192" in {f.rule_id for f in resource} and "KS192" not in {f.rule_id for f in patch}
    assert len(memo_of(linter).seen) == 2


def test_own_per_object_rules_read_of_the_path_only_what_the_memo_keys_on():
    """A tripwire: a built-in per-object rule that reads its file's path must be added to the memo's key."""
    import re as regex

    from linter.model import Target

    registry = load_registry()
    readers = set()
    for r in registry.rules:
        if r.meta.target is Target.K8S_OBJECT and r.check.__module__.startswith("rules."):
            source = Path(__import__(r.check.__module__, fromlist=["_"]).__file__).read_text()
            if regex.search(r"ctx\.path|\.file\b|\.document\.", source):
                readers.add(r.meta.id)
    assert readers == {"KS192"}  # `"patch" in` its file's name: `context` in lint_reusing


@needs_kustomize
@pytest.mark.skipif(not __import__("sys").platform.startswith("linux"), reason="forks a worker")
def test_the_kustomize_worker_hands_what_it_met_to_the_parent(registry, monkeypatch):
    from linter import rendered
    from linter.discovery import SourceFile
    from linter.document_memo import memo_of

    data = Path(__file__).resolve().parents[1] / "helm" / "data"
    monkeypatch.chdir(data)
    linter = _linter(registry)
    units = [SourceFile("kustomize/base", "kustomization", True), SourceFile("kustomize/overlays/prod", "kustomization", True)]
    background = rendered._Background.start(linter, units, [0, 1], [0, 0], 2)
    assert background is not None
    results: list = [None, None]
    background.collect(results)
    assert all(r is not None for r in results)
    assert isinstance(background.met, dict) and background.met  # the base's documents, met in the worker
    assert not memo_of(linter).seen  # nothing was linted in this process
    memo_of(linter).merge(background.met)
    assert set(memo_of(linter).seen) == set(background.met)


def test_a_failure_inside_the_memo_falls_back_to_a_whole_lint(registry, monkeypatch):
    from linter import document_memo

    linter = _linter(registry)
    memo = DocumentMemo()
    lint_built(linter, memo, _stream(DEPLOYMENT, SERVICE), "a/kustomization.yaml#render1", Project())

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(document_memo, "_moved_finding", broken)
    project = Project()
    parsed, found, _ = lint_built(linter, memo, _stream(OTHER, DEPLOYMENT), "b/kustomization.yaml#render1", project)
    whole_found, whole_project = _lint(_linter(registry), None, _stream(OTHER, DEPLOYMENT), "b/kustomization.yaml#render1")[1:3]
    assert all(d.root is not None for d in parsed.documents)
    assert sorted(found, key=lambda f: (f.line, f.column, f.rule_id, f.message)) == whole_found
    _same_objects(project, whole_project)  # nothing added twice


def test_the_memo_stays_bounded(registry, monkeypatch):
    from linter import document_memo

    monkeypatch.setattr(document_memo, "MAX_ENTRIES", 3)
    linter = _linter(registry)
    memo = DocumentMemo()
    for i in range(10):
        lint_built(linter, memo, _stream(OTHER.replace("other", f"c{i}"), SERVICE), f"k{i}/kustomization.yaml#render1", None)
        assert len(memo.seen) <= 3 + 2
