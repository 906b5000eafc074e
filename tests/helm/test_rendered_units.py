"""Charts and kustomizations as units: their result cache, worker processes, and mapping cold vs warm."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from linter.sources import helm as helm_src
from linter.sources import kustomize as kz

DATA = Path(__file__).resolve().parent / "data"
CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"
needs_helm = pytest.mark.skipif(
    helm_src.backend() is None,
    reason="no Helm engine: install `helm` or `pip install 'k8slint[helm]'` (helm-python-sdk)",
)
needs_kustomize = pytest.mark.skipif(
    shutil.which("kubectl") is None and shutil.which("kustomize") is None,
    reason="neither kubectl nor kustomize is on PATH (install kubectl to run these tests)",
)


@pytest.fixture
def tree(tmp_path, monkeypatch):
    """A private copy of the test charts and kustomizations, and a private result cache."""
    shutil.copytree(DATA, tmp_path / "data")
    monkeypatch.setenv("K8SLINT_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path


@pytest.fixture
def calls(tmp_path, monkeypatch):
    """Every Helm render and kustomize build, logged to a file (worker processes log there too)."""
    log = tmp_path / "calls.log"
    real_render, real_build = helm_src.render, kz.build

    def note(line: str) -> None:
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(line + "\n")

    def render(chart, *args, **kwargs):
        note(f"render {Path(chart).name}")
        return real_render(chart, *args, **kwargs)

    def build(folder, *args):
        note(f"build {Path(folder).name}")
        return real_build(folder, *args)

    monkeypatch.setattr(helm_src, "render", render)
    monkeypatch.setattr(kz, "build", build)

    def taken() -> list[str]:
        lines = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
        log.unlink(missing_ok=True)
        return lines

    return taken


def _run(run_cli, cwd, *args):
    code, out, err = run_cli("--format", "json", *args, cwd=cwd)
    assert code in (0, 1), err
    return json.loads(out)["findings"]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _rules(found, rule):
    return [(f["path"], f["line"]) for f in found if f["rule"] == rule]


# -- Helm charts --------------------------------------------------------------------------------

@needs_helm
def test_warm_chart_is_not_rendered_and_reports_the_same(run_cli, tree, calls):
    cold = _run(run_cli, tree, "data/gateway")
    assert calls() == ["render gateway"]
    assert _run(run_cli, tree, "data/gateway") == cold
    assert calls() == []


@needs_helm
def test_edited_template_renders_again(run_cli, tree, calls):
    assert not _rules(_run(run_cli, tree, "data/gateway"), "KS006")
    calls()
    _edit(tree / "data/gateway/templates/service.yaml", "type: ClusterIP", "type: NodePort")
    assert _rules(_run(run_cli, tree, "data/gateway"), "KS006") == [("data/gateway/templates/service.yaml", 10)]
    assert calls() == ["render gateway"]


@needs_helm
def test_edited_values_file_renders_again(run_cli, tree, calls):
    assert not _rules(_run(run_cli, tree, "data/gateway"), "KS006")
    _edit(tree / "data/gateway/values.yaml", "type: ClusterIP", "type: NodePort")
    calls()
    assert _rules(_run(run_cli, tree, "data/gateway"), "KS006") == [("data/gateway/templates/service.yaml", 10)]
    assert calls() == ["render gateway"]


@needs_helm
def test_edited_values_option_file_renders_again(run_cli, tree, calls):
    (tree / "prod.yaml").write_text("service:\n  type: ClusterIP\n")
    assert not _rules(_run(run_cli, tree, "data/gateway", "--values", "prod.yaml"), "KS006")
    (tree / "prod.yaml").write_text("service:\n  type: NodePort\n")
    calls()
    assert _rules(_run(run_cli, tree, "data/gateway", "--values", "prod.yaml"), "KS006")
    assert calls() == ["render gateway"]


@needs_helm
def test_other_helm_settings_are_another_entry(run_cli, tree, calls):
    assert not _rules(_run(run_cli, tree, "data/gateway"), "KS006")
    calls()
    assert _rules(_run(run_cli, tree, "data/gateway", "--set", "service.type=NodePort"), "KS006")
    assert calls() == ["render gateway"]


@needs_helm
def test_edited_vendored_subchart_renders_the_parent_again(run_cli, tree, calls):
    before = _run(run_cli, tree, "data/gateway")
    calls()
    _edit(tree / "data/gateway/charts/nats/templates/deployment.yaml",
          "          livenessProbe:\n            tcpSocket: {port: 4222}\n", "")
    after = _run(run_cli, tree, "data/gateway")
    assert calls() == ["render gateway"]
    new = [(f["path"], f["rule"]) for f in after if f not in before]
    assert ("data/gateway/charts/nats/templates/deployment.yaml", "KS001") in new


@needs_helm
def test_no_cache_renders_every_time(run_cli, tree, calls):
    _run(run_cli, tree, "data/gateway", "--no-cache")
    _run(run_cli, tree, "data/gateway", "--no-cache")
    assert calls() == ["render gateway", "render gateway"]


# -- kustomizations -----------------------------------------------------------------------------

@needs_kustomize
def test_warm_kustomizations_are_not_built_and_report_the_same(run_cli, tree, calls):
    cold = _run(run_cli, tree, "data/kustomize", "--jobs", "1")
    assert sorted(calls()) == ["build base", "build prod"]
    assert _run(run_cli, tree, "data/kustomize", "--jobs", "1") == cold
    assert calls() == []


@needs_kustomize
def test_edited_resource_builds_again_base_and_overlay(run_cli, tree, calls):
    assert _rules(_run(run_cli, tree, "data/kustomize"), "KS001") == [("data/kustomize/base/deployment.yaml", 14)]
    calls()
    _edit(tree / "data/kustomize/base/deployment.yaml", "          readinessProbe:",
          "          livenessProbe:\n            httpGet: {path: /live, port: 8080}\n          readinessProbe:")
    assert not _rules(_run(run_cli, tree, "data/kustomize"), "KS001")
    assert sorted(calls()) == ["build base", "build prod"]  # the overlay reads the base's files too


@needs_kustomize
def test_edited_patch_builds_again(run_cli, tree, calls):
    found = _run(run_cli, tree, "data/kustomize")
    assert ("data/kustomize/overlays/prod/nodeport.yaml", 6) in _rules(found, "KS006")
    calls()
    _edit(tree / "data/kustomize/overlays/prod/nodeport.yaml", "type: NodePort", "type: ClusterIP")
    assert not _rules(_run(run_cli, tree, "data/kustomize"), "KS006")
    assert calls() == ["build prod"]


@needs_kustomize
def test_edited_generator_file_builds_again(run_cli, tree, calls):
    base = tree / "data/kustomize/base"
    (base / "conf").mkdir()
    (base / "conf/app.properties").write_text("level=info\n")
    with open(base / "kustomization.yaml", "a", encoding="utf-8") as fh:
        fh.write("configMapGenerator:\n  - name: app\n    files:\n      - settings=conf/app.properties\n")
    _run(run_cli, tree, "data/kustomize/base")
    assert calls() == ["build base"]
    _run(run_cli, tree, "data/kustomize/base")
    assert calls() == []
    (base / "conf/app.properties").write_text("level=debug\n")
    _run(run_cli, tree, "data/kustomize/base")
    assert calls() == ["build base"]


@needs_kustomize
def test_a_failed_build_is_cached_too(run_cli, tree, calls):
    (tree / "data/kustomize/base/kustomization.yaml").write_text("resources:\n  - deployment.yaml\nnoSuchField: 1\n")
    cold = _run(run_cli, tree, "data/kustomize/base")
    assert [f["rule"] for f in cold].count("HC004") == 1 and calls() == ["build base"]
    assert _run(run_cli, tree, "data/kustomize/base") == cold
    assert calls() == []


def test_a_timeout_is_not_cached(run_cli, tree, calls, monkeypatch):
    monkeypatch.setattr(kz, "command", lambda folder: ["sleep", "5"])
    monkeypatch.setattr(kz, "BUILD_TIMEOUT", 0.01)
    for _ in range(2):
        found = _run(run_cli, tree, "data/kustomize/base")
        assert [("took more than" in f["message"]) for f in found if f["rule"] == "HC004"] == [True]
        assert calls() == ["build base"]


# -- project findings, cold and warm ---------------------------------------------------------------

def _project_linter(tmp_path):
    from linter.api import Severity, Target, report, rule
    from linter.cache import ResultCache
    from linter.config import build_config
    from linter.engine import Linter
    from linter.model import Rule
    from linter.registry import Registry
    from linter.testing import default_registry

    @rule(id="KS990", name="test-service-port", target=Target.K8S_PROJECT, severity=Severity.INFO,
          summary="test", remediation="test")
    def check(obj, ctx):
        if obj.kind in ("Service", "Deployment"):
            yield report(obj.at("spec", "selector"), f"project rule saw {obj.kind} {obj.name}")

    registry = Registry([*default_registry().rules, Rule(check.__k8slint_rule__.meta, check, "test")])
    linter = Linter(registry, build_config(registry, {}))
    linter.jobs = 1
    linter.cache = ResultCache.for_run(linter, tmp_path / "project-cache")
    return linter


@needs_helm
@needs_kustomize
def test_project_findings_on_rendered_objects_map_the_same_cold_and_warm(tree, calls, monkeypatch):
    monkeypatch.chdir(tree)
    targets = ["data/gateway", "data/kustomize"]
    cold = _project_linter(tree).lint_paths(targets)
    assert calls()
    warm = _project_linter(tree).lint_paths(targets)
    assert calls() == []
    assert warm.findings == cold.findings and warm.files == cold.files
    project = sorted((f.path, f.line, f.column, f.message) for f in cold.findings if f.rule_id == "KS990")
    assert ("data/gateway/templates/service.yaml", 14, 3, "project rule saw Service release-name-gateway") in project
    assert ("data/gateway/charts/nats/templates/deployment.yaml", 7, 5,
            "project rule saw Deployment release-name-nats") in project
    assert ("data/kustomize/base/deployment.yaml", 7, 5, "project rule saw Deployment prod-api") in project  # overlay
    assert ("data/kustomize/base/service.yaml", 6, 14, "project rule saw Service api") in project  # base
    assert not [f for f in cold.findings if "#render" in f.path]


@needs_helm
def test_suppressed_project_finding_stays_suppressed_warm(tree, monkeypatch):
    monkeypatch.chdir(tree)
    _edit(tree / "data/gateway/templates/service.yaml", "  selector:\n", "  selector:  # k8slint ignore=KS990\n")
    for _ in range(2):
        found = _project_linter(tree).lint_paths(["data/gateway"]).findings
        assert not [f for f in found if f.rule_id == "KS990" and f.path.endswith("service.yaml")]


# -- worker processes: the same bytes whatever --jobs, cold or warm ---------------------------------

def _cli(cwd: Path, cache: Path, *args: str) -> str:
    env = {**os.environ, "K8SLINT_CACHE_DIR": str(cache)}
    proc = subprocess.run([sys.executable, "-m", "linter", *args, "--format", "json"], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode in (0, 1), proc.stderr
    return proc.stdout


@needs_helm
@needs_kustomize
def test_same_report_for_any_jobs_cold_and_warm(tree):
    (tree / "data/gateway2").mkdir()
    shutil.copytree(tree / "data/gateway", tree / "data/gateway2", dirs_exist_ok=True)
    _edit(tree / "data/gateway2/Chart.yaml", "name: gateway", "name: gateway2")
    reference = _cli(tree, tree / "c0", "data", "--no-cache", "--jobs", "1")
    assert json.loads(reference)["findings"]
    for jobs in ("2", "3"):
        assert _cli(tree, tree / "c0", "data", "--no-cache", "--jobs", jobs) == reference
    assert _cli(tree, tree / "c1", "data", "--jobs", "2") == reference  # cold, fills the cache
    assert _cli(tree, tree / "c1", "data", "--jobs", "1") == reference  # warm
    assert _cli(tree, tree / "c1", "data", "--jobs", "2") == reference


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus (../shared/corpus) is not here")
@needs_helm
@needs_kustomize
def test_corpus_sample_same_report_for_any_jobs_cold_and_warm(tmp_path):
    sample = [str(CORPUS / p) for p in (
        "GoogleCloudPlatform__microservices-demo/kustomize", "GoogleCloudPlatform__microservices-demo/helm-chart",
        "argoproj__argo-cd/manifests/base", "argoproj__argo-cd/manifests/namespace-install")]
    sample = [p for p in sample if os.path.isdir(p)]
    if not sample:
        pytest.skip("the corpus sample folders are not in this corpus")
    reference = _cli(tmp_path, tmp_path / "c0", *sample, "--no-cache", "--jobs", "1")
    assert _cli(tmp_path, tmp_path / "c0", *sample, "--no-cache", "--jobs", "2") == reference
    assert _cli(tmp_path, tmp_path / "c1", *sample, "--jobs", "2") == reference
    assert _cli(tmp_path, tmp_path / "c1", *sample, "--jobs", "1") == reference


@needs_helm
def test_a_message_naming_another_rendered_object_names_its_template_line(run_cli, tmp_path, monkeypatch):
    monkeypatch.setenv("K8SLINT_CACHE_DIR", str(tmp_path / "cache"))
    chart = tmp_path / "dup"
    (chart / "templates").mkdir(parents=True)
    (chart / "Chart.yaml").write_text("apiVersion: v2\nname: dup\nversion: 0.1.0\n")
    (chart / "values.yaml").write_text("level: info\n")
    (chart / "templates" / "cm.yaml").write_text(
        "# first\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n"
        "  LOG_LEVEL: {{ .Values.level }}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n"
        "  name: settings\ndata:\n  LOG_LEVEL: debug\n")
    found = [f for f in _run(run_cli, tmp_path, "--select", "KS312", "dup") if f["rule"] == "KS312"]
    assert [(f["path"], f["line"]) for f in found] == [("dup/templates/cm.yaml", 12)]
    assert found[0]["message"] == "ConfigMap `settings` is already defined at dup/templates/cm.yaml:5"
