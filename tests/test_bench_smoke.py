"""The benchmark harness stays runnable: 3 tiny files, one run, no external tools, nothing timed."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_bench_harness_runs_on_three_tiny_files(tmp_path):
    proc = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--smoke", str(tmp_path / "corpus"), "--no-install",
         "--markdown", str(tmp_path / "table.md")],
        capture_output=True, text=True, timeout=600, cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    table = (tmp_path / "table.md").read_text()
    for row in ("`k8slint Dockerfile` cold", "`k8slint deploy.yaml` warm", "corpus vs parse floor",
                "warm re-run vs cold run", "Dockerfiles vs hadolint", "corpus vs checkov"):
        assert row in table, row
    assert "parse floor" in proc.stdout
