"""Render every chart and build every kustomization of a corpus; print one line each and totals.

    .venv/bin/python scripts/corpus_render_stats.py [/work/shared/corpus]

Uses the same code as `k8slint` (linter.sources.helm.render, linter.sources.kustomize.build).
"""
from __future__ import annotations

import collections
import sys
import time
from pathlib import Path

from linter.sources import helm as H
from linter.sources import kustomize as K


def charts(root: Path) -> collections.Counter[str]:
    counts: collections.Counter[str] = collections.Counter()
    started = time.time()
    for chart_yaml in sorted(root.rglob("Chart.yaml")):
        chart = chart_yaml.parent
        if H.is_vendored_subchart(chart):
            counts["vendored subchart (rendered with its parent)"] += 1
            continue
        t0 = time.time()
        settings = H.HelmSettings()
        result = H.render(chart, settings, [], "defaults", H.secret_values(chart, settings, []))
        rules = {p.rule for p in result.problems}
        if not rules:
            status = "rendered"
        elif "render-failed" in rules:
            status = "render failed" + (" (with missing dependencies)" if "missing-dependency" in rules else "")
        elif "unavailable" in rules:
            status = "no Helm engine"
        else:
            status = "missing dependencies, rest rendered" if result.templates else "missing dependencies only"
        counts[status] += 1
        first = result.problems[0].message[:160] if result.problems else ""
        print(f"chart\t{time.time() - t0:.2f}s\t{status}\t{chart.relative_to(root)}\t{first}")
    print(f"charts: {dict(counts)} in {time.time() - started:.1f}s", file=sys.stderr)
    return counts


def kustomizations(root: Path) -> collections.Counter[str]:
    counts: collections.Counter[str] = collections.Counter()
    started = time.time()
    for kfile in sorted(p for n in K.KUSTOMIZATION_NAMES for p in root.rglob(n) if p.is_file()):
        folder = kfile.parent
        tree = K.tree(folder)
        t0 = time.time()
        error = ""
        if tree.component:
            status = "component"
        elif tree.remote:
            status, error = "remote resource (not fetched)", tree.remote[0]
        elif tree.missing:
            status, error = "missing resource (not built)", tree.missing[0]
        else:
            text, err = K.build(folder)
            status, error = ("built", "") if text is not None else ("build failed", err or "")
        counts[status] += 1
        print(f"kustomize\t{time.time() - t0:.2f}s\t{status}\t{folder.relative_to(root)}\t{error[:160]}")
    print(f"kustomizations: {dict(counts)} in {time.time() - started:.1f}s", file=sys.stderr)
    return counts


if __name__ == "__main__":
    corpus = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/corpus")
    charts(corpus)
    kustomizations(corpus)
