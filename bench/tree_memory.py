"""Run a command and show its process tree's memory: the peak of the summed PSS, who held it, when.

    python bench/tree_memory.py COMMAND [ARGS...]

The same measure as bench/run.py's "peak memory, process tree" (PSS of the process and all its
descendants, sampled from /proc every 50 ms; Linux only), plus the processes at the peak (PSS,
pid, the end of their command line) and a timeline (`seconds:MB/processes`), to see which phase
of a run holds the peak. Also prints wall and CPU time (user+sys of the whole tree) and the
largest single process's peak RSS.
"""
from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import _pss, descendants  # noqa: E402  (bench/run.py: one definition of PSS)


def tree(root: int) -> list[tuple[float, int, str]]:
    """(PSS in MB, pid, command) of `root` and its descendants."""
    pids = descendants(root)
    out = []
    for pid in pids:
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as fh:
                cmd = b" ".join(fh.read().split(b"\0")[:3]).decode(errors="replace")
        except OSError:
            cmd = "?"
        out.append((_pss(pid) / 2**20, pid, cmd[-70:]))
    return out


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL)
    peak: list = [0.0, []]
    timeline: list[tuple[float, float, int]] = []
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            now = tree(proc.pid)
            total = sum(p[0] for p in now)
            timeline.append((time.perf_counter() - start, total, len(now)))
            if total > peak[0]:
                peak[0], peak[1] = total, now
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    print(f"wall {wall:.1f}s cpu {usage.ru_utime + usage.ru_stime:.1f}s largest process {usage.ru_maxrss / 1024:.0f} MB"
          f" peak tree PSS {peak[0]:.0f} MB exit {os.waitstatus_to_exitcode(status)}")
    for mb, pid, cmd in sorted(peak[1], reverse=True):
        print(f"  {mb:7.1f} MB {pid} {cmd}")
    step = max(1, len(timeline) // 40)
    print("timeline:", " ".join(f"{t:.0f}s:{m:.0f}/{n}" for t, m, n in timeline[::step]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
