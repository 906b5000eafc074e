"""GitLab Code Quality report (a subset of the Code Climate issue format)."""
from __future__ import annotations

import json
from typing import Any, TextIO

from linter.engine import RunResult
from linter.fingerprints import SourceCache, fingerprint
from linter.model import Severity

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def render(result: RunResult, stream: TextIO, color: bool = False) -> None:
    cache = SourceCache()
    issues: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for f in result.findings:
        fp = fingerprint(f, cache)
        # GitLab drops issues with equal fingerprints: number the repeats
        n = seen.get(fp, 0)
        seen[fp] = n + 1
        issues.append({
            "type": "issue",
            "check_name": f"{f.rule_id} {f.rule_name}",
            "description": f.message,
            "categories": ["Style"],
            "fingerprint": fp if n == 0 else f"{fp}-{n}",
            "severity": SEVERITIES[f.severity],
            "location": {"path": f.path, "lines": {"begin": f.line}},
        })
    json.dump(issues, stream, indent=2, ensure_ascii=False)
    stream.write("\n")
