"""Where k8slint keeps its caches: K8SLINT_CACHE_DIR, else the platform's user cache folder. Its own
module so that the parts stored there (bashlex's tables, schema slices) need not import the result
cache (linter.cache and its hashing) to find it."""
from __future__ import annotations

import os
import sys
from pathlib import Path


def default_cache_dir() -> Path:
    env = os.environ.get("K8SLINT_CACHE_DIR")
    if env:
        return Path(env)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or os.path.expanduser("~\\AppData\\Local")
        return Path(base) / "k8slint" / "Cache"
    if sys.platform == "darwin":
        return Path(os.path.expanduser("~/Library/Caches/k8slint"))
    return Path(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache")) / "k8slint"
