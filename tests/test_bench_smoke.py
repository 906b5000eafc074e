"""The benchmark harness stays runnable: 3 tiny files, one run, no external tools, nothing timed."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))


def test_bench_harness_runs_on_three_tiny_files(tmp_path):
    proc = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--smoke", str(tmp_path / "corpus"), "--no-install",
         "--markdown", str(tmp_path / "table.md")],
        capture_output=True, text=True, timeout=600, cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    table = (tmp_path / "table.md").read_text()
    assert table.startswith("Run of ") and "load average" in table and "| measure | k8slint |" in table
    for row in ("`python -c pass`", "`k8slint Dockerfile` cold", "`k8slint deploy.yaml` warm",
                "parse floor: the corpus's 3 files", "corpus (3 files + 0 charts + 0 kustomizations) vs parse floor, wall",
                "corpus vs parse floor, CPU (--jobs 1)", "--jobs default vs --jobs 1",
                "corpus peak memory, whole process tree", "warm re-run vs cold run",
                "Dockerfiles vs hadolint, ShellCheck on", "Dockerfiles vs hadolint, ShellCheck off",
                "corpus vs checkov", "plain files ("):
        assert row in table, row
    assert table in proc.stdout  # --markdown prints the same table, ready to paste


def test_floor_modes(tmp_path):
    (tmp_path / "Dockerfile").write_text("FROM alpine:3.20\nRUN true\n")
    (tmp_path / "a.yaml").write_text("a: 1\n---\nb: 2\n")
    (tmp_path / "bad.yaml").write_text("a: [\n")
    listing = tmp_path / "files.tsv"
    listing.write_text(f"dockerfile\t{tmp_path / 'Dockerfile'}\nyaml\t{tmp_path / 'a.yaml'}\n"
                       f"yaml\t{tmp_path / 'bad.yaml'}\nhelm-chart\t{tmp_path / 'nochart'}\n")
    floor = ROOT / "bench" / "floor.py"
    parse = subprocess.run([sys.executable, str(floor), "parse", str(listing)], capture_output=True, text=True,
                           check=True).stdout
    assert "2 files, 4 documents/instructions, 1 errors" in parse
    render = subprocess.run([sys.executable, str(floor), "render", str(listing)], capture_output=True, text=True,
                            check=True).stdout
    assert "1 charts" in render and "render floor" in render


def test_process_tree_memory_counts_children():
    import run as bench

    alone = bench.run_once([sys.executable, "-c", "b = bytearray(60 * 2**20); import time; time.sleep(0.5)"], tree=True)
    both = bench.run_once([sys.executable, "-c",
                           "import subprocess, sys; b = bytearray(60 * 2**20); subprocess.run([sys.executable, '-c', "
                           "'b = bytearray(60 * 2**20); import time; time.sleep(0.5)'])"], tree=True)
    if alone.tree_mb == 0:  # no /proc
        return
    assert alone.tree_mb >= 60 and both.tree_mb >= alone.tree_mb + 40


def test_process_tree_memory_counts_shared_pages_once():
    """A forked child that only reads its parent's pages adds no memory (PSS, not RSS)."""
    import run as bench

    code = ("import os, time\nb = bytearray(80 * 2**20)\npid = os.fork()\ntime.sleep(0.6)\n"
            "if pid: os.waitpid(pid, 0)\nelse: os._exit(0)\n")
    s = bench.run_once([sys.executable, "-c", code], tree=True)
    if s.tree_mb == 0 or not Path("/proc/self/smaps_rollup").exists():
        return
    assert 70 <= s.tree_mb < 140


def test_interleaved_runs_alternate_and_round_ratios_pair_them(tmp_path):
    import run as bench

    log = tmp_path / "order.txt"
    specs = [(name, [sys.executable, "-c", f"open({str(log)!r}, 'a').write({name!r})"], {}) for name in "abc"]
    measured = bench.measure_interleaved(specs, 3)
    assert log.read_text() == "abcabcabc"  # one of each per round, not blocks of three
    assert [len(m.samples) for m in measured] == [3, 3, 3]
    whole, parts = bench.Measure("w"), [bench.Measure("p"), bench.Measure("q")]
    for w, p, q in ((6.0, 1.0, 2.0), (9.0, 2.0, 1.0), (4.0, 1.0, 1.0)):
        whole.samples.append(bench.Sample(w, w, 0, 0, 0))
        parts[0].samples.append(bench.Sample(p, p, 0, 0, 0))
        parts[1].samples.append(bench.Sample(q, q, 0, 0, 0))
    assert bench.round_ratios(whole, parts) == [2.0, 3.0, 2.0]
