"""bench/tree_memory.py runs a command and reports its process tree's peak (untimed)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "bench" / "tree_memory.py"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_reports_the_peak_of_a_command_with_a_child():
    child = "import subprocess, sys, time; subprocess.run([sys.executable, '-c', 'import time; time.sleep(0.3)'])"
    out = subprocess.run([sys.executable, str(SCRIPT), sys.executable, "-c", child],
                         capture_output=True, text=True, check=True).stdout
    first, *rest = out.splitlines()
    assert first.startswith("wall ") and "peak tree PSS" in first and first.endswith("exit 0")
    assert rest[-1].startswith("timeline: ")
    assert any(" MB " in line for line in rest[:-1])
