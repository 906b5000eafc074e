"""The `check` command without typer: the console-script entry point and the shared check logic.

`k8slint Dockerfile` is the pre-commit case and must answer in well under 150 ms.
Building the typer app costs ~0.4 s (typer imports click, rich and pydantic), so
`main()` parses the plain `check` invocation itself and hands anything else
(`rules`, `explain`, `--help`, `--version`, an option it does not know, a
malformed value) to the typer app in linter.cli, which gives the same results
and the same error messages. An option added to `check` in linter.cli but not
listed in `_VALUE_OPTIONS`/`_FLAG_OPTIONS` here is still honoured: such a call
simply takes the typer path.

`run_check` is the body of the `check` command for both paths.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, Optional, Sequence


SMALL_RUN_FILES = 8  # up to this many files named on the command line: no result cache


class UsageError(Exception):
    """A usage or configuration error: printed as `k8slint: error: ...`, exit code 2."""


_SUBCOMMANDS = ("rules", "explain")
_DEFERRED = ("--help", "-h", "--version")
# option -> keyword of run_check; multiple=True collects repeated values
_VALUE_OPTIONS: dict[str, tuple[str, bool]] = {
    "--format": ("format", False), "-f": ("format", False),
    "--output": ("output", False), "-o": ("output", False),
    "--fail-on": ("fail_on", False),
    "--config": ("config_file", False), "-c": ("config_file", False),
    "--select": ("select", True),
    "--ignore": ("ignore", True),
    "--stdin-filename": ("stdin_filename", False),
    "--jobs": ("jobs", False), "-j": ("jobs", False),
}
_FLAG_OPTIONS: dict[str, str] = {
    "--preview": "preview",
    "--no-color": "no_color",
    "--quiet": "quiet", "-q": "quiet",
    "--no-cache": "no_cache",
}


def parse_check_args(argv: Sequence[str]) -> dict[str, Any] | None:
    """Keyword arguments of run_check for a plain `check` call, or None to let typer handle it."""
    args = list(argv)
    if args and args[0] == "check":
        args = args[1:]
    elif args and args[0] in _SUBCOMMANDS:
        return None
    kw: dict[str, Any] = {"paths": [], "select": [], "ignore": []}
    i = 0
    only_paths = False
    while i < len(args):
        arg = args[i]
        i += 1
        if only_paths or arg == "-" or not arg.startswith("-"):
            kw["paths"].append(arg)
            continue
        if arg == "--":
            only_paths = True
            continue
        if arg in _DEFERRED:
            return None
        name, eq, inline = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if name in _FLAG_OPTIONS and not eq:
            kw[_FLAG_OPTIONS[name]] = True
            continue
        if name not in _VALUE_OPTIONS:
            return None  # unknown, combined short flags (-qf), -fjson...: typer decides
        if eq:
            value = inline
        else:
            if i >= len(args):
                return None
            value = args[i]
            i += 1
            if value.startswith("-") and value != "-":
                return None
        key, multiple = _VALUE_OPTIONS[name]
        if multiple:
            kw[key].append(value)
        else:
            kw[key] = value
    if "jobs" in kw:
        try:
            kw["jobs"] = int(kw["jobs"])
        except ValueError:
            return None
    for key in ("output", "config_file"):
        if key in kw:
            kw[key] = Path(kw[key])
    return kw


def _split(values: Optional[Sequence[str]]) -> list[str]:
    return [t for v in values or [] for t in v.replace(",", " ").split() if t]


def _partial_target(paths: Sequence[str]) -> str | None:
    """The rule sub-package a run over these explicit files needs, when they are all of one kind."""
    from linter.discovery import classify

    kinds = set()
    for p in paths:
        if p == "-" or not os.path.isfile(p):
            return None
        kinds.add(classify(os.path.basename(p)))
    if kinds == {"dockerfile"} or kinds == {"yaml"}:
        return kinds.pop()
    return None


def load(config_file: Optional[Path], select: Any, ignore: Any, fail_on: Optional[str], preview: bool,
         paths: Sequence[str] = ()) -> tuple[Any, Any]:
    """(registry, config). Raises UsageError. With only Dockerfiles (or only YAML files) named and no
    rule settings in play, only that family's rule modules are imported (see PartialRegistry)."""
    from linter.config import ConfigError, build_config, find_config, read_config_file
    from linter.registry import PluginError, load_registry, load_partial_registry

    try:
        path = config_file if config_file is not None else find_config(Path.cwd())
        if config_file is not None and not config_file.is_file():
            raise ConfigError(f"{config_file}: no such configuration file")
        raw = read_config_file(path) if path is not None else {}
    except ConfigError as exc:
        raise UsageError(str(exc))
    select, ignore = _split(select), _split(ignore)
    family = None if (select or ignore or raw.get("rules")) else _partial_target(paths)
    try:
        registry = load_partial_registry(family) if family else load_registry()
    except PluginError as exc:
        raise UsageError(str(exc))
    try:
        config = build_config(registry, raw, str(path) if path else None, select=select,
                              ignore=ignore, fail_on=fail_on, preview=preview)
    except ConfigError as exc:
        raise UsageError(str(exc))
    return registry, config


def run_check(
    paths: Optional[Sequence[str]] = None,
    format: str = "text",
    output: Optional[Path] = None,
    fail_on: Optional[str] = None,
    config_file: Optional[Path] = None,
    select: Optional[Sequence[str]] = None,
    ignore: Optional[Sequence[str]] = None,
    preview: bool = False,
    no_color: bool = False,
    quiet: bool = False,
    stdin_filename: Optional[str] = None,
    jobs: Optional[int] = None,
    no_cache: bool = False,
) -> int:
    """Lint, print the report; returns the exit code (0 clean, 1 findings). Raises UsageError."""
    from linter.reporters import FORMATS, get_renderer

    if format not in FORMATS:
        raise UsageError(f"--format must be one of {', '.join(FORMATS)}, not {format!r}")
    if fail_on is not None and fail_on not in ("error", "warning", "info", "never"):
        raise UsageError(f"--fail-on must be error, warning, info or never, not {fail_on!r}")
    if jobs is not None and jobs < 0:
        raise UsageError(f"--jobs must be 0 (one per core) or more, not {jobs}")
    targets = list(paths or ["."])
    registry, config = load(config_file, select, ignore, fail_on, preview, targets)
    from linter.engine import Linter, RunResult
    from linter.model import Finding, Severity

    linter = Linter(registry, config)
    linter.jobs = jobs or 0  # 0: one per core
    # A few named files (the pre-commit case) lint in ~5 ms each: opening the cache would cost more.
    few_files = len(targets) <= SMALL_RUN_FILES and all(os.path.isfile(p) for p in targets)
    if not no_cache and not few_files:
        from linter.cache import ResultCache

        linter.cache = ResultCache.for_run(linter)
    if "-" in targets:
        from linter.discovery import classify

        name = stdin_filename or "stdin.yaml"
        kind = classify(os.path.basename(name)) or "yaml"
        findings = linter.lint_bytes(sys.stdin.buffer.read(), name, kind, True) or []
        rest = [p for p in targets if p != "-"]
        result = linter.lint_paths(rest) if rest else RunResult([], [])
        result = RunResult(sorted(set(findings) | set(result.findings), key=Finding.sort_key),
                           [name, *result.files], result.notices)
    else:
        result = linter.lint_paths(targets)
    shown = result
    if quiet and config.fail_on != "never":
        threshold = Severity(config.fail_on).rank
        shown = RunResult([f for f in result.findings if f.severity.rank >= threshold], result.files, result.notices)
    render = get_renderer(format)
    if output is not None:
        with open(output, "w", encoding="utf-8") as fh:
            render(shown, fh, False)
    else:
        color = format == "text" and not no_color and "NO_COLOR" not in os.environ and sys.stdout.isatty()
        if not (quiet and format == "text" and not shown.findings):
            render(shown, sys.stdout, color)
        sys.stdout.flush()
    return 1 if result.failed(config.fail_on) else 0


def main(argv: Optional[Sequence[str]] = None) -> None:
    args = sys.argv[1:] if argv is None else list(argv)
    kw = parse_check_args(args)
    if kw is None:
        from linter.cli import app

        app(args=args, prog_name="k8slint")
        return
    try:
        code = run_check(**kw)
    except UsageError as exc:
        sys.stderr.write(f"k8slint: error: {exc}\n")
        code = 2
    sys.exit(code)
