"""SARIF 2.1.0 (GitHub code scanning, Azure DevOps, VS Code SARIF viewer).

`tool.driver.rules` carries the metadata of every rule that has a result; each
result has an exact region and a stable `partialFingerprints` entry (see
linter.fingerprints: no line numbers). Results carry no source snippet: lines can hold secrets.
"""
from __future__ import annotations

import json
from pathlib import PurePath
from typing import Any, TextIO
from urllib.parse import quote

from linter import __version__
from linter.engine import RunResult
from linter.fingerprints import SourceCache, fingerprint
from linter.model import Finding, Rule, Severity

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/k8slint/k8slint"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT_KEY = "k8slint/v1"


def help_uri(rule_id: str) -> str:
    return f"{INFORMATION_URI}#{rule_id.lower()}"


def rule_descriptor(rule_id: str, name: str, severity: Severity, r: Rule | None) -> dict[str, Any]:
    out: dict[str, Any] = {"id": rule_id, "name": name}
    if r is not None:
        m = r.meta
        refs = "".join(f"\n- {ref}" for ref in m.references)
        help_md = f"**Fix:** {m.remediation}\n\n{m.doc}" + (f"\n\nReferences:{refs}" if refs else "")
        out["shortDescription"] = {"text": m.summary}
        out["fullDescription"] = {"text": m.remediation, "markdown": help_md}
        out["help"] = {"text": f"{m.summary} Fix: {m.remediation}", "markdown": help_md}
        out["helpUri"] = help_uri(m.id)
        out["defaultConfiguration"] = {"level": LEVELS[m.severity], "enabled": m.enabled_by_default}
        props: dict[str, Any] = {"tags": [m.target.value], "precision": "high"}
        if m.aliases:
            props["aliases"] = list(m.aliases)
        out["properties"] = props
    else:
        out["shortDescription"] = {"text": name}
        out["helpUri"] = help_uri(rule_id)
        out["defaultConfiguration"] = {"level": LEVELS[severity]}
    return out


def artifact_location(path: str) -> dict[str, Any]:
    """Relative paths resolve against %SRCROOT% (where k8slint ran); absolute ones become file:// URIs."""
    if path.startswith("/") or (len(path) > 2 and path[1] == ":" and path[2] in "/\\"):
        return {"uri": PurePath(path).as_uri() if PurePath(path).is_absolute() else quote(path)}
    return {"uri": quote(path.replace("\\", "/")), "uriBaseId": "%SRCROOT%"}


def result_dict(f: Finding, index: int, cache: SourceCache) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": max(f.line, 1), "startColumn": max(f.column, 1)}
    if f.end_line is not None and f.end_line >= f.line:
        region["endLine"] = f.end_line
        if f.end_column is not None and (f.end_line > f.line or f.end_column > f.column):
            region["endColumn"] = f.end_column
    # No `snippet`: source lines can hold secrets that no rule flagged as such, and a SARIF log is
    # uploaded to code-scanning services; viewers show the file at the region anyway.
    location: dict[str, Any] = {
        "physicalLocation": {"artifactLocation": artifact_location(f.path), "region": region},
    }
    if f.object is not None:
        o = f.object
        fq = "/".join(p for p in (o.kind, o.namespace or "", o.name) if p)
        location["logicalLocations"] = [{"name": o.name, "fullyQualifiedName": fq, "kind": "object"}]
    out: dict[str, Any] = {
        "ruleId": f.rule_id,
        "ruleIndex": index,
        "level": LEVELS[f.severity],
        "message": {"text": f.message},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint(f, cache)},
    }
    if f.field_path:
        out["properties"] = {"field": f.field_path}
    return out


def build(result: RunResult, registry: Any = None) -> dict[str, Any]:
    cache = SourceCache()
    order: dict[str, int] = {}
    rules: list[dict[str, Any]] = []
    for f in result.findings:
        if f.rule_id not in order:
            order[f.rule_id] = -1
    for rid in sorted(order):
        first = next(f for f in result.findings if f.rule_id == rid)
        r = registry.resolve(rid) if registry is not None else None
        order[rid] = len(rules)
        rules.append(rule_descriptor(rid, first.rule_name, first.severity, r))
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "k8slint", "version": __version__, "semanticVersion": __version__,
                "informationUri": INFORMATION_URI, "rules": rules,
            }},
            "originalUriBaseIds": {"%SRCROOT%": {"description": {"text": "The directory k8slint ran in."}}},
            "results": [result_dict(f, order[f.rule_id], cache) for f in result.findings],
            "columnKind": "unicodeCodePoints",
        }],
    }


def render(result: RunResult, stream: TextIO, color: bool = False, registry: Any = None) -> None:
    if registry is None:
        from linter.registry import load_registry

        registry = load_registry()
    json.dump(build(result, registry), stream, indent=2, ensure_ascii=False)
    stream.write("\n")
