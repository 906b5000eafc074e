"""How many kustomize builds run at once, their Go heap limit, and the parent's heap frozen while forking."""
from __future__ import annotations

import gc
import os
import sys
import threading
import time
from pathlib import Path

import pytest

from linter import rendered
from linter.memory import frozen_heap
from linter.sources import kustomize as kz


def _tracked(monkeypatch):
    """A fake kz.build that records the most builds (and large builds) running at once."""
    lock = threading.Lock()
    state = {"now": 0, "most": 0, "large_now": 0, "large_most": 0, "beside_large": 0, "threads": {}}

    def build(folder, threads=None):
        large = folder.name.startswith("large")
        with lock:
            state["threads"][folder.name] = threads
            state["now"] += 1
            state["most"] = max(state["most"], state["now"])
            if large:
                state["large_now"] += 1
                state["large_most"] = max(state["large_most"], state["large_now"])
            if state["large_now"]:
                state["beside_large"] = max(state["beside_large"], state["now"] - 1)
        time.sleep(0.02)
        with lock:
            state["now"] -= 1
            if large:
                state["large_now"] -= 1
        return f"built: {folder.name}\n", None

    monkeypatch.setattr(kz, "build", build)
    return state


@pytest.mark.parametrize("jobs", [1, 2, 4])
def test_never_more_builds_at_once_than_jobs(monkeypatch, jobs):
    state = _tracked(monkeypatch)
    folders = [Path(f"/k/small{i}") for i in range(12)]
    with rendered._Prefetch(folders, jobs) as ahead:
        got = [ahead.get(f) for f in folders]
    assert got == [(f"built: {f.name}\n", None) for f in folders]
    assert state["most"] <= jobs


@pytest.mark.parametrize("jobs", [2, 4])
def test_a_large_build_runs_alone(monkeypatch, jobs):
    state = _tracked(monkeypatch)
    folders = [Path(f"/k/{'large' if i % 3 == 1 else 'small'}{i}") for i in range(15)]
    large = frozenset(f for f in folders if f.name.startswith("large"))
    with rendered._Prefetch(folders, jobs, large) as ahead:
        got = [ahead.get(f) for f in folders]
    assert got == [(f"built: {f.name}\n", None) for f in folders]
    assert state["large_most"] == 1 and state["beside_large"] == 0
    assert state["most"] >= 2  # small builds still overlap
    # a build beside others runs its Go runtime on one thread; a large one, alone, on all the cores
    assert {n: t for n, t in state["threads"].items() if n.startswith("large")} == {
        f.name: None for f in large}
    assert {t for n, t in state["threads"].items() if n.startswith("small")} == {1}


def test_builds_one_at_a_time_keep_their_go_threads(monkeypatch):
    state = _tracked(monkeypatch)
    folders = [Path(f"/k/small{i}") for i in range(3)]
    with rendered._Prefetch(folders, 1) as ahead:
        for f in folders:
            ahead.get(f)
    assert set(state["threads"].values()) == {None}


def _fake_kustomize_echoing(variable: str, tmp_path: Path, monkeypatch) -> None:
    """A `kustomize` on PATH that prints `<name>: <value of variable or none>`."""
    fake = tmp_path / "bin" / "kustomize"
    fake.parent.mkdir()
    name = {"GOMEMLIMIT": "limit", "GOMAXPROCS": "threads"}[variable]
    fake.write_text(f"#!/bin/sh\necho \"{name}: ${{{variable}:-none}}\"\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake.parent}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.delenv(variable, raising=False)


@pytest.mark.skipif(os.name == "nt", reason="the fake kustomize is a shell script")
def test_builds_get_a_go_heap_limit_unless_the_user_set_one(monkeypatch, tmp_path):
    _fake_kustomize_echoing("GOMEMLIMIT", tmp_path, monkeypatch)
    assert kz.build(tmp_path) == (f"limit: {kz.GO_MEMORY_LIMIT}\n", None)
    monkeypatch.setenv("GOMEMLIMIT", "1GiB")
    assert kz.build(tmp_path) == ("limit: 1GiB\n", None)


@pytest.mark.skipif(os.name == "nt", reason="the fake kustomize is a shell script")
def test_builds_get_go_threads_when_asked_unless_the_user_set_them(monkeypatch, tmp_path):
    _fake_kustomize_echoing("GOMAXPROCS", tmp_path, monkeypatch)
    assert kz.build(tmp_path) == ("threads: none\n", None)
    assert kz.build(tmp_path, 1) == ("threads: 1\n", None)
    monkeypatch.setenv("GOMAXPROCS", "4")
    assert kz.build(tmp_path, 1) == ("threads: 4\n", None)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="gc.freeze matters with fork()")
def test_the_heap_is_frozen_only_while_forking():
    before = gc.get_freeze_count()
    with frozen_heap():
        assert gc.get_freeze_count() > before
    assert gc.get_freeze_count() == before


def _in_worker(linter, units, results: list) -> None:
    """Both units run in order in the background worker; what it does not deliver stays None."""
    background = rendered._Background.start(linter, units, [0, 1], [0, 0], 2)
    assert background is not None
    background.collect(results)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks a worker")
def test_kustomizations_in_one_worker_or_here_give_the_same_results(tmp_path, monkeypatch):
    from linter.config import build_config
    from linter.discovery import SourceFile
    from linter.engine import Linter
    from linter.testing import default_registry

    data = Path(__file__).resolve().parent / "data" / "kustomize"
    monkeypatch.chdir(data.parent)
    registry = default_registry()
    linter = Linter(registry, build_config(registry, {}))
    units = [SourceFile("kustomize/base", "kustomization", True), SourceFile("kustomize/overlays/prod", "kustomization", True)]
    assert all(Path(u.path).is_dir() for u in units)
    here: list = [None, None]
    rendered._run_here(linter, units, [0, 1], [0, 0], here, False, 2)
    there: list = [None, None]
    _in_worker(linter, units, there)
    assert there[0] is not None and there[1] is not None and any(r.mapped for r in here)
    assert [r.findings + r.mapped for r in there] == [r.findings + r.mapped for r in here]

    def broken(*args):
        raise OSError("no worker")

    monkeypatch.setattr(rendered, "_work_in_order", broken)
    failed: list = [None, None]
    _in_worker(linter, units, failed)
    assert failed == [None, None]  # left for _run_units to run here
