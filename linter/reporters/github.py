"""GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`.

Escaping follows the runner (toolkit/core command.ts): in data, `%`, CR and LF;
in properties additionally `:` and `,`.
"""
from __future__ import annotations

from typing import TextIO

from linter.engine import RunResult
from linter.model import Severity

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(result: RunResult, stream: TextIO, color: bool = False) -> None:
    for f in result.findings:
        props = [f"file={escape_property(f.path)}", f"line={f.line}", f"col={f.column}"]
        if f.end_line is not None and f.end_line > f.line:
            props.append(f"endLine={f.end_line}")
        props.append(f"title={escape_property(f'{f.rule_id} {f.rule_name}')}")
        stream.write(f"::{COMMANDS[f.severity]} {','.join(props)}::{escape_data(f.message)}\n")
