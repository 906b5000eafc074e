"""Keeping a run's process tree small: what the parent and its forked workers give back or share."""
from __future__ import annotations

import gc
import sys
from contextlib import contextmanager
from typing import Any, Iterator

_TRIM: Any = None  # glibc's malloc_trim, looked up on first use (False where there is none)

# With the automatic cycle collector off (the command line turns it off for a run, see
# `collect_by_input`), a full collection after every this many bytes of linted input.
COLLECT_EVERY_BYTES = 32 * 1024 * 1024
_since_collect = 0


def collect_by_input(size: int) -> None:
    """Count `size` bytes of input linted; with the automatic collector off, collect cycles every
    COLLECT_EVERY_BYTES.

    A run's data is acyclic trees (parses, findings) that reference counting frees, but CPython's
    generational collector still walks every container a parse allocates, young and again old: on
    the corpus that was ~10 s of a 64 s CPU run (a 2 MB kustomize output is ~1.5 million
    containers). The command line switches the automatic collector off for a run and this keeps the
    rare cycles (a rule's, a library's) bounded: ~3 full collections over the corpus's 84 MB.
    """
    global _since_collect
    if gc.isenabled():
        return
    _since_collect += size
    if _since_collect >= COLLECT_EVERY_BYTES:
        _since_collect = 0
        gc.collect()


def release_free_memory() -> None:
    """Hand the heap's free pages back to the system. glibc keeps what Python freed (a parsed
    kustomize output, a chunk of files) mapped; a worker forked later would inherit it too."""
    global _TRIM
    if _TRIM is None:
        _TRIM = False
        if sys.platform.startswith("linux"):
            try:
                import ctypes

                _TRIM = ctypes.CDLL("libc.so.6").malloc_trim
            except (OSError, AttributeError):
                pass
    if _TRIM:
        _TRIM(0)


@contextmanager
def frozen_heap() -> Iterator[None]:
    """While forking workers: the parent's objects out of the cyclic collector's reach. A worker's
    collection writes to every tracked object it visits, so each worker would copy the pages of the
    whole inherited heap (the run's objects so far) instead of sharing them."""
    gc.collect()
    release_free_memory()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
