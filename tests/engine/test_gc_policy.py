"""The cycle collector during a run: off for the command line, cycles still collected by input size."""
from __future__ import annotations

import gc
import weakref

import pytest

from linter import fastcli, memory
from linter.engine import Linter
from linter.config import build_config
from linter.testing import default_registry


class _Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the cycle collector frees it


@pytest.fixture
def collector_off():  # type: ignore[no-untyped-def]
    was = gc.isenabled()
    gc.disable()
    memory._since_collect = 0
    try:
        yield
    finally:
        if was:
            gc.enable()


def test_cycles_are_collected_every_budget_of_input(collector_off, monkeypatch):
    monkeypatch.setattr(memory, "COLLECT_EVERY_BYTES", 1000)
    node = _Node()
    gone = weakref.ref(node)
    del node
    memory.collect_by_input(600)
    assert gone() is not None  # under the budget: no collection yet
    memory.collect_by_input(600)
    assert gone() is None


def test_no_collection_is_forced_while_the_automatic_collector_runs(monkeypatch):
    assert gc.isenabled()
    calls = []
    monkeypatch.setattr(memory.gc, "collect", lambda *a: calls.append(a))
    monkeypatch.setattr(memory, "COLLECT_EVERY_BYTES", 10)
    memory.collect_by_input(10_000)
    assert calls == []


def test_the_engine_counts_every_file_it_lints(collector_off, monkeypatch):
    sizes = []
    monkeypatch.setattr("linter.engine.collect_by_input", sizes.append)
    registry = default_registry()
    linter = Linter(registry, build_config(registry, {}))
    data = b"apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n"
    linter.lint_bytes(data, "cm.yaml", "yaml")
    linter.lint_bytes(b"FROM alpine:3.20\n", "Dockerfile", "dockerfile")
    assert sizes == [len(data), len(b"FROM alpine:3.20\n")]


def test_a_folder_run_in_process_leaves_the_collector_on(tmp_path, monkeypatch):
    for i in range(12):  # more files than the pre-commit case
        (tmp_path / f"cm{i}.yaml").write_text(f"apiVersion: v1\nkind: ConfigMap\nmetadata: {{name: cm{i}}}\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("K8SLINT_CACHE_DIR", str(tmp_path / "cache"))
    assert gc.isenabled()
    with pytest.raises(SystemExit):
        fastcli.main(["."])
    assert gc.isenabled()
