"""Speed machinery that must never change results: the fast CLI path, the partial registry,
the result cache and the worker pool. (Timings live in bench/, never in tests.)"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Iterator

import pytest

from linter import parallel
from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.cache import ResultCache
from linter.config import build_config
from linter.engine import Linter
from linter.registry import Registry, load_registry


def main(argv: list[str]) -> None:
    """`k8slint ARGV` in-process (raises SystemExit like the console script)."""
    from linter.cli import app

    app(args=list(argv), prog_name="k8slint")

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"


@rule(
    id="KS999", name="test-service-without-workload", target=Target.K8S_PROJECT, severity=Severity.WARNING,
    summary="test only", remediation="test only",
)
def _service_without_workload(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """A project rule for these tests: a Service whose selector matches no Deployment in the run."""
    if obj.kind != "Service":
        return
    selector = obj.get("spec", "selector")
    if not isinstance(selector, dict) or not selector:
        return
    for other in ctx.project.by_kind("Deployment"):
        labels = other.get("spec", "template", "metadata", "labels")
        if isinstance(labels, dict) and all(labels.get(k) == v for k, v in selector.items()):
            return
    yield report(obj.at("spec", "selector"), f"no Deployment matches the selector of {obj.name}")


def _registry_with_project_rule() -> Registry:
    base = load_registry()
    return Registry([*base.rules, getattr(_service_without_workload, "__k8slint_rule__")])


def _linter(registry: Registry, tmp_path: Path, *, jobs: int = 1, cache: bool = False) -> Linter:
    lin = Linter(registry, build_config(registry, {}))
    lin.jobs = jobs
    if cache:
        lin.cache = ResultCache.for_run(lin, tmp_path / "cache")
    return lin


def _dump(result) -> list[tuple]:  # type: ignore[no-untyped-def]
    return [(f.path, f.line, f.column, f.rule_id, f.message) for f in result.findings] + [tuple(result.files)]


# -- worker pool ------------------------------------------------------------------------------
def _many_files(tmp_path: Path) -> Path:
    tree = tmp_path / "tree"
    shutil.copytree(FIXTURES, tree / "fixtures")
    svc = "apiVersion: v1\nkind: Service\nmetadata: {name: s%d}\nspec: {selector: {app: a%d}}\n"
    dep = ("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d%d}\nspec:\n  template:\n"
           "    metadata: {labels: {app: a%d}}\n    spec: {containers: [{name: c, image: 'nginx:latest'}]}\n")
    for i in range(40):
        (tree / f"svc{i:02d}.yaml").write_text(svc % (i, i))
        if i % 3:
            (tree / f"dep{i:02d}.yaml").write_text(dep % (i, i))
    (tree / "Dockerfile").write_text("FROM alpine:latest\n")
    return tree


def test_jobs_give_the_same_findings_in_the_same_order(tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "MIN_PARALLEL_FILES", 2)
    tree = _many_files(tmp_path)
    registry = _registry_with_project_rule()
    serial = _linter(registry, tmp_path, jobs=1).lint_paths([str(tree)])
    pooled = _linter(registry, tmp_path, jobs=2).lint_paths([str(tree)])
    assert _dump(serial) == _dump(pooled)
    assert any(f.rule_id == "KS999" for f in serial.findings)  # project rules saw objects from workers


def test_cli_output_is_byte_identical_across_jobs(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(parallel, "MIN_PARALLEL_FILES", 2)
    tree = _many_files(tmp_path)
    monkeypatch.chdir(tree)
    outputs = []
    for jobs in ("1", "2"):
        for fmt in ("json", "text"):
            with pytest.raises(SystemExit):
                main([".", "--no-cache", "--jobs", jobs, "--format", fmt])
            outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[2] and outputs[1] == outputs[3]


def test_small_runs_start_no_pool(tmp_path, monkeypatch):
    def boom(*a, **k):  # type: ignore[no-untyped-def]
        raise AssertionError("a pool was started for a small run")

    monkeypatch.setattr(parallel, "_in_pool", boom)
    (tmp_path / "Dockerfile").write_text("FROM alpine:latest\n")
    (tmp_path / "a.yaml").write_text("apiVersion: v1\nkind: Service\nmetadata: {name: a}\n")
    registry = load_registry()
    result = _linter(registry, tmp_path, jobs=8).lint_paths([str(tmp_path)])
    assert result.files


# -- result cache ---------------------------------------------------------------------------
def test_warm_cache_gives_the_same_findings_and_project_rules_still_run(tmp_path):
    tree = _many_files(tmp_path)
    registry = _registry_with_project_rule()
    cold_linter = _linter(registry, tmp_path, cache=True)
    cold = cold_linter.lint_paths([str(tree)])
    assert cold_linter.cache.hits == 0
    warm_linter = _linter(registry, tmp_path, cache=True)
    warm = warm_linter.lint_paths([str(tree)])
    assert warm_linter.cache.hits > 40 and _dump(warm) == _dump(cold)
    # a cross-file change: removing a Deployment makes its (unchanged, cached) Service fire
    (tree / "dep01.yaml").unlink()
    after = _linter(registry, tmp_path, cache=True).lint_paths([str(tree)])
    fired = {f.path for f in after.findings if f.rule_id == "KS999"}
    assert "svc01.yaml" in {Path(p).name for p in fired}
    assert _dump(after) == _dump(_linter(registry, tmp_path).lint_paths([str(tree)]))


def _counting_project_runs(monkeypatch) -> list[int]:
    runs: list[int] = []
    real = Linter._project_findings

    def counted(self, project):  # type: ignore[no-untyped-def]
        runs.append(len(project.objects))
        return real(self, project)

    monkeypatch.setattr(Linter, "_project_findings", counted)
    return runs


def test_unchanged_run_takes_project_findings_from_the_cache(tmp_path, monkeypatch):
    tree = _many_files(tmp_path)
    registry = _registry_with_project_rule()
    runs = _counting_project_runs(monkeypatch)
    cold = _linter(registry, tmp_path, cache=True).lint_paths([str(tree)])
    warm = _linter(registry, tmp_path, cache=True).lint_paths([str(tree)])
    assert len(runs) == 1, "the warm run ran the project rules again"
    assert _dump(warm) == _dump(cold) and any(f.rule_id == "KS999" for f in warm.findings)


@pytest.mark.parametrize("change", ["edit", "delete", "add"])
def test_any_changed_input_runs_the_project_rules_again(tmp_path, monkeypatch, change):
    tree = _many_files(tmp_path)
    registry = _registry_with_project_rule()
    _linter(registry, tmp_path, cache=True).lint_paths([str(tree)])
    if change == "edit":  # the Deployment's labels no longer match svc01
        (tree / "dep01.yaml").write_text((tree / "dep01.yaml").read_text().replace("app: a1}", "app: other}"))
    elif change == "delete":
        (tree / "dep01.yaml").unlink()
    else:  # a new Deployment makes svc00 (no Deployment until now) quiet
        (tree / "dep00.yaml").write_text((tree / "dep02.yaml").read_text().replace("d2", "d0").replace("a2}", "a0}"))
    runs = _counting_project_runs(monkeypatch)
    after = _linter(registry, tmp_path, cache=True).lint_paths([str(tree)])
    assert len(runs) == 1
    fired = {Path(f.path).name for f in after.findings if f.rule_id == "KS999"}
    if change == "add":
        assert "svc00.yaml" not in fired
    else:
        assert "svc01.yaml" in fired
    assert _dump(after) == _dump(_linter(registry, tmp_path).lint_paths([str(tree)]))


def test_an_input_without_a_key_turns_the_project_cache_off(tmp_path):
    lin = _linter(load_registry(), tmp_path, cache=True)
    lin.cache.get("a")
    assert lin.cache.project_key() is not None
    lin.cache.complete = False
    assert lin.cache.project_key() is None


def test_cache_key_follows_content_config_and_rules(tmp_path):
    registry = load_registry()
    lin = _linter(registry, tmp_path, cache=True)
    key = lin.cache.key("Dockerfile", "dockerfile", True, b"FROM alpine\n")
    assert key != lin.cache.key("Dockerfile", "dockerfile", True, b"FROM alpine:3\n")
    assert key != lin.cache.key("other/Dockerfile", "dockerfile", True, b"FROM alpine\n")
    other_config = Linter(registry, build_config(registry, {"rules": {"DF001": "error"}}))
    assert ResultCache.for_run(other_config).salt != lin.cache.salt
    fewer_rules = Registry([r for r in registry.rules if r.id != "DF001"])
    assert ResultCache.for_run(Linter(fewer_rules, build_config(fewer_rules, {}))).salt != lin.cache.salt


def test_edited_file_is_relinted(tmp_path):
    registry = load_registry()
    df = tmp_path / "Dockerfile"
    df.write_text("FROM alpine:3.20\nUSER 1000\n")
    assert _linter(registry, tmp_path, cache=True).lint_paths([str(df)]).findings == []
    df.write_text("FROM alpine:latest\nUSER 1000\n")
    assert [f.rule_id for f in _linter(registry, tmp_path, cache=True).lint_paths([str(df)]).findings] == ["DF001"]


def test_stat_shortcut_sees_edits_of_old_files(tmp_path):
    registry = load_registry()
    df = tmp_path / "Dockerfile"
    df.write_text("FROM alpine:3.20\nUSER 1000\n")
    old = df.stat().st_mtime - 3600
    os.utime(df, (old, old))
    lin = _linter(registry, tmp_path, cache=True)
    assert lin.lint_paths([str(df)]).findings == []
    warm = _linter(registry, tmp_path, cache=True)
    assert warm.lint_paths([str(df)]).findings == [] and warm.cache.hits == 1
    df.write_text("FROM alpine:latest\nUSER 1000\n")  # same size, new mtime
    os.utime(df, (old + 1, old + 1))
    assert [f.rule_id for f in _linter(registry, tmp_path, cache=True).lint_paths([str(df)]).findings] == ["DF001"]


def test_corrupt_or_unwritable_cache_is_a_miss_not_a_crash(tmp_path):
    registry = load_registry()
    df = tmp_path / "Dockerfile"
    df.write_text("FROM alpine:latest\n")
    lin = _linter(registry, tmp_path, cache=True)
    expected = _dump(lin.lint_paths([str(df)]))
    for entry in (tmp_path / "cache").rglob("*"):
        if entry.is_file():
            entry.write_bytes(b"garbage")
    assert _dump(_linter(registry, tmp_path, cache=True).lint_paths([str(df)])) == expected
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder should be")
    lin = Linter(registry, build_config(registry, {}))
    lin.cache = ResultCache.for_run(lin, blocked)
    assert _dump(lin.lint_paths([str(df)])) == expected


def test_no_cache_writes_nothing(tmp_path, monkeypatch, capsys):
    from linter.cache import FORMAT

    cache_dir = tmp_path / "c"
    monkeypatch.setenv("K8SLINT_CACHE_DIR", str(cache_dir))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "Dockerfile").write_text("FROM alpine:latest\n")
    with pytest.raises(SystemExit):
        main([".", "--no-cache"])
    assert not (cache_dir / f"v{FORMAT}").exists()
    with pytest.raises(SystemExit):
        main(["Dockerfile"])  # a few named files: the cache would cost more than it saves
    assert not (cache_dir / f"v{FORMAT}").exists()
    with pytest.raises(SystemExit):
        main(["."])
    assert list((cache_dir / f"v{FORMAT}").rglob("*"))
    capsys.readouterr()


def test_entry_point_scan_agrees_with_importlib_metadata():
    from linter.registry import _metadata_entry_points, _scan_entry_points

    assert _scan_entry_points() == _metadata_entry_points()


def test_project_parts_merge_every_public_list_field():
    """Workers and the cache hand back each file's own Project; whatever lists a later Project
    collects (objects, Dockerfiles...) are appended in file order."""
    from dataclasses import dataclass, field

    from linter.engine import merge_project

    @dataclass
    class FutureProject:
        objects: list = field(default_factory=list)
        dockerfiles: list = field(default_factory=list)
        _memo: dict = field(default_factory=dict)

    run = FutureProject()
    merge_project(run, FutureProject(["o1"], ["d1"], {"x": 1}))
    merge_project(run, FutureProject(["o2"], [], {}))
    assert run.objects == ["o1", "o2"] and run.dockerfiles == ["d1"] and run._memo == {}
