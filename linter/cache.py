"""A content-hash cache of per-file results.

An entry holds what linting one file produced: its findings, whether it was a
file k8slint lints, and - only when project (cross-file) rules are enabled - its
Kubernetes objects and YAML suppressions, so that project rules can run again
on the whole (partly cached) object set at the end of every run. Project
findings themselves are never cached: they depend on other files.

The key hashes the file's bytes, its shown path and kind, k8slint's version,
the effective configuration, and the rule set (ids, the modules that define
them and those modules' and the engine's file stamps), so editing a rule or the
engine during development invalidates it too. Entries are written to a
temporary file and renamed into place (atomic on POSIX and Windows), so
concurrent runs never read a torn entry; an unreadable or corrupt entry is a
miss. `--no-cache` turns the cache off; K8SLINT_CACHE_DIR moves it (default:
$XDG_CACHE_HOME/k8slint, ~/.cache/k8slint, %LOCALAPPDATA%\\k8slint\\Cache).
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
from pathlib import Path
from typing import Any

FORMAT = "1"  # bump when the entry layout changes


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


def _stamp(path: str | None) -> str:
    if not path:
        return "-"
    try:
        st = os.stat(path)
    except OSError:
        return "?"
    return f"{st.st_mtime_ns}:{st.st_size}"


def _engine_stamps() -> list[str]:
    import linter

    root = Path(linter.__file__).parent
    out = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".py", ".yaml")):
                full = os.path.join(folder, name)
                out.append(f"{os.path.relpath(full, root)}={_stamp(full)}")
    return out


def run_salt(linter: Any) -> bytes:
    """Everything besides the file itself that a file's results depend on."""
    from linter import __version__
    from linter.model import Target

    h = hashlib.sha256()
    parts = [FORMAT, __version__, sys.version, repr(linter.config)]
    for r in linter.registry:
        module = sys.modules.get(r.check.__module__)
        parts.append(f"{r.id}|{r.name}|{r.origin}|{r.check.__module__}|{_stamp(getattr(module, '__file__', None))}")
    # rule packages' folders: a rule module added or removed (even of a family not loaded) changes them
    for name in sorted({r.check.__module__.rsplit(".", 1)[0] for r in linter.registry}):
        pkg = sys.modules.get(name)
        for folder in getattr(pkg, "__path__", []) or []:
            parts.append(f"{name}:{_stamp(folder)}")
    parts.extend(_engine_stamps())
    parts.append(f"project={bool(linter.by_target[Target.K8S_PROJECT])}")
    for p in parts:
        h.update(p.encode("utf-8", "surrogateescape"))
        h.update(b"\0")
    return h.digest()


class ResultCache:
    def __init__(self, folder: Path, salt: bytes) -> None:
        self.folder = folder
        self.salt = salt
        self.hits = 0
        self.misses = 0
        self.enabled = True

    @classmethod
    def for_run(cls, linter: Any, folder: Path | None = None) -> "ResultCache":
        return cls(folder or default_cache_dir(), run_salt(linter))

    def key(self, path: str, kind: str, explicit: bool, data: bytes) -> str:
        h = hashlib.sha256(self.salt)
        h.update(f"{path}\0{kind}\0{int(explicit)}\0".encode("utf-8", "surrogateescape"))
        h.update(data)
        return h.hexdigest()

    def _file(self, key: str) -> Path:
        return self.folder / f"v{FORMAT}" / key[:2] / key

    def get(self, key: str) -> Any:
        if not self.enabled:
            return None
        try:
            with open(self._file(key), "rb") as fh:
                value = pickle.load(fh)
        except Exception:  # missing, torn by a crash, from an incompatible version: a miss
            self.misses += 1
            return None
        self.hits += 1
        return value

    def put(self, key: str, value: Any) -> None:
        if not self.enabled:
            return
        target = self._file(key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            import tempfile

            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as fh:
                    pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, target)
            except BaseException:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass
                raise
        except OSError:
            self.enabled = False  # a read-only or full cache folder must not fail the run
        except (pickle.PicklingError, RecursionError, TypeError, AttributeError):
            pass  # e.g. a pathologically deep document: just not cached
