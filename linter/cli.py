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


def _load(config_file: Optional[Path], select, ignore, fail_on, preview):  # type: ignore[no-untyped-def]
    from linter.fastcli import UsageError, load

    try:
        return load(config_file, select, ignore, fail_on, preview)
    except UsageError as exc:
        raise _fail(str(exc))


@app.command("check", help="Lint files and folders (the default command).")
def check(
    paths: Optional[List[str]] = typer.Argument(None, help="Files or folders; `-` reads standard input."),
    format: str = typer.Option("text", "--format", "-f", help="Output format: text or json."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the report to FILE."),
    fail_on: Optional[str] = typer.Option(None, "--fail-on", help="error, warning (default), info or never."),
    config_file: Optional[Path] = typer.Option(None, "--config", "-c", help="Configuration file to use."),
    select: Optional[List[str]] = typer.Option(None, "--select", help="Only these rules (ids, names or aliases)."),
    ignore: Optional[List[str]] = typer.Option(None, "--ignore", help="Skip these rules."),
    preview: bool = typer.Option(False, "--preview", help="Also run rules in preview."),
    no_color: bool = typer.Option(False, "--no-color", help="Plain text output."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only findings that fail the run."),
    stdin_filename: Optional[str] = typer.Option(None, "--stdin-filename", help="File name to report for `-`."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", help="Worker processes (default: one per core; 1: none)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Neither read nor write the result cache."),
) -> None:
    # the body lives in linter.fastcli, shared with the typer-free fast path of `k8slint FILES`
    from linter.fastcli import UsageError, run_check

    try:
        code = run_check(paths, format, output, fail_on, config_file, select, ignore, preview, no_color, quiet,
                         stdin_filename, jobs, no_cache)
    except UsageError as exc:
        raise _fail(str(exc))
    raise typer.Exit(code)


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
