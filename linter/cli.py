"""The `k8slint` command: `k8slint [PATHS]` (default `check`), `k8slint rules`, `k8slint explain`."""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import List, Optional

import typer
from typer.core import TyperGroup

from linter import __version__


class DefaultCommandGroup(TyperGroup):
    """Runs `check` when the first argument is not a sub-command, so `k8slint .` works."""

    def parse_args(self, ctx, args):  # type: ignore[no-untyped-def]
        if not args or (args[0] not in self.commands and args[0] not in ("--help", "-h", "--version")):
            args = ["check", *args]
        return super().parse_args(ctx, args)


app = typer.Typer(
    cls=DefaultCommandGroup, add_completion=False, no_args_is_help=False,
    help="Lint Dockerfiles and Kubernetes manifests. `k8slint [PATHS]` checks files (default: .).",
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"k8slint {__version__}")
        raise typer.Exit(0)


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version."),
) -> None:
    pass


def _fail(message: str) -> "typer.Exit":
    typer.echo(f"k8slint: error: {message}", err=True)
    return typer.Exit(2)


def _split(values: Optional[List[str]]) -> list[str]:
    return [t for v in values or [] for t in v.replace(",", " ").split() if t]


def _load(config_file: Optional[Path], select, ignore, fail_on, preview, kubernetes_version=None):  # type: ignore[no-untyped-def]
    from linter.config import ConfigError, build_config, find_config, read_config_file
    from linter.registry import PluginError, load_registry

    try:
        registry = load_registry()
    except PluginError as exc:
        raise _fail(str(exc))
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
        from linter.custom_rules import CustomRuleError, extend_registry

        try:
            registry = extend_registry(registry, raw, str(path) if path else "configuration")
        except CustomRuleError as exc:
            raise ConfigError(str(exc))
        raw = {k: v for k, v in raw.items() if k != "custom-rules"}
        config = build_config(registry, raw, str(path) if path else None, select=_split(select),
                              ignore=_split(ignore), fail_on=fail_on, preview=preview,
                              kubernetes_version=kubernetes_version)
    except ConfigError as exc:
        raise _fail(str(exc))
    return registry, config


@app.command("check", help="Lint files and folders (the default command).")
def check(
    paths: Optional[List[str]] = typer.Argument(None, help="Files or folders; `-` reads standard input."),
    format: str = typer.Option("text", "--format", "-f", help="Output format: text, json, sarif, github, junit, codeclimate or checkstyle."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the report to FILE."),
    fail_on: Optional[str] = typer.Option(None, "--fail-on", help="error, warning (default), info or never."),
    config_file: Optional[Path] = typer.Option(None, "--config", "-c", help="Configuration file to use."),
    select: Optional[List[str]] = typer.Option(None, "--select", help="Only these rules (ids, names or aliases)."),
    ignore: Optional[List[str]] = typer.Option(None, "--ignore", help="Skip these rules."),
    preview: bool = typer.Option(False, "--preview", help="Also run rules in preview."),
    no_color: bool = typer.Option(False, "--no-color", help="Plain text output."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only findings that fail the run."),
    stdin_filename: Optional[str] = typer.Option(None, "--stdin-filename", help="File name to report for `-`."),
    kubernetes_version: Optional[str] = typer.Option(
        None, "--kubernetes-version", help="Target cluster release for API-version and schema checks (default 1.34)."),
    no_shellcheck: bool = typer.Option(False, "--no-shellcheck", help="Do not run ShellCheck on RUN scripts (DF300)."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", help="Worker processes (default: one per core)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Do not read or write the result cache."),
    values: Optional[List[str]] = typer.Option(None, "--values", help="Helm values file for charts (repeatable)."),
    set_values: Optional[List[str]] = typer.Option(None, "--set", help="Helm value k=v for charts (repeatable)."),
    release_name: Optional[str] = typer.Option(None, "--release-name", help="Helm release name (default release-name)."),
    namespace: Optional[str] = typer.Option(None, "--namespace", help="Helm release namespace (default default)."),
    helm_ci_values: bool = typer.Option(False, "--helm-ci-values", help="Also render each chart's ci/*-values.yaml."),
    baseline: Optional[Path] = typer.Option(None, "--baseline", help="Report only findings not in this baseline."),
    write_baseline: Optional[Path] = typer.Option(None, "--write-baseline", help="Record all findings to FILE."),
    fix: bool = typer.Option(False, "--fix", help="Apply safe automatic fixes to the files."),
    diff: bool = typer.Option(False, "--diff", help="Show the automatic fixes as a unified diff; change nothing."),
    progress: Optional[bool] = typer.Option(None, "--progress/--no-progress", help="Progress bar (default: auto)."),
) -> None:
    from linter.reporters import FORMATS, get_renderer

    if format not in FORMATS:
        raise _fail(f"--format must be one of {', '.join(FORMATS)}, not {format!r}")
    if fail_on is not None and fail_on not in ("error", "warning", "info", "never"):
        raise _fail(f"--fail-on must be error, warning, info or never, not {fail_on!r}")
    if no_shellcheck:
        ignore = [*(ignore or []), "DF300"]
    registry, config = _load(config_file, select, ignore, fail_on, preview, kubernetes_version)
    _apply_helm_options(config, values, set_values, release_name, namespace, helm_ci_values)
    if fix or diff:
        from linter.fixes import run_fixes

        raise typer.Exit(run_fixes(registry, config, paths or ["."], write=fix and not diff))
    from linter.engine import Linter, RunResult
    from linter.model import Finding, Severity

    linter = Linter(registry, config)
    if jobs is not None and jobs < 0:
        raise _fail(f"--jobs must be 0 (one per core) or more, not {jobs}")
    linter.jobs = jobs or 0  # 0: one per core; small runs never start a pool (linter.parallel)
    targets_ = paths or ["."]
    # a few named files (the pre-commit case) lint faster than the cache opens
    if not no_cache and not (len(targets_) <= 8 and all(os.path.isfile(p) for p in targets_)):
        from linter.cache import ResultCache

        linter.cache = ResultCache.for_run(linter)
    targets = paths or ["."]
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
        from linter.progress import lint_with_progress

        result = lint_with_progress(linter, targets, format, progress)
    if write_baseline is not None:
        from linter import baseline as bl

        bl.write(write_baseline, result.findings)
        typer.echo(f"k8slint: wrote {len(result.findings)} finding(s) to {write_baseline}", err=True)
        raise typer.Exit(0)
    if baseline is not None:
        from linter import baseline as bl

        try:
            known = bl.read(baseline)
        except bl.BaselineError as exc:
            raise _fail(str(exc))
        result = RunResult(bl.new_findings(result.findings, known), result.files, result.notices)
    shown = result
    if quiet and config.fail_on != "never":
        threshold = Severity(config.fail_on).rank
        shown = RunResult([f for f in result.findings if f.severity.rank >= threshold], result.files, result.notices)
    render = get_renderer(format, registry)
    if output is not None:
        with open(output, "w", encoding="utf-8") as fh:
            render(shown, fh, False)
    else:
        color = format == "text" and not no_color and "NO_COLOR" not in os.environ and sys.stdout.isatty()
        if not (quiet and format == "text" and not shown.findings):
            render(shown, sys.stdout, color)
    raise typer.Exit(1 if result.failed(config.fail_on) else 0)


def _apply_helm_options(config, values, set_values, release_name, namespace, ci_values) -> None:  # type: ignore[no-untyped-def]
    from linter.sources.helm import HelmSettings

    helm = config.helm if config.helm is not None else HelmSettings()
    for path in values or []:
        if not os.path.isfile(path):
            raise _fail(f"--values: no such file: {path}")
    helm.values = [*helm.values, *(values or [])]
    helm.set = [*helm.set, *(set_values or [])]
    helm.release_name = release_name or helm.release_name
    helm.namespace = namespace or helm.namespace
    helm.ci_values = helm.ci_values or ci_values
    config.helm = helm


@app.command("rules", help="List every rule with its metadata.")
def rules_cmd(
    format: str = typer.Option("table", "--format", "-f", help="table, markdown or json."),
    target: Optional[str] = typer.Option(None, "--target", help="Only rules of this target."),
) -> None:
    from linter import docs
    from linter.registry import PluginError, load_registry

    try:
        registry = load_registry()
    except PluginError as exc:
        raise _fail(str(exc))
    rules = [r for r in registry if target is None or r.meta.target.value == target]
    if format == "json":
        docs.print_json(rules, sys.stdout)
    elif format == "markdown":
        sys.stdout.write(docs.markdown_table(rules))
    elif format == "table":
        from rich.console import Console

        docs.print_table(rules, Console(no_color="NO_COLOR" in os.environ))
    else:
        raise _fail(f"--format must be table, markdown or json, not {format!r}")


@app.command("explain", help="Show the documentation of a rule (id, name or alias).")
def explain(rule: str = typer.Argument(..., help="A rule id, name or alias, e.g. DF001, latest-base-image, DL3007.")) -> None:
    from linter import docs
    from linter.registry import PluginError, load_registry

    try:
        registry = load_registry()
    except PluginError as exc:
        raise _fail(str(exc))
    found = registry.resolve(rule)
    if found is None:
        raise _fail(f"no such rule: {rule!r} (see `k8slint rules`)")
    alias = rule if rule.lower() not in (found.id.lower(), found.name.lower()) else None
    text = docs.explain_markdown(found, alias)
    if sys.stdout.isatty():
        from rich.console import Console
        from rich.markdown import Markdown

        Console().print(Markdown(text))
    else:
        sys.stdout.write(text)


def main() -> None:
    app(prog_name="k8slint")
