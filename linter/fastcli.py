"""The console-script entry point and the body of `check`, without typer.

`k8slint Dockerfile` is the pre-commit case and must answer in ~150 ms. Building
the typer app costs ~0.4 s (typer imports click, rich and, with them, much of the
standard library), so `main()` parses a plain `check` call itself and runs
`run_check`, the same function the typer command in linter.cli calls. Anything
it does not fully understand - `rules`, `explain`, `--help`, `--version`, an
unknown option, combined or attached short options (`-qf`, `-fjson`), a value
that looks like an option or is not a plain number for `--jobs`, a missing
value - goes to the typer app, which prints click's own messages. So the two
paths give the same output and exit code by construction: the fast one only
replaces click's parsing for calls where click's result is obvious
(tests/test_fastcli.py runs a matrix of calls through both and compares).

An option added to `check` in linter.cli but not listed here is still honoured:
such a call simply takes the typer path (a test checks both lists agree).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, Optional, Sequence

SMALL_RUN_FILES = 8  # up to this many files named on the command line: no result cache


class UsageError(Exception):
    """A usage or configuration error: printed as `k8slint: error: ...`, exit code 2."""


SUBCOMMANDS = ("check", "rules", "explain")
_DEFERRED = ("--help", "-h", "--version")
# option -> (keyword of run_check, repeatable, converter name)
VALUE_OPTIONS: dict[str, tuple[str, bool, str]] = {
    "--format": ("format", False, "str"), "-f": ("format", False, "str"),
    "--output": ("output", False, "path"), "-o": ("output", False, "path"),
    "--fail-on": ("fail_on", False, "str"),
    "--config": ("config_file", False, "path"), "-c": ("config_file", False, "path"),
    "--select": ("select", True, "str"),
    "--ignore": ("ignore", True, "str"),
    "--stdin-filename": ("stdin_filename", False, "str"),
    "--kubernetes-version": ("kubernetes_version", False, "str"),
    "--jobs": ("jobs", False, "int"), "-j": ("jobs", False, "int"),
    "--values": ("values", True, "str"),
    "--set": ("set_values", True, "str"),
    "--release-name": ("release_name", False, "str"),
    "--namespace": ("namespace", False, "str"),
    "--baseline": ("baseline", False, "path"),
    "--write-baseline": ("write_baseline", False, "path"),
}
FLAG_OPTIONS: dict[str, tuple[str, bool]] = {
    "--preview": ("preview", True),
    "--no-color": ("no_color", True),
    "--quiet": ("quiet", True), "-q": ("quiet", True),
    "--no-shellcheck": ("no_shellcheck", True),
    "--no-cache": ("no_cache", True),
    "--helm-ci-values": ("helm_ci_values", True),
    "--fix": ("fix", True),
    "--diff": ("diff", True),
    "--progress": ("progress", True), "--no-progress": ("progress", False),
}


def parse_check_args(argv: Sequence[str]) -> dict[str, Any] | None:
    """Keyword arguments of run_check for a plain `check` call, or None to let typer handle it.

    Mirrors click's parsing for the calls it accepts: options and arguments interleave, `--`
    ends options, `-` is an argument, `--opt=value` and `--opt value` both work, the last of a
    repeated single-value option wins, repeatable ones collect.
    """
    args = list(argv)
    if args and args[0] == "check":
        args = args[1:]
    elif args and args[0] in SUBCOMMANDS:
        return None
    kw: dict[str, Any] = {"paths": []}
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
        if arg.startswith("--"):
            name, eq, inline = arg.partition("=")
        elif len(arg) == 2:
            name, eq, inline = arg, "", ""
        else:
            return None  # combined short flags (-qf) or an attached value (-fjson): click decides
        if name in FLAG_OPTIONS:
            if eq:
                return None  # `--quiet=x`: click's error
            key, value = FLAG_OPTIONS[name]
            kw[key] = value
            continue
        if name not in VALUE_OPTIONS:
            return None  # unknown option: click's error (and its suggestion)
        if eq:
            text = inline
        else:
            if i >= len(args):
                return None  # missing value
            text = args[i]
            i += 1
            if text.startswith("-") and text != "-":
                return None  # click may take it as a value or as the next option: let it decide
        key, repeatable, conv = VALUE_OPTIONS[name]
        value: Any = text
        if conv == "int":
            if not (text.isascii() and text.isdigit()):
                return None  # click's int conversion and its error message
            value = int(text)
        elif conv == "path":
            value = Path(text)
        if repeatable:
            kw.setdefault(key, []).append(value)
        else:
            kw[key] = value
    return kw


def _split(values: Optional[Sequence[str]]) -> list[str]:
    return [t for v in values or [] for t in v.replace(",", " ").split() if t]


def _err(message: str) -> None:
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


def partial_kind(paths: Sequence[str], stdin_filename: Optional[str] = None) -> str | None:
    """"dockerfile" or "yaml" when every target is a regular file of that family (so only that
    family's rule modules need importing), else None (a folder, a chart, a mix: every rule)."""
    from linter.discovery import classify, discover

    kinds: set[str] = set()
    files = []
    for p in paths:
        if p == "-":
            kinds.add(classify(os.path.basename(stdin_filename or "stdin.yaml")) or "yaml")
        elif os.path.isfile(p):
            files.append(p)
        else:
            return None
    if files:
        found, notices = discover(files)
        if notices:
            return None
        kinds.update(f.kind for f in found)
    if kinds == {"dockerfile"}:
        return "dockerfile"
    if kinds and kinds <= {"yaml", "json", "helm-values"}:
        return "yaml"
    return None


def load(config_file: Optional[Path], select: Any, ignore: Any, fail_on: Optional[str], preview: bool,
         kubernetes_version: Optional[str] = None, kind: Optional[str] = None) -> tuple[Any, Any]:
    """(registry, config); raises UsageError. With `kind` ("dockerfile" or "yaml"), only that family's
    built-in rules are imported (a PartialRegistry), unless the settings name a rule outside it or
    define custom rules: then every rule is, so results and error messages never differ."""
    from linter.config import ConfigError, build_config, find_config, read_config_file
    from linter.registry import PartialRegistry, PluginError, load_partial_registry, load_registry

    try:
        registry = load_partial_registry(kind) if kind else load_registry()
    except PluginError as exc:
        raise UsageError(str(exc))
    select, ignore = _split(select), _split(ignore)
    try:
        path = config_file if config_file is not None else find_config(Path.cwd())
        if config_file is not None and not config_file.is_file():
            raise ConfigError(f"{config_file}: no such configuration file")
        raw = read_config_file(path) if path is not None else {}
        from linter import hadolint_config  # no k8slint config: migrate hadolint's as is

        hadolint_path = path if path is not None and hadolint_config.is_hadolint_config(path) else (
            hadolint_config.find(Path.cwd()) if path is None else None)
        if hadolint_path is not None:
            raw, path = hadolint_config.to_k8slint(hadolint_config.read(hadolint_path), registry), hadolint_path
        if isinstance(registry, PartialRegistry) and not registry.covers_settings(raw, select, ignore):
            try:
                registry = registry.full()
            except PluginError as exc:
                raise UsageError(str(exc))
        if raw.get("custom-rules") is not None:  # only then: most runs never import linter.custom_rules
            from linter.custom_rules import CustomRuleError, extend_registry

            try:
                registry = extend_registry(registry, raw, str(path) if path else "configuration")
            except CustomRuleError as exc:
                raise ConfigError(str(exc))
        raw = {k: v for k, v in raw.items() if k != "custom-rules"}
        config = build_config(registry, raw, str(path) if path else None, select=select,
                              ignore=ignore, fail_on=fail_on, preview=preview,
                              kubernetes_version=kubernetes_version)
    except ConfigError as exc:
        raise UsageError(str(exc))
    return registry, config


def apply_helm_options(config: Any, values: Any, set_values: Any, release_name: Any, namespace: Any,
                       ci_values: bool) -> None:
    from linter.sources.helm_settings import HelmSettings

    helm = config.helm if config.helm is not None else HelmSettings()
    for path in values or []:
        if not os.path.isfile(path):
            raise UsageError(f"--values: no such file: {path}")
    helm.values = [*helm.values, *(values or [])]
    helm.set = [*helm.set, *(set_values or [])]
    helm.release_name = release_name or helm.release_name
    helm.namespace = namespace or helm.namespace
    helm.ci_values = helm.ci_values or ci_values
    config.helm = helm


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
    kubernetes_version: Optional[str] = None,
    no_shellcheck: bool = False,
    jobs: Optional[int] = None,
    no_cache: bool = False,
    values: Optional[Sequence[str]] = None,
    set_values: Optional[Sequence[str]] = None,
    release_name: Optional[str] = None,
    namespace: Optional[str] = None,
    helm_ci_values: bool = False,
    baseline: Optional[Path] = None,
    write_baseline: Optional[Path] = None,
    fix: bool = False,
    diff: bool = False,
    progress: Optional[bool] = None,
) -> int:
    """The `check` command: lint, print the report, return the exit code (0 clean, 1 findings).
    Raises UsageError (exit code 2). Shared by the fast path and the typer command."""
    from linter.reporters import FORMATS

    if format not in FORMATS:
        raise UsageError(f"--format must be one of {', '.join(FORMATS)}, not {format!r}")
    if fail_on is not None and fail_on not in ("error", "warning", "info", "never"):
        raise UsageError(f"--fail-on must be error, warning, info or never, not {fail_on!r}")
    if no_shellcheck:
        ignore = [*(ignore or []), "DF300"]
    targets = list(paths or ["."])
    kind = None if (fix or diff) else partial_kind(targets, stdin_filename)
    registry, config = load(config_file, select, ignore, fail_on, preview, kubernetes_version, kind)
    apply_helm_options(config, values, set_values, release_name, namespace, helm_ci_values)
    if fix or diff:
        from linter.fixes import run_fixes

        return run_fixes(registry, config, targets, write=fix and not diff)
    from linter.engine import Linter, RunResult
    from linter.model import Finding, Severity

    linter = Linter(registry, config)
    if jobs is not None and jobs < 0:
        raise UsageError(f"--jobs must be 0 (one per core) or more, not {jobs}")
    linter.jobs = jobs or 0  # 0: one per core; small runs never start a pool (linter.parallel)
    # a few named files (the pre-commit case) lint faster than the cache opens
    if not no_cache and not (len(targets) <= SMALL_RUN_FILES and all(os.path.isfile(p) for p in targets)):
        from linter.cache import ResultCache

        linter.cache = ResultCache.for_run(linter)
    if "-" in targets:
        from linter.discovery import classify

        name = stdin_filename or "stdin.yaml"
        stdin_kind = classify(os.path.basename(name)) or "yaml"
        findings = linter.lint_bytes(sys.stdin.buffer.read(), name, stdin_kind, True) or []
        rest = [p for p in targets if p != "-"]
        result = linter.lint_paths(rest) if rest else RunResult([], [])
        result = RunResult(sorted(set(findings) | set(result.findings), key=Finding.sort_key),
                           [name, *result.files], result.notices)
    else:
        from linter.progress import lint_with_progress

        result = lint_with_progress(linter, targets, format, progress)
    if write_baseline is not None:
        from linter import baseline as bl

        bl.write(write_baseline, result.findings)
        _err(f"k8slint: wrote {len(result.findings)} finding(s) to {write_baseline}")
        return 0
    if baseline is not None:
        from linter import baseline as bl

        try:
            known = bl.read(baseline)
        except bl.BaselineError as exc:
            raise UsageError(str(exc))
        result = RunResult(bl.new_findings(result.findings, known), result.files, result.notices)
    shown = result
    if quiet and config.fail_on != "never":
        threshold = Severity(config.fail_on).rank
        shown = RunResult([f for f in result.findings if f.severity.rank >= threshold], result.files, result.notices)
    from linter.reporters import get_renderer

    render = get_renderer(format, registry)
    if output is not None:
        with open(output, "w", encoding="utf-8") as fh:
            render(shown, fh, False)
    else:
        color = format == "text" and not no_color and "NO_COLOR" not in os.environ and sys.stdout.isatty()
        if not (quiet and format == "text" and not shown.findings):
            render(shown, sys.stdout, color)
    return 1 if result.failed(config.fail_on) else 0


def main(argv: Optional[Sequence[str]] = None) -> None:
    """`k8slint ARGS`: the fast path for a plain `check` call, typer for everything else."""
    args = sys.argv[1:] if argv is None else list(argv)
    kw = parse_check_args(args)
    if kw is None:
        from linter.cli import app

        app(args=args, prog_name="k8slint")
        return
    import gc

    collecting = gc.isenabled()
    # The cycle collector would walk every container the run allocates, over and over: the ~100k
    # objects of the loaded rules (~5 % of a pre-commit call) and each parse tree (~15 % of a corpus
    # run's CPU). A run's data is acyclic; linter.memory.collect_by_input collects what cycles there
    # are every 32 MB of input.
    gc.disable()
    try:
        code = run_check(**kw)
        sys.stdout.flush()
    except UsageError as exc:
        _err(f"k8slint: error: {exc}")
        code = 2
    except KeyboardInterrupt:  # as typer does: quiet exit 130
        code = 130
    except OSError as exc:
        import errno

        if exc.errno != errno.EPIPE:  # a closed pipe (`k8slint . | head`): quiet exit 1, as typer does
            raise
        _silence_broken_pipe()
        code = 1
    finally:
        if collecting and argv is not None:  # called in-process (tests): leave the collector as found;
            gc.enable()  # a process that exits now skips its final collection with it off
    sys.exit(code)


def _silence_broken_pipe() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
