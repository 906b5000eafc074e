"""Baselines: record today's findings, then report only new ones.

A baseline file holds fingerprints (SHA-256 digests, see linter.fingerprints)
with counts, never source text or secret values. Matching is a multiset: two
identical findings need two baseline entries, so a copy-pasted violation is new.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from linter import __version__
from linter.fingerprints import SourceCache, fingerprint
from linter.model import Finding

FORMAT_VERSION = 1


class BaselineError(Exception):
    pass


def build(findings: list[Finding]) -> dict[str, Any]:
    cache = SourceCache()
    counts: Counter[tuple[str, str]] = Counter((f.rule_id, fingerprint(f, cache)) for f in findings)
    entries = [{"rule": rule, "fingerprint": fp, "count": n} for (rule, fp), n in sorted(counts.items())]
    return {"version": FORMAT_VERSION, "tool": f"k8slint {__version__}", "findings": entries}


def write(path: Path, findings: list[Finding]) -> None:
    path.write_text(json.dumps(build(findings), indent=2) + "\n", encoding="utf-8")


def read(path: Path) -> Counter[str]:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise BaselineError(f"{path}: cannot read the baseline: {type(exc).__name__}") from exc
    if not isinstance(doc, dict) or doc.get("version") != FORMAT_VERSION or not isinstance(doc.get("findings"), list):
        raise BaselineError(f"{path}: not a k8slint baseline (version {FORMAT_VERSION})")
    known: Counter[str] = Counter()
    for entry in doc["findings"]:
        if not isinstance(entry, dict) or not isinstance(entry.get("fingerprint"), str):
            raise BaselineError(f"{path}: malformed entry {entry!r}")
        count = entry.get("count", 1)
        known[entry["fingerprint"]] += count if isinstance(count, int) and count > 0 else 1
    return known


def new_findings(findings: list[Finding], known: Counter[str]) -> list[Finding]:
    """Findings not covered by the baseline, in their original order."""
    cache = SourceCache()
    left = Counter(known)
    out: list[Finding] = []
    for f in findings:
        fp = fingerprint(f, cache)
        if left[fp] > 0:
            left[fp] -= 1
        else:
            out.append(f)
    return out
