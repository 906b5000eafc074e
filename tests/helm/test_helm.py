"""Helm charts: rendered with Helm's engine, findings mapped into the templates, failures never crash."""
from __future__ import annotations

import json
import os
import shutil
import stat
from pathlib import Path

import pytest

from linter.sources import helm as helm_src

DATA = Path(__file__).resolve().parent / "data"
needs_helm = pytest.mark.skipif(
    helm_src.backend() is None,
    reason="no Helm engine: install `helm` or `pip install 'k8slint[helm]'` (helm-python-sdk)",
)


@pytest.fixture
def charts(tmp_path):
    """A private copy of the test charts and kustomizations (tests may edit them)."""
    shutil.copytree(DATA, tmp_path / "data")
    return tmp_path


def _findings(out: str) -> list[tuple[str, int, str]]:
    return [(f["path"], f["line"], f["rule"]) for f in json.loads(out)["findings"]]


def _run(run_cli, cwd, *args):
    code, out, err = run_cli("--format", "json", *args, cwd=cwd)
    assert code in (0, 1), err
    return json.loads(out)["findings"]


@needs_helm
def test_nodeport_conditional_is_quiet_with_defaults(run_cli, charts):
    found = _run(run_cli, charts, "data/gateway")
    assert not [f for f in found if f["rule"] == "KS006"]


@needs_helm
def test_nodeport_conditional_points_at_the_branch_that_rendered(run_cli, charts):
    found = _run(run_cli, charts, "data/gateway", "--set", "service.type=NodePort")
    hits = [(f["path"], f["line"], f["column"]) for f in found if f["rule"] == "KS006"]
    assert hits == [("data/gateway/templates/service.yaml", 10, 3)]  # `type: NodePort` inside the if


@needs_helm
def test_values_file_and_ci_values(run_cli, charts):
    (charts / "prod.yaml").write_text("service:\n  type: NodePort\n")
    assert [f for f in _run(run_cli, charts, "data/gateway", "--values", "prod.yaml") if f["rule"] == "KS006"]
    assert [f for f in _run(run_cli, charts, "data/gateway", "--helm-ci-values") if f["rule"] == "KS006"]


@needs_helm
def test_image_from_values_falls_back_to_app_version(run_cli, charts):
    found = _run(run_cli, charts, "data/gateway")
    assert not [f for f in found if f["rule"] in ("KS003", "HC010") and "gateway/" in f["path"]
                and "charts/nats" not in f["path"]]


@needs_helm
def test_image_from_values_with_latest_points_at_template_and_values(run_cli, charts):
    found = _run(run_cli, charts, "data/gateway", "--set", "image.tag=latest")
    assert ("data/gateway/templates/deployment.yaml", 16, "KS003") in {(f["path"], f["line"], f["rule"]) for f in found}
    values = charts / "data/gateway/values.yaml"
    values.write_text(values.read_text().replace('tag: ""', "tag: latest"))
    found = _run(run_cli, charts, "data/gateway")
    got = {(f["path"], f["line"], f["rule"]) for f in found}
    assert ("data/gateway/values.yaml", 5, "HC010") in got
    assert ("data/gateway/templates/deployment.yaml", 16, "KS003") in got


@needs_helm
def test_vendored_subchart_renders_once_at_its_own_template(run_cli, charts):
    found = _run(run_cli, charts, "data/gateway")
    nats = [(f["path"], f["line"], f["rule"]) for f in found if "nats" in f["path"] and f["rule"] == "KS003"]
    assert nats == [("data/gateway/charts/nats/templates/deployment.yaml", 14, "KS003")]
    objects = {f["object"]["name"] for f in found if "nats" in f["path"] and "object" in f}
    assert objects == {"release-name-nats"}


@needs_helm
def test_release_name_and_namespace(run_cli, charts):
    found = _run(run_cli, charts, "data/gateway", "--release-name", "faas", "--namespace", "openfaas",
                 "--set", "service.type=NodePort")
    [svc] = [f for f in found if f["rule"] == "KS006"]
    assert svc["object"]["name"] == "faas-gateway" and svc["object"]["namespace"] == "openfaas"


@needs_helm
def test_failing_chart_is_one_finding_with_helms_message_and_no_secret(run_cli, charts):
    found = _run(run_cli, charts, "data/failing", "data/kustomize/base/service.yaml")
    [hc] = [f for f in found if f["rule"] == "HC001"]
    assert (hc["path"], hc["line"]) == ("data/failing/templates/secret.yaml", 7)
    assert "db.password is required" in hc["message"]
    assert "Zq8-unguessable-Xv" not in json.dumps(found)
    assert "***" in hc["message"]


@needs_helm
@pytest.mark.parametrize("template, expected", [
    pytest.param('{{ fail "set .Values.x" }}\n', "set .Values.x", id="fail"),
    pytest.param("a: {{ .Values.x | nosuchfunc }}\n", 'function "nosuchfunc" not defined', id="bad-syntax"),
    pytest.param("a: {{ if }}\n", "missing value for if", id="empty-if"),
])
def test_render_failures(run_cli, write, tmp_path, template, expected):
    write("c/Chart.yaml", "apiVersion: v2\nname: c\nversion: 0.1.0\n")
    write("c/templates/x.yaml", template)
    write("plain.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {type: NodePort}\n")
    found = _run(run_cli, tmp_path)
    assert [(f["path"], f["rule"]) for f in found] == [("c/templates/x.yaml", "HC001"), ("plain.yaml", "KS006")]
    assert expected in found[0]["message"]


@needs_helm
def test_missing_dependency_is_a_finding_at_its_chart_yaml_line(run_cli, charts):
    found = _run(run_cli, charts, "data/needs-deps")
    [dep] = [f for f in found if f["rule"] == "HC002"]
    assert (dep["path"], dep["line"]) == ("data/needs-deps/Chart.yaml", 5)
    assert "missing in charts/ directory: redis" in dep["message"]


@needs_helm
def test_suppression_comment_in_template(run_cli, charts):
    svc = charts / "data/gateway/templates/service.yaml"
    svc.write_text(svc.read_text().replace("  type: NodePort\n", "  type: NodePort  # k8slint ignore=KS006 -- on purpose\n"))
    found = _run(run_cli, charts, "data/gateway", "--set", "service.type=NodePort")
    assert not [f for f in found if f["rule"] == "KS006"]


@needs_helm
def test_suppression_annotation_in_template_survives_rendering(run_cli, charts):
    svc = charts / "data/gateway/templates/service.yaml"
    svc.write_text(svc.read_text().replace("  labels:\n", "  annotations:\n    k8slint.io/ignore: nodeport-service\n  labels:\n", 1))
    found = _run(run_cli, charts, "data/gateway", "--set", "service.type=NodePort")
    assert not [f for f in found if f["rule"] == "KS006"]


@needs_helm
def test_config_helm_section(run_cli, charts):
    (charts / ".k8slint.yaml").write_text("helm:\n  set: [service.type=NodePort]\n  release-name: cfg\n")
    found = _run(run_cli, charts, "data/gateway")
    assert [f["object"]["name"] for f in found if f["rule"] == "KS006"] == ["cfg-gateway"]


def test_config_helm_section_rejects_unknown_keys(run_cli, tmp_path):
    (tmp_path / ".k8slint.yaml").write_text("helm:\n  valuez: [a.yaml]\n")
    code, _, err = run_cli(cwd=tmp_path)
    assert code == 2 and "valuez" in err


def test_values_option_needs_an_existing_file(run_cli, tmp_path):
    code, _, err = run_cli("--values", "nope.yaml", cwd=tmp_path)
    assert code == 2 and "nope.yaml" in err


def test_no_helm_engine_says_what_to_install(run_cli, charts, monkeypatch):
    monkeypatch.setattr(helm_src, "backend", lambda: None)
    found = _run(run_cli, charts, "data/gateway")
    [hc] = [f for f in found if f["rule"] == "HC003"]
    assert hc["path"] == "data/gateway/Chart.yaml" and "k8slint[helm]" in hc["message"]
    assert not [f for f in found if f["rule"].startswith("KL")]


def test_helm_binary_backend_is_run_offline_without_plugins(run_cli, charts, monkeypatch, tmp_path):
    """A stand-in `helm` on PATH: k8slint calls `helm template` with a clean plugin dir and parses its output."""
    bindir = tmp_path / "bin"
    bindir.mkdir()
    log = tmp_path / "helm-args"
    fake = bindir / "helm"
    fake.write_text(
        "#!/bin/sh\n"
        f'echo "$@" > {log}\n'
        f'echo "plugins=$HELM_PLUGINS kube=$KUBECONFIG" >> {log}\n'
        "cat <<'EOF'\n"
        "---\n# Source: gateway/templates/service.yaml\n"
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: x-gateway\nspec:\n  type: NodePort\n  selector:\n"
        "    app: gateway\n  ports:\n    - port: 8080\n"
        "EOF\n")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{bindir}{os.pathsep}{os.environ['PATH']}")
    found = _run(run_cli, charts, "data/gateway", "--set", "a=b", "--release-name", "x")
    assert [(f["path"], f["line"]) for f in found if f["rule"] == "KS006"] == [("data/gateway/templates/service.yaml", 10)]
    args = log.read_text()
    assert args.startswith("template x ") and "--set a=b" in args and "--namespace default" in args
    assert "--post-renderer" not in args and "--dependency-update" not in args
    assert "plugins=" in args and "k8slint-helm-" in args


def test_split_sources_groups_documents_by_template():
    stream = ("---\n# Source: c/templates/a.yaml\nkind: A\n---\n# Source: c/templates/b.yaml\nkind: B\n"
              "---\n# Source: c/templates/a.yaml\nkind: A2\n")
    assert helm_src.split_sources(stream) == [("c/templates/a.yaml", "kind: A\n---\nkind: A2\n"),
                                              ("c/templates/b.yaml", "kind: B\n")]


def test_scrub_hides_secret_values():
    assert helm_src.scrub("bad value hunter2hunter2 here", ["hunter2hunter2"]) == "bad value *** here"


@needs_helm
def test_object_built_by_a_helper_maps_into_the_helper(run_cli, write, tmp_path):
    write("c/Chart.yaml", "apiVersion: v2\nname: c\nversion: 0.1.0\n")
    write("c/templates/_objects.tpl", """\
        {{- define "c.service" -}}
        apiVersion: v1
        kind: Service
        metadata:
          name: {{ .name }}
        spec:
          type: NodePort
          ports:
            - port: 80
        {{- end }}
        """)
    write("c/templates/services.yaml", '{{- range list "a" "b" }}\n---\n{{ include "c.service" (dict "name" .) }}\n{{- end }}\n')
    found = _run(run_cli, tmp_path)
    assert [(f["path"], f["line"], f["object"]["name"]) for f in found if f["rule"] == "KS006"] == [
        ("c/templates/_objects.tpl", 7, "a"), ("c/templates/_objects.tpl", 7, "b")]


@needs_helm
def test_a_runaway_template_times_out(run_cli, write, tmp_path, monkeypatch):
    monkeypatch.setattr(helm_src, "RENDER_TIMEOUT", 0.001)
    write("c/Chart.yaml", "apiVersion: v2\nname: c\nversion: 0.1.0\n")
    write("c/templates/x.yaml", "{{ range until 2000000 }}{{ end }}\n")  # far more than a millisecond of work
    found = _run(run_cli, tmp_path)
    assert [(f["rule"], "more than" in f["message"]) for f in found] == [("HC001", True)]


@pytest.mark.parametrize("chart_yaml", [
    pytest.param("- not a mapping\n", id="chart-yaml-is-a-list"),
    pytest.param("apiVersion: v2\nname: [c\n", id="chart-yaml-bad-yaml"),
    pytest.param("", id="chart-yaml-empty"),
])
def test_broken_chart_yaml_is_a_finding_not_a_crash(run_cli, write, tmp_path, chart_yaml):
    write("c/Chart.yaml", chart_yaml)
    write("c/templates/x.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n")
    code, out, err = run_cli("--format", "json", cwd=tmp_path)
    assert code in (0, 1), err
    rules = {f["rule"] for f in json.loads(out)["findings"]}
    assert rules <= {"HC001", "HC003", "KL001"}


def _project_rule_registry():
    from linter.api import Severity, Target, report, rule
    from linter.model import Rule
    from linter.registry import Registry
    from linter.testing import default_registry

    @rule(id="KS990", name="test-service-without-workload", target=Target.K8S_PROJECT, severity=Severity.INFO,
          summary="test", remediation="test")
    def check(obj, ctx):
        if obj.kind == "Service":
            yield report(obj.at("spec", "ports", 0, "port"), f"project rule saw {obj.name}")

    return Registry([*default_registry().rules, Rule(check.__k8slint_rule__.meta, check, "test")])


@needs_helm
def test_project_rule_findings_on_rendered_objects_map_to_the_template(charts, monkeypatch):
    from linter.config import build_config
    from linter.engine import Linter

    monkeypatch.chdir(charts)
    registry = _project_rule_registry()
    result = Linter(registry, build_config(registry, {})).lint_paths(["data/gateway"])
    hits = [(f.path, f.line, f.column) for f in result.findings if f.rule_id == "KS990"]
    assert hits == [("data/gateway/templates/service.yaml", 17, 7)]  # `- port: 8080`


@needs_helm
def test_a_vendored_subchart_named_on_the_command_line_is_rendered_alone(run_cli, charts):
    found = _run(run_cli, charts, "data/gateway/charts/nats")
    assert [(f["path"], f["rule"], f["object"]["name"]) for f in found if f["rule"] == "KS003"] == [
        ("data/gateway/charts/nats/templates/deployment.yaml", "KS003", "release-name-nats")]
    assert {f["path"] for f in found} == {"data/gateway/charts/nats/templates/deployment.yaml"}
