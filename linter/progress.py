"""A progress bar on stderr for long interactive runs.

Shown only when stderr is a terminal, the report is the human `text` format and
the run has many files; never in pre-commit (it sets PRE_COMMIT=1, and may run hooks in a pty), in
pipes or with machine formats. `--progress`/`--no-progress` override the guess.
The bar wraps the linter instance's per-file entry point, so the engine stays
unaware of it.
"""
from __future__ import annotations

import os
import sys
from typing import Any, Iterable, TextIO

MIN_FILES = 50


def wanted(fmt: str, forced: bool | None, stream: TextIO, files: int | None = None) -> bool:
    if forced is not None:
        return forced
    # pre-commit runs hooks in a pseudo-terminal when it colours output, so stderr can look like a TTY
    # there; it sets PRE_COMMIT=1 in the hooks' environment
    if fmt != "text" or "CI" in os.environ or "PRE_COMMIT" in os.environ or os.environ.get("TERM") == "dumb":
        return False
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):
        tty = False
    return tty and (files is None or files >= MIN_FILES)


def lint_with_progress(linter: Any, targets: Iterable[str], fmt: str, forced: bool | None,
                       stream: TextIO | None = None) -> Any:
    stream = stream if stream is not None else sys.stderr
    targets = list(targets)
    if not wanted(fmt, forced, stream):
        return linter.lint_paths(targets)
    from linter.discovery import discover

    files, _ = discover(targets, linter.config.exclude)
    if not wanted(fmt, forced, stream, len(files)):
        return linter.lint_paths(targets)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    console = Console(file=stream, force_terminal=forced or None)
    columns = (TextColumn("linting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    original = linter.lint_bytes
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("lint", total=len(files))

        def counted(*args: Any, **kwargs: Any) -> Any:
            try:
                return original(*args, **kwargs)
            finally:
                bar.advance(task)

        linter.lint_bytes = counted
        try:
            return linter.lint_paths(targets)
        finally:
            del linter.lint_bytes
