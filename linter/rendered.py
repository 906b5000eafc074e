"""Charts and kustomizations: render, lint the output like any manifest, map findings to the sources.

Each chart and each kustomization is a *unit*. A unit is rendered (Helm) or built (kustomize),
its output linted under internal keys (`<template>#render<N>`), and its findings mapped at once
to the template (or plain resource) file and line they came from, with that file's
`# k8slint ignore=` comments applied; the parsed output is dropped right after. With project
(cross-file) rules, a unit also keeps its objects and a small, picklable description of how to
map positions of its output (`HelmMap`, `KustomizeMap`), which :func:`remap` uses at the end for
the project findings.

A unit's result is cached (linter/cache.py's database, keyed by the content of every file the
unit reads, the tool that renders it and the run's salt) and units run in worker processes
when that pays: see :func:`start_rendered_sources`.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import re
import shutil
import sys
import threading
import zlib
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Sequence

from linter import suppression as sup
from linter.discovery import RENDERED_KINDS, SourceFile, _display
from linter.document_memo import lint_built, memo_of
from linter.memory import collect_by_input, frozen_heap, release_free_memory
from linter.model import Finding, Target
from linter.parallel import PackedResult, Spill
from linter.sources import helm as helm_src
from linter.sources import kustomize as kz
from linter.sources.template_map import (
    has_kind, helper_segment, locate_depth, map_path, path_at, pick_segment, position_paths,
)
from linter.sources.yaml import YMap, YamlFile, parse_yaml

if TYPE_CHECKING:
    from linter.engine import Linter, Project

HC_RENDER_FAILED, HC_MISSING_DEPENDENCY, HC_HELM_UNAVAILABLE = "HC001", "HC002", "HC003"
HC_KUSTOMIZE_FAILED, HC_KUSTOMIZE_UNAVAILABLE, HC_KUSTOMIZE_REMOTE = "HC004", "HC005", "HC006"
_RULE_OF = {"render-failed": HC_RENDER_FAILED, "missing-dependency": HC_MISSING_DEPENDENCY,
            "unavailable": HC_HELM_UNAVAILABLE}
Mapper = Callable[[int, int], tuple[str, int, int]]
UNIT_KEY_VERSION = "1"  # bump when UnitResult or the mapping classes change
PLAIN_TREES_BYTES = 3 * 1024 * 1024  # source text of the kustomize resource files kept parsed
PLAIN_TREE_KEEP_BYTES = 256 * 1024  # a larger file's tree is kept only once a finding maps into it (CRD bundles)
LARGE_BUILD_BYTES = 128 * 1024  # inputs of a kustomization whose build runs alone (argo-cd HA: 178 KB -> 53-77 MB)
_ENVIRONMENTAL = ("took more than", "cannot run ")  # kz.build's and helm's timeouts, a tool that cannot start


@dataclass
class RenderState:
    """Per linter: counters, suppressions of the files findings map into, what project findings need."""

    counter: int = 0
    kustomize_notice: bool = False
    suppressions: dict[str, sup.Suppressions] = field(default_factory=dict)
    helper_cache: dict[Path, list[tuple[str, str]]] = field(default_factory=dict)
    late: dict[str, Any] = field(default_factory=dict)  # final key -> HelmMap | KustomizeMap
    seen: set[tuple[str, str, int, int, str]] = field(default_factory=set)
    project: Any = None
    roots: dict[tuple[str, int], Any] | None = None  # (key, document index) -> project object
    plain: "_PlainFiles | None" = None


def _state(linter: "Linter") -> RenderState:
    st = getattr(linter, "_render_state", None)
    if st is None:
        st = RenderState()
        linter._render_state = st  # type: ignore[attr-defined]
    return st


# -- what a unit yields ----------------------------------------------------------------------

@dataclass(slots=True)
class HelmMap:
    """How to map positions of one rendered template (for project findings, after the parse is gone)."""

    shown: str
    template: str | None  # the template file to read, or None (no text: everything maps to line 1)
    helper_dir: str | None  # the folder whose `_*.tpl` helpers may have built an object
    docs: list[tuple[int, str, int, int]]  # (start line, kind, ordinal of kind, index) per document
    packed: dict[int, bytes] = field(default_factory=dict)  # documents no project object is the root of


@dataclass(slots=True)
class PlainRef:
    """An object of a kustomize resource or patch file, without its tree (loaded on demand)."""

    file: Path
    doc: int
    item: int  # -1: the document root; else the n-th mapping of a `kind: *List`'s items
    kind: str
    name: str
    namespace: str | None


@dataclass(slots=True)
class KustomizeMap:
    shown: str  # the kustomization file, where unmappable positions go
    docs: list[tuple[int, int]]  # (start line, index) per document of the build output
    resources: list[PlainRef]
    patches: list[PlainRef]
    packed: dict[int, bytes] = field(default_factory=dict)


@dataclass(slots=True)
class KeyInfo:
    """One rendered text of a unit, linted under `<shown>#render<n>` (n counted from 1 in the unit)."""

    n: int
    shown: str
    mapping: Any = None  # HelmMap | KustomizeMap, only when project rules run
    suppressions: Any = None  # the rendered text's own suppression comments, for project findings


@dataclass
class UnitResult:
    findings: list[Finding] = field(default_factory=list)  # not on rendered text (render problems, notices)
    mapped: list[Finding] = field(default_factory=list)  # on rendered text: mapped, source suppressions applied
    keys: list[KeyInfo] = field(default_factory=list)
    project: Any = None  # the unit's own Project (objects), only when project rules run
    covered: set[Path] = field(default_factory=set)  # files a kustomization build read (not linted again)
    cacheable: bool = True


def _local_key(shown: str, n: int) -> str:
    return f"{shown}#render{n}"


def _shown_of(key: str) -> str:
    """The file a rendered key was made from (`_local_key`'s inverse, without the number)."""
    return key.rsplit("#render", 1)[0]


# -- the run ---------------------------------------------------------------------------------

def start_rendered_sources(linter: "Linter", files: list[SourceFile], project: "Project") -> "PendingUnits":
    """Start linting the charts and kustomizations among `files`; `.finish()` waits for them.

    Units are looked up in the result cache first. Charts to render run in worker processes (forked
    before any Helm SDK is loaded here: a Go runtime does not survive fork()) when there are
    several and `--jobs` allows, else here in order (charts rendered with the Helm SDK then go to
    one worker process, so the SDK never stays resident in this one). Kustomizations run in order in
    one process, their builds ahead in threads (`_Prefetch`): with `--jobs` > 1 a forked worker that
    goes on after this returns (`_Background`), so the caller lints the plain files meanwhile
    (`PendingUnits.plain_guess`); else this one. Results are merged in unit order by `finish()`,
    so keys, objects and findings are the same whatever the jobs and the cache.
    """
    st = _state(linter)
    st.seen, st.late, st.roots = set(), {}, None
    st.project = project
    keep = bool(linter.by_target[Target.K8S_PROJECT])
    units = [f for f in files if f.kind == "helm-chart"] + [f for f in files if f.kind == "kustomization"]
    rest = [f for f in files if f.kind not in RENDERED_KINDS]
    cache = linter.cache if getattr(linter, "cache", None) is not None and linter.cache.enabled else None
    pending = PendingUnits(linter, st, project, keep, units, rest, cache)
    results, keys, costs, trees = pending.results, pending.keys, pending.costs, pending.trees
    for i, unit in enumerate(units):
        tree = None
        if unit.kind == "kustomization":
            quick, tree = _quick_kustomization(linter, unit)
            if quick is not None:
                results[i] = quick
                continue
            trees[i] = tree
        inputs = _unit_inputs(linter, unit, tree)
        costs[i] = _size(inputs)
        if cache is not None:
            keys[i] = _unit_key(linter, cache.salt, unit, inputs)
            if keys[i] is None:
                cache.complete = False  # this unit's objects are not covered by any key
            hit = cache.get(keys[i]) if keys[i] is not None else None
            if isinstance(hit, UnitResult):
                results[i] = hit
                continue
        pending.todo.append(i)
    pending.background = _run_units(linter, units, pending.todo, costs, results, keep)
    return pending


@dataclass
class PendingUnits:
    """The charts and kustomizations of a run, some perhaps still running in a worker (`background`)."""

    linter: "Linter"
    st: RenderState
    project: "Project"
    keep: bool
    units: list[SourceFile]
    rest: list[SourceFile]  # the plain files
    cache: Any
    todo: list[int] = field(default_factory=list)  # units not found in the cache
    background: "_Background | None" = None
    results: list["UnitResult | None"] = field(default_factory=list)
    keys: list[str | None] = field(default_factory=list)
    costs: list[int] = field(default_factory=list)
    trees: list["kz.KustomizeTree | None"] = field(default_factory=list)

    def __post_init__(self) -> None:
        n = len(self.units)
        self.results, self.keys, self.costs, self.trees = [None] * n, [None] * n, [0] * n, [None] * n

    @property
    def plain_guess(self) -> list[SourceFile]:
        """The plain files still to lint if every kustomization the worker builds builds: `finish()`
        returns these, plus the files of any that fails (linted as plain manifests then)."""
        covered: set[Path] = set()
        for result, tree in zip(self.results, self.trees):
            if result is not None:
                covered |= result.covered
            elif tree is not None:
                covered |= set(tree.files)
        return _uncovered(self.rest, covered)

    def finish(self) -> tuple[list[SourceFile], list[Finding], list[str]]:
        """Wait for the units, merge them into the run: (plain files still to lint, findings, linted names)."""
        linter, st, results, keys, cache = self.linter, self.st, self.results, self.keys, self.cache
        if self.background is not None:
            self.background.collect(results)
            if isinstance(self.background.met, dict):
                memo_of(linter).merge(self.background.met)
            self.background = None
        left = [i for i in self.todo if results[i] is None]
        if left:
            _run_here(linter, self.units, left, self.costs, results, self.keep, linter.jobs or _default_jobs())
        if st.plain is not None:
            st.plain.clear()  # the parsed source files: project findings re-read the few they need
        findings: list[Finding] = []
        covered: set[Path] = set()
        todo = set(self.todo)
        for i, result in enumerate(results):
            assert result is not None
            key = keys[i]
            if cache is not None and key is not None and i in todo and not result.cacheable:
                cache.complete = False  # e.g. a timed-out build: the next run may see other objects
            if cache is not None and key is not None and i in todo and result.cacheable:
                cache.put(key, result)  # pickled now: before the merge renames its keys
            _merge_unit(linter, st, result, self.project if self.keep else None, findings)
            covered |= result.covered
        if cache is not None:
            cache.flush()
        return _uncovered(self.rest, covered), findings, [u.path for u in self.units]


def _uncovered(rest: list[SourceFile], covered: set[Path]) -> list[SourceFile]:
    """`rest` without the files a kustomization build read (they are linted through it)."""
    if not covered:
        return rest
    names = {p.name for p in covered}  # resolving every path costs; only a file with a covered file's name can be one
    return [f for f in rest if f.explicit or os.path.basename(f.path) not in names
            or Path(f.path).resolve() not in covered]


def _default_jobs() -> int:
    from linter.parallel import default_jobs

    return default_jobs()


def _merge_unit(linter: "Linter", st: RenderState, result: UnitResult, project: "Project | None",
                findings: list[Finding]) -> None:
    """Give the unit's keys their run-wide numbers and add its objects and findings to the run's."""
    from linter.engine import merge_project

    base = st.counter
    rename: dict[str, str] = {}
    for info in result.keys:
        final = _local_key(info.shown, base + info.n)
        rename[_local_key(info.shown, info.n)] = final
        if info.mapping is not None:
            st.late[final] = info.mapping
        if info.suppressions is not None:
            linter._yaml_suppressions[final] = info.suppressions
    st.counter += len(result.keys)
    if project is not None and result.project is not None:
        for obj in result.project.objects:
            obj.file = rename.get(obj.file, obj.file)
        merge_project(project, result.project)
    findings.extend(result.findings)
    for f in result.mapped:
        once = (f.rule_id, f.path, f.line, f.column, f.message)  # an overlay and its base render one object twice
        if once in st.seen:
            continue
        st.seen.add(once)
        findings.append(f)


def _unit(linter: "Linter", unit: SourceFile, keep: bool, prebuilt: tuple[str | None, str | None] | None = None) -> UnitResult:
    if unit.kind == "helm-chart":
        try:
            return _chart_unit(linter, Path(unit.path), keep)
        except Exception as exc:  # a chart must never end the run
            return UnitResult(list(linter._engine_finding(
                HC_RENDER_FAILED, unit.path, 1, 1, f"the chart could not be rendered: {type(exc).__name__}")),
                cacheable=False)
    try:
        return _kustomization_unit(linter, Path(unit.path), keep, prebuilt)
    except Exception as exc:
        return UnitResult(list(linter._engine_finding(
            HC_KUSTOMIZE_FAILED, unit.path, 1, 1, f"the kustomization could not be built: {type(exc).__name__}")),
            cacheable=False)


# -- where units run -------------------------------------------------------------------------

def _run_units(linter: "Linter", units: list[SourceFile], todo: list[int], costs: list[int],
               results: list[UnitResult | None], keep: bool) -> "_Background | None":
    """Run the units of `todo`, or start them: the kustomizations may still be running in the worker
    this returns (their results are None until its `collect()`)."""
    if not todo:
        return None
    jobs = linter.jobs or _default_jobs()
    # fork() only from a process that runs no other thread and has no Go runtime (Helm SDK) loaded
    can_fork = (sys.platform.startswith("linux") and helm_src._SDK is None and threading.active_count() == 1)
    charts = [i for i in todo if units[i].kind == "helm-chart"]
    if can_fork and ((jobs > 1 and len(charts) >= 2) or (charts and _sdk_renders())):
        order = sorted(charts, key=lambda i: -costs[i])  # the biggest first: the workers end together
        _in_pool(linter, units, order, results, min(jobs, len(charts)))
    # Kustomizations run in order in one process, their builds ahead in threads: kustomize is ~95 % of
    # their CPU and its own process. That process is a forked worker when it can be: the parse trees
    # of big kustomize outputs fragment the heap that held them (~50 MB over the corpus), which the
    # worker gives back when it ends, instead of the parent keeping it into the plain-file phase.
    kustomizations = [i for i in todo if units[i].kind == "kustomization"]
    background = None
    if can_fork and jobs > 1 and len(kustomizations) >= 2:
        background = _Background.start(linter, units, kustomizations, costs, jobs)
    left = [i for i in todo if results[i] is None and not (background is not None and i in background.order)]
    if left:
        _run_here(linter, units, left, costs, results, keep, jobs)
    return background


def _run_here(linter: "Linter", units: list[SourceFile], order: list[int], costs: list[int],
              results: list[Any], keep: bool, jobs: int, spill: Any = None) -> None:
    """Run units in this process, in order; kustomize builds start ahead (`_Prefetch`).

    `spill` (a linter.parallel.Spill): store each result there, pickled (None if it cannot be), for
    a worker to hand over: live, the results of all the units would stay in the worker's heap (~3x
    their pickles) until it ends."""
    folders = [Path(units[i].path) for i in order if units[i].kind == "kustomization"]
    large = frozenset(Path(units[i].path) for i in order if costs[i] >= LARGE_BUILD_BYTES)
    with _Prefetch(folders if len(folders) >= 2 else [], jobs, large) as ahead:
        for i in order:
            unit = units[i]
            result = _unit(linter, unit, keep, ahead.get(Path(unit.path)) if unit.kind == "kustomization" else None)
            if spill is not None:
                packed = spill.pack(result)
                results[i] = packed if isinstance(packed, PackedResult) else None  # None: run again in the parent
            else:
                results[i] = result
            del result
            release_free_memory()  # the unit's parse (a kustomize output: up to ~20x its text)


def _sdk_renders() -> bool:
    """Would a chart be rendered with the Helm SDK (a Go runtime in this process)? Probed without loading it."""
    if shutil.which("helm"):
        return False
    import importlib.util

    return importlib.util.find_spec("helm_python") is not None


_WORKER: "Linter | None" = None
_WORKER_UNITS: list[SourceFile] = []


def _init_worker(linter: "Linter", units: list[SourceFile]) -> None:
    global _WORKER, _WORKER_UNITS
    _WORKER, _WORKER_UNITS = linter, units


def _work(index: int) -> UnitResult:
    assert _WORKER is not None
    return _unit(_WORKER, _WORKER_UNITS[index], bool(_WORKER.by_target[Target.K8S_PROJECT]))


def _work_in_order(order: list[int], costs: list[int], jobs: int, spill: "Spill") -> list[tuple[int, Any] | None]:
    """Where `spill` holds the pickled result of each unit of `order`, in that order: (offset, the
    size or the pickle itself when it has no file), or None: run that unit in the parent."""
    assert _WORKER is not None
    results: list[PackedResult | None] = [None] * len(_WORKER_UNITS)
    _run_here(_WORKER, _WORKER_UNITS, order, costs, results, bool(_WORKER.by_target[Target.K8S_PROJECT]), jobs,
              spill=spill)
    return [(r.offset, r.data) if r is not None else None for r in (results[i] for i in order)]


class _Background:
    """Units run in order in one forked process while this one goes on (the plain files, ~25 % of the
    cores sit idle while kustomize builds). A bare `multiprocessing.Process` and a pipe: a pool would
    leave threads running here, and the plain files' own worker pool is forked after this."""

    def __init__(self, process: Any, reader: Any, order: list[int], spill: "Spill") -> None:
        self.process, self.reader, self.order, self.spill = process, reader, order, spill
        self.met: Any = None  # the documents the worker met (linter.document_memo), once collected

    @classmethod
    def start(cls, linter: "Linter", units: list[SourceFile], order: list[int], costs: list[int],
              jobs: int) -> "_Background | None":
        import multiprocessing

        context = multiprocessing.get_context("fork")
        spill = Spill()  # made here: the worker writes to the file this process reads back
        try:
            reader, writer = context.Pipe(duplex=False)
            with frozen_heap():
                process = context.Process(target=_send_in_order,
                                          args=(writer, linter, units, order, costs, jobs, spill),
                                          name="k8slint-kustomize", daemon=True)
                process.start()
        except OSError:  # no fork allowed: run them here
            return None
        writer.close()  # only the worker writes: its end of the pipe closes when it ends
        return cls(process, reader, order, spill)

    def done(self) -> bool:
        """Has the worker sent its results (or ended)?"""
        try:
            return bool(self.reader.poll())
        except (OSError, ValueError):
            return True

    def collect(self, results: list[UnitResult | None]) -> None:
        """Wait for the worker; a unit it did not deliver (killed for memory, a result that cannot
        travel) stays None, to run here."""
        try:
            done, met = self.reader.recv()
        except (EOFError, OSError, pickle.UnpicklingError, AttributeError, TypeError, ValueError, RecursionError):
            done, met = None, None
        finally:
            self.reader.close()
            self.process.join()
        if met is not None:
            try:
                self.met = PackedResult(self.spill.file, *met).unpack()
            except Exception:  # only time is lost: those documents are linted again
                self.met = None
        if isinstance(done, list) and len(done) == len(self.order):
            for i, where in zip(self.order, done):
                if where is not None:
                    try:
                        results[i] = PackedResult(self.spill.file, *where).unpack()
                    except Exception:  # e.g. truncated: that unit runs here
                        results[i] = None


def _send_in_order(writer: Any, linter: "Linter", units: list[SourceFile], order: list[int], costs: list[int],
                   jobs: int, spill: "Spill") -> None:
    """The worker: run the units, send where their results are (None if that fails)."""
    _init_worker(linter, units)
    try:
        done: Any = _work_in_order(order, costs, jobs, spill)
    except Exception:
        done = None
    met = None  # the documents it met, for the large plain files linted after it (linter.document_memo)
    if done is not None and memo_of(linter).seen:
        packed = spill.pack(memo_of(linter).reusable())
        met = (packed.offset, packed.data) if isinstance(packed, PackedResult) else None
    try:
        writer.send((done, met))  # offsets and sizes: nothing that could fail to pickle
    finally:
        writer.close()


def _in_pool(linter: "Linter", units: list[SourceFile], order: list[int], results: list[UnitResult | None],
             jobs: int) -> None:
    """Run units in forked worker processes; a unit whose worker failed stays None (run here after)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    try:
        with frozen_heap(), ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork"),
                                                initializer=_init_worker, initargs=(linter, units)) as pool:
            futures = [(i, pool.submit(_work, i)) for i in order]
            for i, fut in futures:
                try:
                    results[i] = fut.result()
                except (BrokenProcessPool, OSError, pickle.PicklingError, TypeError, AttributeError, RecursionError):
                    results[i] = None
    except (BrokenProcessPool, OSError):  # no fork allowed, a worker killed for memory: run them here
        pass


class _Prefetch:
    """Kustomize builds started ahead in threads (they are separate processes): `jobs` at a time, and
    a large one alone (a build holds ~100x its input: ~140 MB for argo-cd's 2 MB of CRDs; even a
    small build beside it adds a kubectl process's ~50-80 MB). A waiting large build holds off new
    small ones, so it is never starved."""

    def __init__(self, folders: list[Path], jobs: int = 1, large: frozenset[Path] = frozenset()) -> None:
        self.folders = folders
        self.window = max(1, jobs)
        self.large = large
        self.turn = threading.Condition()
        self.running = 0  # builds running now
        self.large_due = 0  # large builds running or waiting for their turn
        self.pool: Any = None
        self.futures: dict[Path, Any] = {}
        self.next = 0

    def _build(self, folder: Path) -> tuple[str | None, str | None]:
        large = folder in self.large
        with self.turn:
            if large:
                self.large_due += 1
                self.turn.wait_for(lambda: self.running == 0)
            else:
                self.turn.wait_for(lambda: self.large_due == 0)
            self.running += 1
        try:
            return kz.build(folder, None if large or self.window == 1 else 1)  # alone, a build keeps every core
        finally:
            with self.turn:
                self.running -= 1
                if large:
                    self.large_due -= 1
                self.turn.notify_all()

    def __enter__(self) -> "_Prefetch":
        if self.folders:
            from concurrent.futures import ThreadPoolExecutor

            self.pool = ThreadPoolExecutor(max_workers=self.window)
            self._fill()
        return self

    def _fill(self) -> None:
        while self.next < len(self.folders) and len(self.futures) < self.window:
            folder = self.folders[self.next]
            self.next += 1
            self.futures[folder] = self.pool.submit(self._build, folder)

    def get(self, folder: Path) -> tuple[str | None, str | None] | None:
        fut = self.futures.pop(folder, None)
        if fut is None:
            return None
        try:
            return fut.result()
        finally:
            self._fill()

    def __exit__(self, *exc: Any) -> None:
        if self.pool is not None:
            for fut in self.futures.values():
                fut.cancel()
            self.pool.shutdown(wait=True)


# -- cache keys ------------------------------------------------------------------------------

def _walk_files(folder: Path) -> list[Path]:
    """Every file under a folder (symbolic links followed once), sorted."""
    out: list[Path] = []
    seen: set[str] = set()
    for root, dirs, names in os.walk(folder, followlinks=True):
        real = os.path.realpath(root)
        if real in seen:
            dirs[:] = []
            continue
        seen.add(real)
        dirs.sort()
        out.extend(Path(root) / n for n in sorted(names))
    return out


def _kustomize_inputs(tree: kz.KustomizeTree) -> list[Path]:
    """What a build may read: the tree's files, every file beside each of its kustomization files, and
    every local file a kustomization names (generators' `files:`/`envs:`, `configurations:`, ...)."""
    found: set[Path] = set(tree.files)
    for kfile in [p for p in tree.files if p.name in kz.KUSTOMIZATION_NAMES]:
        folder = kfile.parent
        try:
            found.update(p for p in folder.iterdir() if p.is_file())
        except OSError:
            pass
        stack: list[Any] = [kz._load(kfile)]
        while stack:
            node = stack.pop()
            if isinstance(node, dict):
                stack.extend(node.values())
            elif isinstance(node, list):
                stack.extend(node)
            elif isinstance(node, str) and node and "\n" not in node and len(node) < 4096 and (
                    "." in node or "/" in node):
                for cand in {node, node.split("=", 1)[-1]}:
                    full = os.path.join(folder, cand)
                    try:
                        if os.path.isfile(full):
                            found.add(Path(os.path.normpath(full)))
                    except (OSError, ValueError):
                        continue
    return sorted(found)


def _unit_inputs(linter: "Linter", unit: SourceFile, tree: kz.KustomizeTree | None) -> list[Path]:
    if unit.kind == "helm-chart":
        settings: helm_src.HelmSettings = getattr(linter.config, "helm", None) or helm_src.HelmSettings()
        return _walk_files(Path(unit.path)) + [Path(v) for v in settings.values]
    return _kustomize_inputs(tree) if tree is not None else []


def _size(paths: list[Path]) -> int:
    total = 0
    for p in paths:
        try:
            total += p.stat().st_size
        except OSError:
            pass
    return total


def _tool_stamp(path: str | None) -> str:
    if not path:
        return "-"
    try:
        st = os.stat(path)
    except OSError:
        return f"{path}:?"
    return f"{path}:{st.st_mtime_ns}:{st.st_size}"


def _renderer_identity(unit: SourceFile) -> str:
    if unit.kind == "kustomization":
        cmd = kz.command(Path(unit.path))
        return f"kustomize {_tool_stamp(cmd[0] if cmd else None)} {' '.join(cmd[1:2]) if cmd else ''} {kz.BUILD_TIMEOUT}"
    binary = shutil.which("helm")
    if binary:
        return f"helm-binary {_tool_stamp(binary)} {helm_src.RENDER_TIMEOUT}"
    import importlib.util

    spec = importlib.util.find_spec("helm_python")
    if spec is None or not spec.origin:
        return "helm-none"
    lib = Path(spec.origin).parent / "lib"
    libs = sorted(lib.glob("libhelm_c*")) if lib.is_dir() else []
    return f"helm-sdk {_tool_stamp(spec.origin)} {' '.join(_tool_stamp(str(p)) for p in libs)} {helm_src.RENDER_TIMEOUT}"


def _unit_key(linter: "Linter", salt: bytes, unit: SourceFile, inputs: list[Path]) -> str | None:
    """Everything a unit's result depends on: the run's salt (k8slint version, configuration, rule
    set, engine files, project rules on or off), the unit, the working directory (shown paths),
    the Helm settings, the renderer, and the path and content of every input file."""
    settings = getattr(linter.config, "helm", None) or helm_src.HelmSettings()
    h = hashlib.sha256(salt)
    parts = [f"rendered-unit/{UNIT_KEY_VERSION}", unit.kind, unit.path, str(int(unit.explicit)), os.getcwd(),
             repr(settings), _renderer_identity(unit)]
    for p in parts:
        h.update(p.encode("utf-8", "surrogateescape") + b"\0")
    for path in inputs:
        h.update(str(path).encode("utf-8", "surrogateescape") + b"\0")
        try:
            with open(path, "rb") as fh:
                h.update(hashlib.sha256(fh.read()).digest())
        except OSError:
            h.update(b"?")
    return h.hexdigest()


# -- Helm ------------------------------------------------------------------------------------

def _chart_unit(linter: "Linter", chart: Path, keep: bool) -> UnitResult:
    from linter.engine import Project

    settings: helm_src.HelmSettings = getattr(linter.config, "helm", None) or helm_src.HelmSettings()
    runs: list[tuple[list[Path], str]] = [([], "defaults")]
    if settings.ci_values:
        runs += [([p], _display(str(p))) for p in helm_src.ci_values_files(chart)]
    out = UnitResult(project=Project() if keep else None)
    for extra, label in runs:
        secrets = helm_src.secret_values(chart, settings, extra)
        result = helm_src.render(chart, settings, extra, label, secrets)
        for p in result.problems:
            where = _display(str(p.file)) if p.file else _display(str(chart))
            suffix = f" (values: {label})" if label != "defaults" else ""
            out.findings.extend(linter._engine_finding(_RULE_OF[p.rule], where, p.line, p.column, p.message + suffix))
            if any(s in p.message for s in _ENVIRONMENTAL):
                out.cacheable = False
        templates, result.templates = result.templates, []
        for tpl in templates:
            _lint_template(linter, chart, tpl, out)
    return out


def _lint_template(linter: "Linter", chart: Path, tpl: helm_src.RenderedTemplate, out: UnitResult) -> None:
    st = _state(linter)
    n = len(out.keys) + 1
    shown = _display(str(tpl.file)) if tpl.file is not None else _display(str(chart.parent / tpl.name))
    key = _local_key(shown, n)
    readable = tpl.file is not None and tpl.file.suffix != ".tgz"
    template_text = ""
    if readable:
        try:
            template_text = tpl.file.read_text(encoding="utf-8", errors="replace")  # type: ignore[union-attr]
        except OSError:
            pass
    if shown not in st.suppressions:
        st.suppressions[shown] = sup.yaml_suppressions(template_text, linter.registry) if template_text else sup.Suppressions()
    helper_dir = tpl.file.parent if readable else None  # type: ignore[union-attr]
    helpers = _helpers(linter, helper_dir) if helper_dir is not None else []
    collect_by_input(len(tpl.text))
    parsed = parse_yaml(tpl.text)
    found = linter._lint_yaml(tpl.text, key, True, out.project, parsed=parsed) or []
    sups = linter._yaml_suppressions.pop(key, None)
    docs = _helm_docs(parsed)
    roots = [d.root for d in parsed.documents]
    mapper = _HelmMapper(shown, template_text, helpers, docs, roots.__getitem__)
    _map_found(st, found, mapper, key, out.mapped)
    info = KeyInfo(n, shown)
    if out.project is not None:
        info.mapping = HelmMap(shown, str(tpl.file) if readable else None,
                               str(helper_dir) if helper_dir is not None else None, docs, _packed_lists(parsed))
        info.suppressions = sups
    out.keys.append(info)


def _helm_docs(parsed: YamlFile) -> list[tuple[int, str, int, int]]:
    docs: list[tuple[int, str, int, int]] = []  # (start line, kind, ordinal of kind, index)
    per_kind: dict[str, int] = {}
    for i, doc in enumerate(parsed.documents):
        kind = str(doc.root.get("kind", "")) if isinstance(doc.root, YMap) else ""
        docs.append((doc.start_line, kind, per_kind.get(kind, 0), i))
        per_kind[kind] = per_kind.get(kind, 0) + 1
    return docs


def _helpers(linter: "Linter", folder: Path) -> list[tuple[str, str]]:
    """(shown path, text) of the `_*.tpl` helper files beside a template, for objects built by `include`."""
    st = _state(linter)
    cache = st.helper_cache
    if folder not in cache:
        found = []
        for path in sorted(folder.glob("_*.tpl")):
            try:
                text = path.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            shown = _display(str(path))
            found.append((shown, text))
            if shown not in st.suppressions:
                st.suppressions[shown] = sup.yaml_suppressions(text, linter.registry)
        cache[folder] = found
    return cache[folder]


class _HelmMapper:
    """Rendered position -> (template or helper file, line, column)."""

    def __init__(self, shown: str, template: str, helpers: Sequence[tuple[str, str]],
                 docs: list[tuple[int, str, int, int]], root_of: Callable[[int], Any]) -> None:
        self.shown, self.template, self.helpers, self.docs, self.root_of = shown, template, helpers, docs, root_of
        self.indexes: dict[int, dict[tuple[int, int], tuple[Any, ...]]] = {}

    def __call__(self, line: int, column: int) -> tuple[str, int, int]:
        shown, template = self.shown, self.template
        if not template:
            return shown, 1, 1
        current = None
        for d in self.docs:
            if d[0] <= line or current is None:
                current = d
        if current is None:
            return shown, 1, 1
        _, kind, ordinal, index = current
        root = self.root_of(index)
        if index not in self.indexes:
            self.indexes[index] = position_paths(root)
        path = path_at(self.indexes[index], line, column)
        value: Any = root
        for step in path:
            value = value[step] if isinstance(value, (dict, list)) and _has(value, step) else None
        if kind and not has_kind(template, kind):  # the object comes from an `include`d helper
            for helper_shown, helper_text in self.helpers:
                seg = helper_segment(helper_text, kind)
                if seg is not None:
                    hline, hcol = map_path(helper_text, seg, path, value)
                    return helper_shown, hline, hcol
        segment = pick_segment(template, kind, ordinal, index)
        tline, tcol = map_path(template, segment, path, value)
        return shown, tline, tcol


def _has(node: Any, step: Any) -> bool:
    if isinstance(node, dict):
        return step in node
    return isinstance(step, int) and 0 <= step < len(node)


def _map_found(st: RenderState, found: Iterable[Finding], mapper: Mapper, key: str, into: list[Finding]) -> None:
    """Move findings on rendered text to their source file and line; apply that file's suppressions."""
    for f in found:
        try:
            path, line, column = mapper(f.line, f.column)
        except Exception:  # mapping is best effort; never lose a finding
            path, line, column = _shown_of(key), 1, 1
        sups = st.suppressions.get(path)
        if sups is not None and sups.covers(f.rule_id, line):
            continue
        into.append(f._replace(path=path, line=line, column=column, end_line=None, end_column=None))


def _packed_lists(parsed: YamlFile) -> dict[int, bytes]:
    """The trees of documents whose objects are not the document root (`kind: List`): no project
    object holds them, so they are kept (compressed) for mapping project findings."""
    from linter.sources.k8s import objects_in

    out: dict[int, bytes] = {}
    for doc in parsed.documents:
        if doc.root is not None and any(o.base for o in objects_in(doc, "")):
            try:
                out[doc.index] = zlib.compress(pickle.dumps(doc.root, protocol=pickle.HIGHEST_PROTOCOL), 1)
            except (RecursionError, pickle.PicklingError, TypeError, AttributeError):
                continue
    return out


# -- kustomize -------------------------------------------------------------------------------

def _quick_kustomization(linter: "Linter", unit: SourceFile) -> tuple[UnitResult | None, kz.KustomizeTree | None]:
    """(the result of a kustomization that is not built, None) or (None, its tree) for one to build."""
    folder = Path(unit.path)
    try:
        kfile = kz.kustomization_file(folder)
        shown_k = _display(str(kfile)) if kfile else _display(str(folder))
        t = kz.tree(folder)
        if t.remote:
            return UnitResult(list(linter._engine_finding(
                HC_KUSTOMIZE_REMOTE, shown_k, 1, 1,
                f"kustomization not built: it names a remote resource ({t.remote[0]}) and k8slint never fetches "
                "remote bases; its local files are linted as plain manifests"))), None
        if t.component:
            return UnitResult(), None  # a Component is built as part of the overlays that use it
        if t.missing:
            return UnitResult(list(linter._engine_finding(
                HC_KUSTOMIZE_FAILED, shown_k, 1, 1,
                f"kustomization not built: resource {t.missing[0]!r} does not exist here (kustomize would try to "
                "fetch it as a remote base, which k8slint never does); its files are linted as plain manifests"))), None
        if kz.command(folder) is None:
            st = _state(linter)
            if st.kustomize_notice:
                return UnitResult(), None
            st.kustomize_notice = True
            return UnitResult(list(linter._engine_finding(
                HC_KUSTOMIZE_UNAVAILABLE, shown_k, 1, 1,
                f"kustomizations are not built (neither kustomize nor kubectl is on PATH), their files are linted "
                f"as plain manifests: {kz.INSTALL_HINT}"))), None
    except Exception as exc:
        return UnitResult(list(linter._engine_finding(
            HC_KUSTOMIZE_FAILED, unit.path, 1, 1, f"the kustomization could not be built: {type(exc).__name__}"))), None
    return None, t


def _kustomization_unit(linter: "Linter", folder: Path, keep: bool,
                        prebuilt: tuple[str | None, str | None] | None = None) -> UnitResult:
    """A kustomization to build (the cases that are not built are `_quick_kustomization`'s)."""
    from linter.engine import Project

    st = _state(linter)
    kfile = kz.kustomization_file(folder)
    shown_k = _display(str(kfile)) if kfile else _display(str(folder))
    t = kz.tree(folder)
    text, error = prebuilt if prebuilt is not None else kz.build(folder)
    if text is None:
        return UnitResult(list(linter._engine_finding(HC_KUSTOMIZE_FAILED, shown_k, 1, 1,
                                                      f"kustomize could not build this folder: {error}; its files are "
                                                      "linted as plain manifests")),
                          cacheable=not any(s in (error or "") for s in _ENVIRONMENTAL))
    plain = _plain_files(st)
    resources, patches = plain.refs(t.resources), plain.refs(t.patches)
    out = UnitResult(project=Project() if keep else None, covered=t.files)
    key = _local_key(shown_k, 1)
    collect_by_input(len(text))
    parsed, found, root_of = lint_built(linter, memo_of(linter), text, key, out.project)
    del text
    sups = linter._yaml_suppressions.pop(key, None)
    docs = [(d.start_line, d.index) for d in parsed.documents]
    mapper = _KustomizeMapper(linter, shown_k, docs, root_of, resources, patches)
    _map_found(st, found, mapper, key, out.mapped)
    info = KeyInfo(1, shown_k)
    if keep:
        info.mapping = KustomizeMap(shown_k, docs, resources, patches, _packed_lists(parsed))
        info.suppressions = sups
    out.keys.append(info)
    return out


class _PlainFiles:
    """The objects (kind, name, namespace) of kustomize resource and patch files, parsed once per
    run, and their trees in an LRU bounded by source size (overlays share their bases)."""

    def __init__(self) -> None:
        self.memo: dict[Path, list[PlainRef]] = {}
        self.trees: "OrderedDict[Path, tuple[YamlFile, int]]" = OrderedDict()
        self.size = 0

    def refs(self, files: list[Path]) -> list[PlainRef]:
        out: list[PlainRef] = []
        for path in files:
            if path not in self.memo:
                self.memo[path] = self._scan(path)
            out.extend(self.memo[path])
        return out

    def _scan(self, path: Path) -> list[PlainRef]:
        parsed = self.parsed(path, keep_large=False)
        out: list[PlainRef] = []
        if parsed is None:
            return out
        for d, doc in enumerate(parsed.documents):
            root = doc.root
            if not isinstance(root, YMap):
                continue
            for item, r in _plain_roots(root):
                meta = r.get("metadata")
                meta = meta if isinstance(meta, dict) else {}
                ns = meta.get("namespace")
                out.append(PlainRef(path, d, item, str(r.get("kind", "")), str(meta.get("name", "")),
                                    str(ns) if ns is not None else None))
        return out

    def parsed(self, path: Path, keep_large: bool = True) -> YamlFile | None:
        """The file's parse, from the LRU or read now. `keep_large=False` (a first scan for its objects'
        names): a large file's tree is not kept; findings rarely map into one (a CRD bundle, ~20x its
        text in memory), and the one that does parses it again."""
        hit = self.trees.get(path)
        if hit is not None:
            self.trees.move_to_end(path)
            return hit[0]
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
        parsed = parse_yaml(text)
        if not keep_large and len(text) > PLAIN_TREE_KEEP_BYTES:
            return parsed
        self.trees[path] = (parsed, len(text))
        self.size += len(text)
        while self.size > PLAIN_TREES_BYTES and len(self.trees) > 1:
            _, (_, old) = self.trees.popitem(last=False)
            self.size -= old
        return parsed

    def root(self, ref: PlainRef) -> Any:
        parsed = self.parsed(ref.file)
        if parsed is None:
            raise LookupError(f"{ref.file} cannot be read any more")
        root = parsed.documents[ref.doc].root
        return root if ref.item < 0 else dict(_plain_roots(root))[ref.item]

    def clear(self) -> None:
        self.trees.clear()
        self.size = 0


def _plain_roots(root: YMap) -> list[tuple[int, YMap]]:
    """The objects of a document, as `kz.plain_objects` sees them: the root, or a `*List`'s mapping items."""
    if str(root.get("kind", "")).endswith("List") and isinstance(root.get("items"), list):
        return list(enumerate(i for i in root.get("items", []) if isinstance(i, YMap)))
    return [(-1, root)]


def _plain_files(st: RenderState) -> _PlainFiles:
    if st.plain is None:
        st.plain = _PlainFiles()
    return st.plain


class _KustomizeMapper:
    """Built position -> (resource or patch file, line, column)."""

    def __init__(self, linter: "Linter", shown_k: str, docs: list[tuple[int, int]], root_of: Callable[[int], Any],
                 resources: list[PlainRef], patches: list[PlainRef]) -> None:
        self.linter, self.shown_k, self.docs, self.root_of = linter, shown_k, docs, root_of
        self.resources, self.patches = resources, patches
        self.indexes: dict[int, dict[tuple[int, int], tuple[Any, ...]]] = {}

    def __call__(self, line: int, column: int) -> tuple[str, int, int]:
        st = _state(self.linter)
        plain = _plain_files(st)
        current = None
        for start, index in self.docs:
            if start <= line or current is None:
                current = index
        root = self.root_of(current) if current is not None else None
        if current is None or not isinstance(root, YMap):
            return self.shown_k, 1, 1
        meta = root.get("metadata") if isinstance(root.get("metadata"), dict) else {}
        ns = meta.get("namespace")
        src = kz.find_source(self.resources, str(root.get("kind", "")), str(meta.get("name", "")),  # type: ignore[arg-type]
                             str(ns) if ns is not None else None)
        if src is None:
            return self.shown_k, 1, 1
        if current not in self.indexes:
            self.indexes[current] = position_paths(root)
        path = path_at(self.indexes[current], line, column)
        sline, scol, depth = locate_depth(plain.root(src), path)  # type: ignore[arg-type]
        if depth < len(path):  # the field may come from a patch of this object
            for patch in self.patches:
                if patch.kind == src.kind and patch.name == src.name:
                    pline, pcol, pdepth = locate_depth(plain.root(patch), path)
                    if pdepth > depth:
                        src, sline, scol, depth = patch, pline, pcol, pdepth  # type: ignore[assignment]
        shown = _display(str(src.file))
        if shown not in st.suppressions:
            try:
                st.suppressions[shown] = sup.yaml_suppressions(src.file.read_text(encoding="utf-8", errors="replace"),
                                                               self.linter.registry)
            except OSError:
                st.suppressions[shown] = sup.Suppressions()
        return shown, sline, scol


# -- final step ------------------------------------------------------------------------------

def remap(linter: "Linter", findings: Iterable[Finding]) -> list[Finding]:
    """Map the project findings on rendered objects (the others were mapped as their unit was linted)."""
    st = getattr(linter, "_render_state", None)
    if st is None or not st.late:
        return list(findings)
    out: list[Finding] = []
    mappers: dict[str, Mapper] = {}
    try:
        for f in findings:
            mapping = st.late.get(f.path)
            if mapping is None:
                out.append(f)
                continue
            try:
                if f.path not in mappers:
                    mappers[f.path] = _late_mapper(linter, st, f.path, mapping)
                path, line, column = mappers[f.path](f.line, f.column)
            except Exception:  # mapping is best effort; never lose a finding
                path, line, column = _shown_of(f.path), 1, 1
            sups = st.suppressions.get(path)
            if sups is not None and sups.covers(f.rule_id, line):
                continue
            once = (f.rule_id, path, line, column, f.message)
            if once in st.seen:
                continue
            st.seen.add(once)
            out.append(f._replace(path=path, line=line, column=column, end_line=None, end_column=None))
        out = [_remap_message(linter, st, f, mappers) for f in out]
    finally:  # the run is over: drop what only its project findings needed
        st.late, st.roots, st.project = {}, None, None
        if st.plain is not None:
            st.plain.clear()
    return out


_INTERNAL_REF = re.compile(r"(\S+?#render\d+):(\d+)")


def _remap_message(linter: "Linter", st: RenderState, f: Finding, mappers: dict[str, Mapper]) -> Finding:
    """A message naming another rendered object (`<key>#render<n>:<line>`) names its source file and line."""
    if "#render" not in f.message:
        return f

    def source_of(m: "re.Match[str]") -> str:
        key, line = m.group(1), int(m.group(2))
        mapping = st.late.get(key)
        try:
            if mapping is not None:
                if key not in mappers:
                    mappers[key] = _late_mapper(linter, st, key, mapping)
                path, mapped, _ = mappers[key](line, 1)
                return f"{path}:{mapped}"
        except Exception:  # best effort, like the findings themselves
            pass
        return _shown_of(key)

    return f._replace(message=_INTERNAL_REF.sub(source_of, f.message))


def _late_mapper(linter: "Linter", st: RenderState, key: str, mapping: Any) -> Mapper:
    if st.roots is None:
        objects = st.project.objects if st.project is not None else []
        st.roots = {(o.file, o.document.index): o for o in objects if not o.base and o.file in st.late}
    unpacked: dict[int, Any] = {}

    def root_of(index: int) -> Any:
        obj = st.roots.get((key, index)) if st.roots is not None else None
        if obj is not None:
            return obj.root
        if index not in unpacked:
            blob = mapping.packed.get(index)
            unpacked[index] = pickle.loads(zlib.decompress(blob)) if blob is not None else None
        return unpacked[index]

    if isinstance(mapping, KustomizeMap):
        return _KustomizeMapper(linter, mapping.shown, mapping.docs, root_of, mapping.resources, mapping.patches)
    template = ""
    if mapping.template is not None:
        try:
            template = Path(mapping.template).read_text(encoding="utf-8", errors="replace")
        except OSError:
            pass
    if mapping.shown not in st.suppressions:
        st.suppressions[mapping.shown] = sup.yaml_suppressions(template, linter.registry) if template else sup.Suppressions()
    helpers = _helpers(linter, Path(mapping.helper_dir)) if mapping.helper_dir is not None else []

    def helm_root(index: int) -> Any:
        root = root_of(index)
        if root is None:
            raise LookupError(f"no tree for document {index} of {key}")
        return root

    return _HelmMapper(mapping.shown, template, helpers, mapping.docs, helm_root)


def values_app_version(values_path: str) -> str | None:
    meta = helm_src.chart_metadata(Path(values_path).parent)
    v = meta.get("appVersion")
    return str(v) if v is not None else None


def is_chart_values(path: str) -> bool:
    p = Path(path)
    return p.name in ("values.yaml", "values.yml") and (p.parent / "Chart.yaml").is_file()
