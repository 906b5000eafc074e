"""A content-hash cache of per-file results.

An entry holds what linting one file produced: its findings, whether it was a
file k8slint lints, and - only when project (cross-file) rules are enabled - its
Kubernetes objects and YAML suppressions, so that project rules can run again
on the whole (partly cached) object set at the end of every run. Project
findings themselves are never cached: they depend on other files.

The key hashes the file's bytes, its shown path and kind, k8slint's version,
the effective configuration, and the rule set (ids, the modules that define
them and those modules' and the engine's file stamps), so editing a rule or the
engine during development invalidates it too. Entries live in one SQLite
database (see ResultCache), written in transactions, so concurrent runs never
read a torn entry; an unreadable or corrupt entry is a miss. `--no-cache` turns
the cache off; K8SLINT_CACHE_DIR moves it (default: $XDG_CACHE_HOME/k8slint,
~/.cache/k8slint, ~/Library/Caches/k8slint, %LOCALAPPDATA%\\k8slint\\Cache).
The cache prunes itself (see ResultCache.prune): entries unused for MAX_AGE_DAYS
go, the least recently used go when the database outgrows its size cap
(K8SLINT_CACHE_MAX_MB), and so do the folders of older entry formats.
"""
from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path
from typing import Any

from linter.cachedir import default_cache_dir

FORMAT = "5"  # bump when the entry layout changes
RACY_SECONDS = 2.0
FLUSH_BYTES = 16 * 1024 * 1024  # write buffered entries past this much, to bound memory
DAY = 86400
MAX_AGE_DAYS = 30  # an entry not used for this long is deleted
DEFAULT_MAX_MB = 512  # the database's size cap; K8SLINT_CACHE_MAX_MB overrides it
# An entry's `used` time is refreshed only when it is older than this, so a warm run on the same
# day writes nothing; pruning runs at most this often (a marker file's mtime tells).
TOUCH_SECONDS = DAY
PRUNE_EVERY_SECONDS = DAY


def max_cache_bytes() -> int:
    try:
        mb = float(os.environ.get("K8SLINT_CACHE_MAX_MB", DEFAULT_MAX_MB))
    except ValueError:
        mb = DEFAULT_MAX_MB
    return max(0, int(mb * 1024 * 1024))


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
    """Entries in one SQLite file (`<cache dir>/v<FORMAT>/results.sqlite3`).

    One file per entry was the first design; creating thousands of small files cost ~2 ms each
    here (more than linting them), so entries are buffered and written by the parent process in
    one transaction at the end of the run. SQLite's locking makes concurrent runs safe: a
    transaction is all or nothing, a reader never sees half an entry, a busy database is waited
    for (then skipped). Any database error turns the cache off for the run, never fails it.
    """

    def __init__(self, folder: Path, salt: bytes) -> None:
        self.folder = folder
        self.salt = salt
        self.hits = 0
        self.misses = 0
        self.enabled = True
        self._db: Any = None
        self._pid = 0
        self._pending: dict[str, bytes] = {}
        self._pending_bytes = 0
        self._pending_stats: dict[str, str] = {}
        self._touched: set[str] = set()  # hit entries whose `used` time is stale
        self._touched_stats: set[str] = set()
        self.inputs: list[str] = []  # every key looked up this run, in order: the run's inputs
        self.complete = True  # False once an input of the run had no key (not cacheable)

    @classmethod
    def for_run(cls, linter: Any, folder: Path | None = None) -> "ResultCache":
        return cls(folder or default_cache_dir(), run_salt(linter))

    @property
    def path(self) -> Path:
        return self.folder / f"v{FORMAT}" / "results.sqlite3"

    def key(self, path: str, kind: str, explicit: bool, data: bytes) -> str:
        h = hashlib.sha256(self.salt)
        h.update(f"{path}\0{kind}\0{int(explicit)}\0".encode("utf-8", "surrogateescape"))
        h.update(data)
        return h.hexdigest()

    def _connect(self, create: bool) -> Any:
        if self._db is not None and self._pid == os.getpid():
            return self._db
        if not create and not self.path.is_file():
            return None
        import sqlite3

        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(str(self.path), timeout=10, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")
        except sqlite3.DatabaseError:
            pass  # e.g. a file system without shared memory: the default journal is fine too
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value BLOB NOT NULL, used INTEGER NOT NULL)")
        db.execute("CREATE TABLE IF NOT EXISTS stats (stat TEXT PRIMARY KEY, key TEXT NOT NULL, used INTEGER NOT NULL)")
        self._db, self._pid = db, os.getpid()
        return db

    def get(self, key: str) -> Any:
        self.inputs.append(key)
        if not self.enabled:
            return None
        try:
            db = self._connect(create=False)
            row = db.execute("SELECT value, used FROM entries WHERE key = ?", (key,)).fetchone() if db else None
        except Exception:  # not a database, unreadable: no cache this run
            self.enabled = False
            row = None
        value = None
        if row is not None:
            import pickle  # here: a run that only reads the cache folder (bashlex tables) never needs it

            try:
                value = pickle.loads(row[0])
            except Exception:  # an entry of an incompatible build: a miss
                value = None
            if value is not None and _stale(row[1]):
                self._touched.add(key)
        if value is None:
            self.misses += 1
        else:
            self.hits += 1
        return value

    def project_key(self) -> str | None:
        """A key for what the project rules find in this run: the keys of all its inputs (files and
        rendered units, each keyed by content, path, configuration and rule set), in order; None
        when an input had no key. A warm run whose inputs are all unchanged skips the project rules."""
        if not (self.enabled and self.complete and self.inputs):
            return None
        h = hashlib.sha256(self.salt)
        h.update(b"project\0")
        for key in self.inputs:
            h.update(key.encode("ascii", "replace") + b"\0")
        return h.hexdigest()

    # -- the stat shortcut (git's index, in short) ------------------------------------------
    # A warm run would read and hash every file to find its key; instead, a file whose path, size,
    # mtime and inode are those recorded at an earlier run maps straight to its content key. Files
    # modified less than RACY_SECONDS before being recorded are not recorded (an edit within the
    # same mtime tick could otherwise go unseen), and the salt is part of the stat key.
    def stat_key(self, path: str, st: os.stat_result) -> str:
        h = hashlib.sha256(self.salt)
        h.update(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ino}\0{st.st_dev}".encode("utf-8", "surrogateescape"))
        return h.hexdigest()

    def key_by_stat(self, stat_key: str) -> str | None:
        if not self.enabled:
            return None
        try:
            db = self._connect(create=False)
            row = db.execute("SELECT key, used FROM stats WHERE stat = ?", (stat_key,)).fetchone() if db else None
        except Exception:
            self.enabled = False
            return None
        if row is None:
            return None
        if _stale(row[1]):
            self._touched_stats.add(stat_key)
        return row[0]

    def record_stat(self, stat_key: str, st: os.stat_result, key: str) -> None:
        import time

        if self.enabled and st.st_mtime < time.time() - RACY_SECONDS:
            self._pending_stats[stat_key] = key

    def put(self, key: str, value: Any) -> None:
        """Buffer an entry; flush() writes the buffered entries."""
        if not self.enabled:
            return
        import pickle

        try:
            blob = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, RecursionError, TypeError, AttributeError):
            return  # e.g. a pathologically deep document: just not cached
        self.put_pickled(key, blob)

    def put_pickled(self, key: str, blob: bytes) -> None:
        """`put` of a value already pickled (with the highest protocol)."""
        if not self.enabled:
            return
        self._pending[key] = blob
        self._pending_bytes += len(blob)
        if self._pending_bytes > FLUSH_BYTES:
            self.flush()

    def flush(self) -> None:
        pending, self._pending, self._pending_bytes = self._pending, {}, 0
        stats, self._pending_stats = self._pending_stats, {}
        touched, self._touched = self._touched, set()
        touched_stats, self._touched_stats = self._touched_stats, set()
        if not self.enabled or not (pending or stats or touched or touched_stats):
            return
        import time

        now = int(time.time())
        try:
            db = self._connect(create=True)
            db.execute("BEGIN IMMEDIATE")
            try:
                db.executemany("INSERT OR REPLACE INTO entries (key, value, used) VALUES (?, ?, ?)",
                               [(k, v, now) for k, v in pending.items()])
                db.executemany("INSERT OR REPLACE INTO stats (stat, key, used) VALUES (?, ?, ?)",
                               [(k, v, now) for k, v in stats.items()])
                db.executemany("UPDATE entries SET used = ? WHERE key = ?", [(now, k) for k in touched])
                db.executemany("UPDATE stats SET used = ? WHERE stat = ?", [(now, k) for k in touched_stats])
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
            if pending and self._prune_due(now):
                self.prune(now)
        except Exception:  # read-only, full, locked for too long, corrupt: no cache this run
            self.enabled = False

    # -- pruning -----------------------------------------------------------------------------
    def _prune_due(self, now: int) -> bool:
        """At most once a PRUNE_EVERY_SECONDS per cache folder: a marker file's mtime says when."""
        marker = self.path.parent / "pruned"
        try:
            if now - marker.stat().st_mtime < PRUNE_EVERY_SECONDS:
                return False
        except OSError:
            pass
        try:
            marker.touch()
        except OSError:
            return False
        return True

    def prune(self, now: int, max_bytes: int | None = None) -> int:
        """Delete entries unused for MAX_AGE_DAYS, then the least recently used ones while the
        entries outgrow the size cap (down to 3/4 of it, so the next runs don't prune again at
        once), and the folders of other entry formats untouched for MAX_AGE_DAYS. Returns the
        number of entries deleted. SQLite reuses the freed pages; the file itself does not shrink."""
        cap = max_cache_bytes() if max_bytes is None else max_bytes
        db = self._connect(create=True)
        cutoff = now - MAX_AGE_DAYS * DAY
        db.execute("BEGIN IMMEDIATE")
        try:
            deleted = db.execute("DELETE FROM entries WHERE used < ?", (cutoff,)).rowcount
            db.execute("DELETE FROM stats WHERE used < ?", (cutoff,))
            total = db.execute("SELECT COALESCE(SUM(length(value)), 0) FROM entries").fetchone()[0]
            if total > cap:
                victims: list[str] = []
                for key, size in db.execute("SELECT key, length(value) FROM entries ORDER BY used, key"):
                    if total <= cap * 3 // 4:
                        break
                    victims.append(key)
                    total -= size
                db.executemany("DELETE FROM entries WHERE key = ?", [(k,) for k in victims])
                deleted += len(victims)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        self._remove_old_formats(cutoff)
        return deleted

    def _remove_old_formats(self, cutoff: int) -> None:
        import shutil

        for folder in self.folder.glob("v*"):
            if folder.name == f"v{FORMAT}" or not folder.name[1:].isdigit() or not folder.is_dir():
                continue
            try:
                newest = max((f.stat().st_mtime for f in folder.rglob("*")), default=folder.stat().st_mtime)
            except OSError:
                continue
            if newest < cutoff:
                shutil.rmtree(folder, ignore_errors=True)


def _stale(used: Any) -> bool:
    import time

    return not isinstance(used, int) or used < time.time() - TOUCH_SECONDS
