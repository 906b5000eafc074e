"""bench/rule_costs.py stays runnable: a two-file corpus, every rule timed, nothing asserted on time."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_rule_costs_ranks_rules_on_a_tiny_corpus(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "r").mkdir(parents=True)
    (corpus / "r" / "Dockerfile").write_text("FROM alpine:latest\nRUN echo $X && ps\n")
    (corpus / "r" / "deploy.yaml").write_text(
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n"
        "    spec: {containers: [{name: c, image: 'nginx:latest'}]}\n")
    (corpus / "INDEX.tsv").write_text(
        "path\tsource_repo\tcategory\tbytes\tyaml_docs\tfeatures\n"
        "r/Dockerfile\tr\tdockerfile\t1\t0\t\nr/deploy.yaml\tr\tk8s-manifest\t1\t1\t\n")
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "rule_costs.py"), str(corpus), "--top", "5"],
                          capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "1 Dockerfiles, 1 objects" in proc.stdout
    assert len([line for line in proc.stdout.splitlines() if line[:2] in ("DF", "KS")]) == 5


def test_rule_costs_skips_without_a_corpus(tmp_path):
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "rule_costs.py"), str(tmp_path / "none")],
                          capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert proc.returncode == 0 and "nothing to measure" in proc.stdout
