"""Output formats. Rules never import these; only the CLI does."""
from __future__ import annotations

from typing import Callable, TextIO

from linter.engine import RunResult

Renderer = Callable[[RunResult, TextIO, bool], None]


def get_renderer(name: str) -> Renderer:
    if name == "json":
        from linter.reporters.json import render
    elif name == "text":
        from linter.reporters.text import render
    else:
        raise KeyError(name)
    return render


FORMATS = ("text", "json")
