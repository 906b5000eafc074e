"""The result cache over time: concurrent runs share it safely, used entries stay fresh without
writes on a same-day warm run, and pruning bounds its age and size."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from linter import cache as cache_mod
from linter.cache import FORMAT, ResultCache

DEP = ("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d%d}\nspec:\n  template:\n"
       "    metadata: {labels: {app: a%d}}\n    spec: {containers: [{name: c, image: 'nginx:latest'}]}\n")


def _tree(tmp_path: Path, n: int = 40) -> Path:
    tree = tmp_path / "tree"
    tree.mkdir()
    for i in range(n):
        (tree / f"dep{i:02d}.yaml").write_text(DEP % (i, i))
    (tree / "Dockerfile").write_text("FROM alpine:latest\nRUN echo $HOME\n")
    return tree


def _k8slint(tree: Path, cache_dir: Path, out: Path) -> subprocess.Popen:
    env = {**os.environ, "K8SLINT_CACHE_DIR": str(cache_dir)}
    return subprocess.Popen([sys.executable, "-m", "linter", str(tree), "--format", "json", "-o", str(out)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _rows(cache_dir: Path, table: str = "entries") -> dict[str, int]:
    db = sqlite3.connect(str(cache_dir / f"v{FORMAT}" / "results.sqlite3"))
    try:
        key = "key" if table == "entries" else "stat"
        return dict(db.execute(f"SELECT {key}, used FROM {table}"))
    finally:
        db.close()


def _age_all(cache_dir: Path, seconds: int) -> None:
    db = sqlite3.connect(str(cache_dir / f"v{FORMAT}" / "results.sqlite3"))
    with db:
        db.execute("UPDATE entries SET used = used - ?", (seconds,))
        db.execute("UPDATE stats SET used = used - ?", (seconds,))
    db.close()


def test_concurrent_runs_share_one_cache(tmp_path):
    tree, cache_dir = _tree(tmp_path), tmp_path / "cache"
    runs = [_k8slint(tree, cache_dir, tmp_path / f"out{i}.json") for i in range(3)]
    for proc in runs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 1, err  # findings, no crash, no cache error
        assert "Traceback" not in err
    reports = {(tmp_path / f"out{i}.json").read_text() for i in range(3)}
    assert len(reports) == 1
    assert len(_rows(cache_dir)) >= 41  # every file's entry, written whole by whichever run came last
    warm = _k8slint(tree, cache_dir, tmp_path / "warm.json")
    warm.communicate(timeout=300)
    assert (tmp_path / "warm.json").read_text() in reports


def test_same_day_warm_run_writes_nothing_and_an_old_hit_is_refreshed(tmp_path):
    tree, cache_dir = _tree(tmp_path, 5), tmp_path / "cache"
    _k8slint(tree, cache_dir, tmp_path / "a.json").communicate(timeout=300)
    _age_all(cache_dir, 2 * 3600)  # used two hours ago: fresh enough, a warm run leaves it be
    before = _rows(cache_dir)
    assert before and max(before.values()) < time.time() - 3600
    _k8slint(tree, cache_dir, tmp_path / "b.json").communicate(timeout=300)
    assert _rows(cache_dir) == before
    _age_all(cache_dir, 3 * cache_mod.DAY)
    _k8slint(tree, cache_dir, tmp_path / "c.json").communicate(timeout=300)
    now = time.time()
    entries = _rows(cache_dir)
    assert sum(1 for used in entries.values() if now - used < 600) >= 6  # the 6 files' entries touched again
    assert all(now - used < 600 for used in _rows(cache_dir, "stats").values())
    assert (tmp_path / "a.json").read_text() == (tmp_path / "c.json").read_text()


def _filled(tmp_path: Path, ages_days: list[int], size: int = 1000) -> tuple[ResultCache, int]:
    c = ResultCache(tmp_path / "cache", b"salt")
    for i, _ in enumerate(ages_days):
        c.put(f"k{i}", b"x" * size)
    c.flush()
    now = int(time.time())
    db = c._connect(create=False)
    for i, age in enumerate(ages_days):
        db.execute("UPDATE entries SET used = ? WHERE key = ?", (now - age * cache_mod.DAY, f"k{i}"))
    return c, now


def test_prune_deletes_entries_unused_for_max_age(tmp_path):
    c, now = _filled(tmp_path, [0, 5, cache_mod.MAX_AGE_DAYS - 1, cache_mod.MAX_AGE_DAYS + 1, 400])
    assert c.prune(now) == 2
    assert c.get("k0") is not None and c.get("k2") is not None
    assert c.get("k3") is None and c.get("k4") is None


def test_prune_keeps_the_most_recently_used_under_the_size_cap(tmp_path):
    c, now = _filled(tmp_path, [9, 8, 7, 6, 5, 4, 3, 2, 1, 0], size=10_000)
    # each entry pickles to ~10 kB: a 50 kB cap keeps the newest down to 3/4 of it (3 entries)
    deleted = c.prune(now, max_bytes=50_000)
    kept = [i for i in range(10) if c.get(f"k{i}") is not None]
    assert deleted == 7 and kept == [7, 8, 9]


def test_prune_under_the_cap_deletes_nothing(tmp_path):
    c, now = _filled(tmp_path, [1, 2, 3], size=100)
    assert c.prune(now, max_bytes=10**6) == 0
    assert all(c.get(f"k{i}") is not None for i in range(3))


def test_prune_removes_only_old_folders_of_other_formats(tmp_path):
    c, now = _filled(tmp_path, [0])
    old, recent, other = c.folder / "v1", c.folder / "v2", c.folder / "notes"
    for folder in (old, recent, other):
        folder.mkdir()
        (folder / "results.sqlite3").write_bytes(b"old")
    long_ago = now - (cache_mod.MAX_AGE_DAYS + 2) * cache_mod.DAY
    os.utime(old / "results.sqlite3", (long_ago, long_ago))
    os.utime(other / "results.sqlite3", (long_ago, long_ago))
    c.prune(now)
    assert not old.exists() and recent.exists() and other.exists() and c.path.exists()


def test_prune_runs_at_most_once_a_day(tmp_path, monkeypatch):
    calls: list[int] = []
    monkeypatch.setattr(ResultCache, "prune", lambda self, now, max_bytes=None: calls.append(now) or 0)
    c = ResultCache(tmp_path / "cache", b"salt")
    for i in range(3):
        c.put(f"k{i}", i)
        c.flush()
    assert len(calls) == 1
    marker = c.path.parent / "pruned"
    day_ago = time.time() - cache_mod.PRUNE_EVERY_SECONDS - 10
    os.utime(marker, (day_ago, day_ago))
    c.put("k9", 9)
    c.flush()
    assert len(calls) == 2


@pytest.mark.parametrize("value, expected", [("64", 64 * 2**20), ("0.5", 2**19), ("junk", 512 * 2**20), ("-3", 0)])
def test_size_cap_from_the_environment(monkeypatch, value, expected):
    monkeypatch.setenv("K8SLINT_CACHE_MAX_MB", value)
    assert cache_mod.max_cache_bytes() == expected
