"""Output formats. Rules never import these; only the CLI does."""
from __future__ import annotations

import functools
import importlib
from typing import Any, Callable, TextIO

from linter.engine import RunResult

Renderer = Callable[[RunResult, TextIO, bool], None]

FORMATS = ("text", "json", "sarif", "github", "junit", "codeclimate", "checkstyle")
MACHINE_FORMATS = frozenset(FORMATS) - {"text"}


def get_renderer(name: str, registry: Any = None) -> Renderer:
    if name not in FORMATS:
        raise KeyError(name)
    render = importlib.import_module(f"linter.reporters.{name}").render
    if name == "sarif" and registry is not None:
        return functools.partial(render, registry=registry)
    return render
