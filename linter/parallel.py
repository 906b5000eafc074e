"""Per-file work (read, cache lookup, parse, per-file rules), spread over worker processes when it pays.

Each file is linted on its own, in the parent or in a worker; results come back
in discovery order, so the Project (every Kubernetes object, for the project
rules that the engine runs once at the end) and the report are the same bytes
whatever `--jobs` is. Workers are forked on Linux (no re-import, no pickling of
the linter), spawned elsewhere. Runs with fewer than MIN_PARALLEL_FILES files to
lint (the pre-commit case, or a warm cache) never start a pool. While kustomizations
build in a background worker (linter.rendered), the engine first lints what it can in a
low-priority thread of the parent, the lane (`_lint_in_lane`), and the pool the rest after.
"""
from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any, Callable, Iterator, Sequence

from linter.memory import frozen_heap, release_free_memory
from linter.model import Finding, Target

if TYPE_CHECKING:  # pragma: no cover
    from linter.discovery import SourceFile
    from linter.engine import Linter, Project

MIN_PARALLEL_FILES = 32  # below this, forking workers costs more than it saves
_CHUNKS_PER_WORKER = 8
# Source kinds whose per-file results depend on more than the file's own bytes (and its kind, path
# and the run's configuration) must not be cached: list them here.
UNCACHED_KINDS: set[str] = set()


class FileResult:
    __slots__ = ("findings", "linted", "objects", "suppressions")

    def __init__(self, findings: list[Finding], linted: bool, objects: Any = None, suppressions: Any = None) -> None:
        self.findings = findings
        self.linted = linted  # False: not a file k8slint lints (e.g. a CI workflow), or unreadable
        self.objects = objects  # the file's own Project (its objects...), kept only when project rules run
        self.suppressions = suppressions  # the file's YAML comment suppressions, for project findings


class PackedResult:
    """A result (a FileResult, a rendered unit's) pickled until it is used: in a Spill's file, or
    here when there is none."""

    __slots__ = ("spill", "offset", "data")

    def __init__(self, spill: Any, offset: int, data: bytes | int) -> None:
        self.spill, self.offset, self.data = spill, offset, data  # data: the pickle, or its size in `spill`

    def pickled(self) -> bytes:
        data = self.data
        if isinstance(data, int):
            self.spill.seek(self.offset)
            data = self.spill.read(data)
        return data

    def unpack(self) -> Any:
        import pickle

        return pickle.loads(self.pickled())


class Spill:
    """Where results wait pickled (the lane's, the kustomize worker's): an unnamed temporary file
    (the system's to keep in its page cache or not, not a process's heap), else memory. A Spill
    made before a fork is one file for both processes: the child writes, the parent reads after."""

    def __init__(self) -> None:
        import tempfile

        try:
            self.file: Any = tempfile.TemporaryFile()
        except OSError:
            self.file = None

    def pack(self, result: Any) -> Any:
        """A PackedResult of `result`, or `result` itself when it cannot be pickled."""
        import pickle

        try:
            data = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
            return result  # e.g. a tree too deep to pickle: kept as it is
        if self.file is not None:
            try:
                offset = self.file.seek(0, os.SEEK_END)
                self.file.write(data)
                self.file.flush()
                return PackedResult(self.file, offset, len(data))
            except OSError:  # disk full: the rest waits here
                self.file = None
        return PackedResult(None, 0, data)


class NeedsMainThread(BaseException):
    """Work that is safe only in a main thread, refused in a thread whose `refuses_unguarded_work`
    is set and that cannot hand it to the main thread: e.g. a bashlex parse, whose time limit is a
    SIGALRM (linter.time_limit). A BaseException, so that no rule's or parser's `except Exception`
    turns it into a result."""


def unpacked(result: "FileResult | PackedResult") -> FileResult:
    return result.unpack() if isinstance(result, PackedResult) else result


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _keeps_project(linter: "Linter") -> bool:
    return bool(linter.by_target[Target.K8S_PROJECT])


def lint_source(linter: "Linter", source: "SourceFile", data: bytes | None = None) -> FileResult:
    """Everything one file yields on its own (no project rules, no cache)."""
    from linter.engine import FILE_SKIPPED, PARSE_ERROR, Project

    if data is None:
        data, error = linter._read(source.path)
        if error is not None:
            rule_id = FILE_SKIPPED if "skipped" in error else PARSE_ERROR
            return FileResult(list(linter._engine_finding(rule_id, source.path, 1, 1, error)), False)
    keep = _keeps_project(linter)
    project = Project() if keep else None
    found = linter.lint_bytes(data, source.path, source.kind, source.explicit, project)
    suppressions = linter._yaml_suppressions.pop(source.path, None)
    return FileResult(found if found is not None else [], found is not None, project,
                      suppressions if keep else None)


# -- worker side ---------------------------------------------------------------------
_WORKER: "Linter | None" = None


def _init_worker(linter: "Linter") -> None:
    global _WORKER
    _WORKER = linter


def _work(chunk: Sequence["SourceFile"]) -> list[FileResult]:
    assert _WORKER is not None
    prefetch_dockerfiles(_WORKER, chunk)
    try:
        return [lint_source(_WORKER, s) for s in chunk]
    finally:
        _WORKER._parsed_dockerfiles.clear()
        wait_for_prefetches(_WORKER)
        release_free_memory()


PREFETCH_GROUP = 128  # Dockerfiles parsed ahead and batched together when linting in this process


def prefetch_dockerfiles(linter: "Linter", sources: Sequence["SourceFile"]) -> None:
    """Give the Dockerfile rules that batch work (`check.prefetch(dockerfiles, options)`, e.g.
    ShellCheck over many files per process) the Dockerfiles of `sources` at once.

    The Dockerfiles are read and parsed ahead (the engine reuses the parse); each rule gets those
    its `exclude:` globs leave, and then finds its results cached when it checks each file.
    A lone Dockerfile (the pre-commit case) is handed over in a background thread instead, so an
    external process it starts runs while the other rules do; the engine waits for that thread
    before it runs the rule's own check (Linter._prefetching).
    """
    batching = [(r, r.check.prefetch) for r in linter.by_target[Target.DOCKERFILE]  # type: ignore[attr-defined]
                if getattr(r.check, "prefetch", None) is not None]
    dockerfiles = [s for s in sources if s.kind == "dockerfile"]
    if not batching or not dockerfiles:
        return
    from linter.engine import decode
    from linter.sources.dockerfile import parse_dockerfile

    parsed = {}
    for source in dockerfiles:
        data, error = linter._read(source.path)
        if data is None:
            continue
        text, _ = decode(data)
        if text is None:
            continue
        try:
            df = parse_dockerfile(text, source.path)
        except Exception:  # the engine reports it
            continue
        linter._parsed_dockerfiles[source.path] = (text, df)
        parsed[source.path] = df
    for rule, prefetch in batching:
        spec = linter._rule_excludes.get(rule.id)
        wanted = [df for path, df in parsed.items() if not (spec is not None and spec.match_file(path))]
        options = linter.config.rules[rule.id].options
        if len(dockerfiles) == 1 and wanted:
            import threading

            worker = threading.Thread(target=_quiet_prefetch, args=(prefetch, wanted, options),
                                      name=f"k8slint-prefetch-{rule.id}")
            worker.start()
            linter._prefetching[rule.id] = worker
        elif len(wanted) >= 2:
            _quiet_prefetch(prefetch, wanted, options)


def _quiet_prefetch(prefetch: Any, dockerfiles: list[Any], options: Any) -> None:
    try:
        prefetch(dockerfiles, options)
    except Exception:  # a failing prefetch is left out: the rule then does the work per file
        pass


def wait_for_prefetches(linter: "Linter") -> None:
    """Join the background prefetches whose Dockerfile was never linted (e.g. unreadable on the second read)."""
    while linter._prefetching:
        linter._prefetching.popitem()[1].join()


def _pool_context() -> Any:
    import multiprocessing

    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def _in_pool(linter: "Linter", files: Sequence["SourceFile"], jobs: int) -> list[FileResult] | None:
    from concurrent.futures import ProcessPoolExecutor
    import pickle
    from concurrent.futures.process import BrokenProcessPool

    size = max(1, -(-len(files) // (jobs * _CHUNKS_PER_WORKER)))
    chunks = [files[i:i + size] for i in range(0, len(files), size)]
    try:
        with frozen_heap(), ProcessPoolExecutor(max_workers=jobs, mp_context=_pool_context(),
                                                initializer=_init_worker, initargs=(linter,)) as pool:
            return [r for rs in pool.map(_work, chunks) for r in rs]
    except (BrokenProcessPool, OSError, pickle.PicklingError, TypeError, AttributeError, RecursionError):
        # a worker killed for memory, no fork allowed, a result that cannot travel: lint in this process
        return None


def file_results(linter: "Linter", files: Sequence["SourceFile"],
                 until: Callable[[], bool] | None = None) -> list[FileResult | PackedResult | None]:
    """The FileResult of each of `files`, in order, touching neither the run's Project nor its suppressions
    (so they can be worked out while other work runs: see `_lint_in_lane`).

    The cache is looked up here, in the parent, first (a warm run never starts a pool); the
    misses are linted here or in workers, and their results written to the cache in one go.
    With `until`, the misses are linted only in this process's low-priority lane and only until
    `until()` is true; those not linted by then are None.
    """
    jobs = linter.jobs or default_jobs()
    cache = linter.cache
    results: list[FileResult | PackedResult | None] = [None] * len(files)
    keys: list[str | None] = [None] * len(files)
    todo = []
    for i, source in enumerate(files):
        if cache is not None and source.kind in UNCACHED_KINDS:
            cache.complete = False  # its objects are not covered by any key
        if cache is not None and cache.enabled and source.kind not in UNCACHED_KINDS:
            try:
                st = os.stat(source.path)
            except OSError:
                st = None
            skey = cache.stat_key(source.path, st) if st is not None else None
            known = cache.key_by_stat(skey) if skey is not None else None
            if known is not None:
                hit = cache.get(known)
                if isinstance(hit, FileResult):
                    results[i] = hit
                    continue
            data, error = linter._read(source.path)
            if error is None:
                keys[i] = cache.key(source.path, source.kind, source.explicit, data)
                if st is not None and skey is not None:
                    cache.record_stat(skey, st, keys[i])
                hit = cache.get(keys[i])
                if isinstance(hit, FileResult):
                    results[i] = hit
                    continue
        todo.append(i)
    if until is not None:
        _lint_in_lane(linter, files, results, todo, until)
    else:
        if jobs > 1 and len(todo) >= MIN_PARALLEL_FILES:
            done = _in_pool(linter, [files[i] for i in todo], min(jobs, len(todo)))
            if done is not None:
                for i, r in zip(todo, done):
                    results[i] = r
        serial = [i for i in todo if results[i] is None]
        for n, i in enumerate(serial):
            if n % PREFETCH_GROUP == 0:
                prefetch_dockerfiles(linter, [files[j] for j in serial[n:n + PREFETCH_GROUP]])
            results[i] = lint_source(linter, files[i])  # read again: holding every file's bytes costs memory
        linter._parsed_dockerfiles.clear()
        wait_for_prefetches(linter)
    for i in todo:
        key = keys[i]
        result = results[i]
        if cache is not None and key is not None and result is not None:
            if isinstance(result, PackedResult):
                cache.put_pickled(key, result.pickled())
            else:
                cache.put(key, result)
    if cache is not None:
        cache.flush()
    return results


LANE_KINDS = ("yaml", "json", "helm-values", "dockerfile")
LANE_FILE_BYTES = 256 * 1024  # larger files wait for the pool: their parse would add to this process's peak


def _lint_in_lane(linter: "Linter", files: Sequence["SourceFile"], results: list[FileResult | PackedResult | None],
                  todo: list[int], until: Callable[[], bool]) -> None:
    """Lint files of `todo` in order in a thread of this process at the lowest CPU priority (Linux
    sets a thread's niceness on its own; the main thread keeps its own), until `until()` is true.

    Kustomize builds, in their worker, leave ~25 % of the cores idle; this lane uses that idle time
    without slowing them, and costs far less memory than more worker processes would. A file
    the lane leaves (too big, one whose rules need a main thread, not reached) stays None, for the pool after.
    Its results are PackedResults, unpacked only as they are merged, after the builds: live, they
    (their objects' metadata trees) would add ~25 MB to this process while kubectl's run (8 MB
    pickled, on the corpus).
    """
    import threading

    from linter.time_limit import MainThreadRunner

    if not sys.platform.startswith("linux"):
        return
    spill = Spill()

    def lane() -> None:
        try:
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)  # type: ignore[attr-defined]
        except (AttributeError, OSError):
            return  # no per-thread priority here: the lane would slow the work it should only fill in for
        # first the Dockerfiles' batched work (ShellCheck: external processes, which inherit the lane's
        # priority); what it caches here, the workers forked after the lane find
        dockerfiles = [files[i] for i in todo if files[i].kind == "dockerfile"]
        try:
            for n in range(0, len(dockerfiles), PREFETCH_GROUP):
                if until():
                    return
                prefetch_dockerfiles(linter, dockerfiles[n:n + PREFETCH_GROUP])
                linter._parsed_dockerfiles.clear()  # parsed again where they are linted: memory
        finally:
            linter._parsed_dockerfiles.clear()
            wait_for_prefetches(linter)
        for i in todo:
            if until():
                return
            source = files[i]
            if source.kind not in LANE_KINDS:
                continue
            try:
                if os.stat(source.path).st_size > LANE_FILE_BYTES:
                    continue
                result = lint_source(linter, source)
            except NeedsMainThread:  # work no limit can guard here (bashlex's parses go to the main thread: `runner`)
                linter._yaml_suppressions.pop(source.path, None)
                continue
            results[i] = spill.pack(result)

    runner = MainThreadRunner()

    def guarded() -> None:
        try:
            lane()
        except BaseException:  # what the lane did not finish, the pool does (and reports what fails there)
            pass
        finally:
            runner.close()

    worker = threading.Thread(target=guarded, name="k8slint-lane", daemon=True)
    worker.refuses_unguarded_work = True  # type: ignore[attr-defined]
    worker.main_thread_runner = runner  # type: ignore[attr-defined]  # bashlex's time limit is a SIGALRM
    worker.start()
    runner.serve()
    worker.join()


def merge_results(linter: "Linter", files: Sequence["SourceFile"], results: Sequence[FileResult | PackedResult],
                  project: "Project") -> Iterator[FileResult]:
    """Yield `results` (those of `files`, in order), adding their objects to `project` and their
    suppressions to the linter's as it goes."""
    from linter.engine import merge_project

    keep = _keeps_project(linter)
    for source, packed in zip(files, results):
        r = unpacked(packed)
        if keep:
            if r.objects is not None:
                merge_project(project, r.objects)
            if r.suppressions is not None:
                linter._yaml_suppressions[source.path] = r.suppressions
        yield r
