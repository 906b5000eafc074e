"""Kustomizations built in a background worker while the parent lints plain files in its lane: the run's
findings, files and order are those of `--jobs 1`, however far the lane got, and a unit the worker
cannot deliver runs in the parent."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent / "data"
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
needs_kustomize = pytest.mark.skipif(
    shutil.which("kubectl") is None and shutil.which("kustomize") is None,
    reason="neither kubectl nor kustomize is on PATH (install kubectl to run these tests)",
)
needs_fork = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="the background worker is forked, and the lane needs Linux thread priorities")


@pytest.fixture
def tree(tmp_path):
    root = tmp_path / "tree"
    shutil.copytree(DATA / "kustomize" / "base", root / "app" / "base")
    shutil.copytree(DATA / "kustomize" / "overlays", root / "app" / "overlays")
    shutil.copytree(FIXTURES, root / "fixtures")
    return root


# Each run is a fresh process: k8slint forks its workers only from a process with no other thread
# and no Go runtime (an earlier test may have loaded the Helm SDK into this one).
DRIVER = """
import json, sys, threading
from linter import parallel, rendered
from linter.config import build_config
from linter.engine import Linter
from linter.registry import load_registry

root, jobs, lane_files, break_first = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4] == "1"
if sys.argv[5] == "1":  # no temporary file can be made: results wait in memory
    import tempfile
    def no_file(*args, **kwargs):
        raise OSError(28, "No space left on device")
    tempfile.TemporaryFile = no_file
started, in_lane, ran_here = [], [], []
real_start = rendered._Background.start.__func__
def start(cls, *args, **kwargs):
    worker = real_start(cls, *args, **kwargs)
    started.append(worker is not None)
    return worker
rendered._Background.start = classmethod(start)
real_lint = parallel.lint_source
def noting(linter, source, data=None):
    if threading.current_thread().name == "k8slint-lane":
        in_lane.append(source.path)
    return real_lint(linter, source, data)
parallel.lint_source = noting
if lane_files != "all":  # the worker "ends" once the lane has linted that many files
    rendered._Background.done = lambda self: len(in_lane) >= int(lane_files)
if break_first:  # in the worker: the first unit's result arrives truncated
    real_work = rendered._work_in_order
    def work(*args, **kwargs):
        done = real_work(*args, **kwargs)
        offset, size = done[0]  # the size of the pickle in the spill file
        return [(offset, size // 2), *done[1:]]
    rendered._work_in_order = work
    real_run_here = rendered._run_here
    def run_here(linter, units, order, *args, **kwargs):
        if not kwargs.get("pickled"):
            ran_here.append(len(order))
        return real_run_here(linter, units, order, *args, **kwargs)
    rendered._run_here = run_here
registry = load_registry()
lin = Linter(registry, build_config(registry, {}))
lin.jobs = jobs
result = lin.lint_paths([root])
print(json.dumps({"findings": [[f.path, f.line, f.column, f.rule_id, f.message] for f in result.findings],
                  "files": result.files, "started": started, "in_lane": len(in_lane), "ran_here": ran_here}))
"""


def _run(root: Path, jobs: int, lane_files: str = "all", break_first: bool = False, no_file: bool = False) -> dict:
    flags = ["1" if break_first else "0", "1" if no_file else "0"]
    proc = subprocess.run([sys.executable, "-c", DRIVER, str(root), str(jobs), lane_files, *flags],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def _report(run: dict) -> tuple[list, list]:
    return run["findings"], run["files"]


@needs_kustomize
@needs_fork
@pytest.mark.parametrize("lane_files, no_file", [("0", False), ("2", False), ("all", False), ("all", True)])
def test_same_run_as_jobs_1_wherever_the_lane_stops(tree, lane_files, no_file):
    reference = _run(tree, 1)
    assert reference["findings"] and reference["started"] == []  # --jobs 1: no worker
    run = _run(tree, 2, lane_files, no_file=no_file)
    assert _report(run) == _report(reference)
    assert run["started"] == [True]
    assert run["in_lane"] == int(lane_files) if lane_files != "all" else run["in_lane"] > 0


@needs_kustomize
@needs_fork
def test_a_unit_the_worker_cannot_deliver_runs_in_the_parent(tree):
    reference = _run(tree, 1)
    run = _run(tree, 2, break_first=True)
    assert _report(run) == _report(reference)
    assert run["started"] == [True] and run["ran_here"] == [1]  # that unit alone, here
