"""`k8slint-chart-folders`: the pre-commit entry for Helm charts.

pre-commit passes the changed files (Chart.yaml, values*.yaml, templates/*);
this maps each to its chart folder (the nearest parent holding Chart.yaml) and
lints each folder once, so a change to any part of a chart re-checks the chart.
Options (arguments starting with `-`) are passed through to `k8slint`.
"""
from __future__ import annotations

import sys
from pathlib import Path


def chart_folder(path: Path) -> Path | None:
    for folder in [path.parent, *path.parent.parents]:
        if (folder / "Chart.yaml").is_file():
            return folder
        if folder == folder.parent or (folder / ".git").exists():
            break
    return None


def chart_folders(files: list[str]) -> list[str]:
    found: list[str] = []
    for name in files:
        folder = chart_folder(Path(name))
        if folder is not None and str(folder) not in found:
            found.append(str(folder))
    return found


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    options = [a for a in args if a.startswith("-")]
    folders = chart_folders([a for a in args if not a.startswith("-")])
    if not folders:
        raise SystemExit(0)
    from linter.cli import app

    app(args=["check", *options, *folders], prog_name="k8slint")
