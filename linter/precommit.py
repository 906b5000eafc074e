"""`k8slint-chart-folders`: the pre-commit entry for Helm charts.

pre-commit passes the changed files (Chart.yaml, values*.yaml, templates/*);
this maps each to its chart folder (the nearest parent holding Chart.yaml) and
lints each folder once, so a change to any part of a chart re-checks the chart.
Options (`--format json`, `--fail-on=error`, ...) are passed through to `k8slint`.
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


def split_options(args: list[str]) -> tuple[list[str], list[str]]:
    """(options with their values, file names): pre-commit passes the hook's `args`, then the files.
    An option that takes a value (`--format json`) keeps its next argument."""
    from linter.fastcli import VALUE_OPTIONS

    options: list[str] = []
    files: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        i += 1
        if arg == "--":
            files.extend(args[i:])
            break
        if not arg.startswith("-") or arg == "-":
            files.append(arg)
            continue
        options.append(arg)
        if arg in VALUE_OPTIONS and i < len(args):
            options.append(args[i])
            i += 1
    return options, files


def main(argv: list[str] | None = None) -> None:
    options, files = split_options(list(sys.argv[1:] if argv is None else argv))
    folders = chart_folders(files)
    if not folders:
        raise SystemExit(0)
    from linter.fastcli import main as k8slint

    k8slint(["check", *options, "--", *folders])  # the typer-free path, as the `k8slint` hook
