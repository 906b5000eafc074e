"""Machine-readable report. The shape of `version: 1` is a contract: add fields, never change them."""
from __future__ import annotations

import json
from typing import Any, TextIO

from linter.engine import RunResult
from linter.model import Finding, Severity


def finding_dict(f: Finding) -> dict[str, Any]:
    out: dict[str, Any] = {
        "rule": f.rule_id,
        "name": f.rule_name,
        "aliases": list(f.aliases),
        "severity": f.severity.value,
        "path": f.path,
        "line": f.line,
        "column": f.column,
        "message": f.message,
    }
    if f.code is not None:
        out["code"] = f.code
    if f.end_line is not None:
        out["end_line"] = f.end_line
    if f.object is not None:
        out["object"] = {
            "apiVersion": f.object.api_version, "kind": f.object.kind, "name": f.object.name,
            "namespace": f.object.namespace, "document": f.object.document,
        }
    if f.field_path:
        out["field"] = f.field_path
    return out


def summary(result: RunResult) -> dict[str, int]:
    return {
        "files": len(result.files),
        "findings": len(result.findings),
        "errors": result.count(Severity.ERROR),
        "warnings": result.count(Severity.WARNING),
        "info": result.count(Severity.INFO),
    }


def render(result: RunResult, stream: TextIO, color: bool = False) -> None:
    doc = {"version": 1, "findings": [finding_dict(f) for f in result.findings], "summary": summary(result)}
    json.dump(doc, stream, indent=2, ensure_ascii=False)
    stream.write("\n")
