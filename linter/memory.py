"""Keeping a run's process tree small: what the parent and its forked workers give back or share."""
from __future__ import annotations

import gc
import sys
from contextlib import contextmanager
from typing import Any, Iterator

_TRIM: Any = None  # glibc's malloc_trim, looked up on first use (False where there is none)


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
