"""Human report through rich: grouped by file, severity coloured, a summary line."""
from __future__ import annotations

from itertools import groupby
from typing import TextIO

from linter.engine import RunResult
from linter.model import Severity

STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def render(result: RunResult, stream: TextIO, color: bool = False) -> None:
    if not color:
        plain = _plain(result)
        if plain is not None:
            stream.write(plain)
            return
    from rich.console import Console
    from rich.text import Text

    console = Console(file=stream, no_color=not color, force_terminal=color, highlight=False,
                      soft_wrap=True, emoji=False)
    for path, group in groupby(result.findings, key=lambda f: f.path):
        console.print(Text(path, style="bold underline"))
        for f in group:
            line = Text("  ")
            line.append(f"{f.path}:{f.line}:{f.column}", style="dim")
            line.append("  ")
            line.append(f"{f.severity.value:<7}", style=STYLES[f.severity])
            line.append("  ")
            line.append(f.rule_id, style="bold")
            line.append(f" {f.rule_name}", style="magenta")
            if f.code:
                line.append(f" {f.code}", style="bold")
            line.append(f"  {f.message}")
            console.print(line)
        console.print()
    errors, warnings, infos = (result.count(s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))
    total = len(result.findings)
    files = len(result.files)
    if total:
        text = Text(f"✖ {total} problem{'s' if total != 1 else ''} ", style="bold")
        text.append(f"({errors} error{'s' if errors != 1 else ''}, ", style=STYLES[Severity.ERROR])
        text.append(f"{warnings} warning{'s' if warnings != 1 else ''}, ", style=STYLES[Severity.WARNING])
        text.append(f"{infos} info)", style=STYLES[Severity.INFO])
        text.append(f" in {files} file{'s' if files != 1 else ''} checked")
    else:
        text = Text(f"✔ no problems in {files} file{'s' if files != 1 else ''} checked", style="bold green")
    console.print(text)


# Characters rich treats specially in plain output: control codes it strips and tabs it expands.
_RICH_SPECIAL = frozenset("\t\x07\x08\x0b\x0c\r")


def _plain(result: RunResult) -> str | None:
    """The exact bytes rich prints without colour, built without importing rich (~0.1 s), or None
    when a path or message holds a character rich would rewrite (then rich renders it)."""
    out: list[str] = []
    for path, group in groupby(result.findings, key=lambda f: f.path):
        out.append(path)
        for f in group:
            code = f" {f.code}" if f.code else ""
            out.append(f"  {f.path}:{f.line}:{f.column}  {f.severity.value:<7}  {f.rule_id} {f.rule_name}{code}  {f.message}")
        out.append("")
    errors, warnings, infos = (result.count(s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))
    total = len(result.findings)
    files = len(result.files)
    if total:
        out.append(f"✖ {total} problem{'s' if total != 1 else ''} ({errors} error{'s' if errors != 1 else ''}, "
                   f"{warnings} warning{'s' if warnings != 1 else ''}, {infos} info)"
                   f" in {files} file{'s' if files != 1 else ''} checked")
    else:
        out.append(f"✔ no problems in {files} file{'s' if files != 1 else ''} checked")
    text = "\n".join(out) + "\n"
    if not _RICH_SPECIAL.isdisjoint(text):
        return None
    return text
