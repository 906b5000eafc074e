"""Kustomizations: built with kubectl/kustomize, findings mapped to resource files, plain files linted once."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from linter.sources import kustomize as kz

DATA = Path(__file__).resolve().parent / "data"
needs_kustomize = pytest.mark.skipif(
    shutil.which("kubectl") is None and shutil.which("kustomize") is None,
    reason="neither kubectl nor kustomize is on PATH (install kubectl to run these tests)",
)


@pytest.fixture
def tree(tmp_path):
    shutil.copytree(DATA / "kustomize", tmp_path / "k")
    return tmp_path


def _run(run_cli, cwd, *args):
    code, out, err = run_cli("--format", "json", *args, cwd=cwd)
    assert code in (0, 1), err
    return json.loads(out)["findings"]


@needs_kustomize
def test_findings_map_to_the_resource_file_and_line(run_cli, tree):
    found = _run(run_cli, tree, "k/base")
    assert [(f["path"], f["line"], f["rule"]) for f in found if f["rule"] == "KS001"] == [("k/base/deployment.yaml", 14, "KS001")]
    assert {f["path"] for f in found} == {"k/base/deployment.yaml"}


@needs_kustomize
def test_overlay_patch_finding_points_at_the_patch(run_cli, tree):
    found = _run(run_cli, tree, "k/overlays")
    got = [(f["path"], f["line"], f["rule"], f["object"]["name"]) for f in found]
    assert ("k/overlays/prod/nodeport.yaml", 6, "KS006", "prod-api") in got


@needs_kustomize
def test_referenced_files_are_linted_once(run_cli, tree):
    found = _run(run_cli, tree, "k")
    liveness = [f for f in found if f["rule"] == "KS001"]
    assert len(liveness) == 1 and liveness[0]["path"] == "k/base/deployment.yaml"
    # the patch is a partial object: not linted on its own, only through the overlay's build
    nodeport = [(f["path"], f["object"]["name"]) for f in found if f["rule"] == "KS006"]
    assert nodeport == [("k/overlays/prod/nodeport.yaml", "prod-api")]


@needs_kustomize
def test_suppression_comment_in_the_resource_file(run_cli, tree):
    dep = tree / "k/base/deployment.yaml"
    dep.write_text(dep.read_text().replace("api:1.4.2\n", "api:1.4.2  # k8slint ignore=KS001\n"))
    assert not [f for f in _run(run_cli, tree, "k/base") if f["rule"] == "KS001"]


def test_remote_resource_is_never_fetched(run_cli, tree):
    found = _run(run_cli, tree, "k/remote")
    assert [(f["path"], f["rule"]) for f in found] == [("k/remote/kustomization.yaml", "HC006")]


def test_missing_resource_is_not_built(run_cli, tree):
    (tree / "k/base/kustomization.yaml").write_text("resources:\n  - deployment.yaml\n  - gone.yaml\n")
    found = _run(run_cli, tree, "k/base")
    rules = [(f["path"], f["rule"]) for f in found]
    assert ("k/base/kustomization.yaml", "HC004") in rules
    assert ("k/base/deployment.yaml", "KS001") in rules  # linted as a plain file instead


@needs_kustomize
def test_build_failure_is_a_finding_and_plain_files_are_linted(run_cli, tree):
    (tree / "k/base/kustomization.yaml").write_text("resources:\n  - deployment.yaml\nnoSuchField: 1\n")
    found = _run(run_cli, tree, "k/base")
    [hc] = [f for f in found if f["rule"] == "HC004"]
    assert "noSuchField" in hc["message"] or "json" in hc["message"].lower()
    assert ("k/base/deployment.yaml", "KS001") in [(f["path"], f["rule"]) for f in found]


def test_without_kubectl_or_kustomize_say_so_once_and_lint_plain_files(run_cli, tree, monkeypatch):
    monkeypatch.setattr(kz, "command", lambda folder: None)
    found = _run(run_cli, tree, "k/base", "k/overlays")
    assert [f["rule"] for f in found].count("HC005") == 1
    assert ("k/base/deployment.yaml", "KS001") in [(f["path"], f["rule"]) for f in found]


def test_clean_error_drops_klog_prefixes():
    raw = 'E1125 17:40:20.943270 19130 run.go:72] "command failed" err="no resource matches"'
    assert kz.clean_error(raw) == "no resource matches"


@needs_kustomize
def test_findings_map_the_same_when_no_resource_tree_is_kept_from_the_scan(run_cli, tree, monkeypatch):
    from linter import rendered

    kept = _run(run_cli, tree, "k", "--no-cache")
    monkeypatch.setattr(rendered, "PLAIN_TREE_KEEP_BYTES", 0)  # every resource file counts as large
    assert _run(run_cli, tree, "k", "--no-cache") == kept
    assert any(f["path"] == "k/overlays/prod/nodeport.yaml" and f["line"] == 6 for f in kept)


def test_a_large_resource_files_tree_is_kept_only_once_a_finding_needs_it(tmp_path, monkeypatch):
    from linter import rendered

    small, large = tmp_path / "small.yaml", tmp_path / "crds.yaml"
    small.write_text("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: small}\n")
    large.write_text("".join(f"---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c{i}\n" for i in range(40)))
    monkeypatch.setattr(rendered, "PLAIN_TREE_KEEP_BYTES", small.stat().st_size)
    plain = rendered._PlainFiles()
    refs = plain.refs([small, large])
    assert [(r.file.name, r.name) for r in refs][:3] == [("small.yaml", "small"), ("crds.yaml", "c0"), ("crds.yaml", "c1")]
    assert list(plain.trees) == [small]  # the scan kept the small file's tree only
    assert plain.root(refs[5]).get("metadata").get("name") == "c4"
    assert list(plain.trees) == [small, large]  # a finding mapped into it: kept from now on
    assert plain.refs([large]) == refs[1:]  # names are never scanned twice
