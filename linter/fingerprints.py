"""Stable fingerprints of findings, for baselines and SARIF `partialFingerprints`.

A fingerprint must survive edits that only shift lines (a comment added above),
so it never hashes a line number. It hashes:

- Kubernetes findings: rule id, path, object identity (kind/namespace/name) and
  the field path the rule pointed at;
- Dockerfile findings: rule id, path, the stage (its name, or its index), the
  instruction keyword and its whitespace-normalised text;
- anything else: rule id, path and the whitespace-normalised source line.

Redacted findings (secrets) never hash the source text: only the rule, the
place and the message (messages never hold secret values). Fingerprints are
SHA-256 hex digests, so a baseline holds no source text at all.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from linter.model import Finding

_SPACE = re.compile(r"\s+")
_CONTINUATION = re.compile(r"\\\s*\n")


def normalise(text: str) -> str:
    """Collapse continuations and whitespace: reformatting does not change identity."""
    return _SPACE.sub(" ", _CONTINUATION.sub(" ", text)).strip()


def digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class SourceCache:
    """Reads each reported file once (lazily); unreadable files give no text."""

    texts: dict[str, str | None] = field(default_factory=dict)
    dockerfiles: dict[str, Any] = field(default_factory=dict)

    def text(self, path: str) -> str | None:
        if path not in self.texts:
            try:
                with open(path, "rb") as fh:
                    self.texts[path] = fh.read().decode("utf-8", "replace")
            except OSError:
                self.texts[path] = None
        return self.texts[path]

    def line(self, path: str, line: int) -> str | None:
        text = self.text(path)
        if text is None:
            return None
        lines = text.splitlines()
        return lines[line - 1] if 0 < line <= len(lines) else None

    def dockerfile(self, path: str) -> Any:
        if path not in self.dockerfiles:
            text = self.text(path)
            parsed = None
            if text is not None:
                try:
                    from linter.sources.dockerfile import parse_dockerfile

                    parsed = parse_dockerfile(text, path)
                except Exception:  # hostile input: fall back to line text
                    parsed = None
            self.dockerfiles[path] = parsed
        return self.dockerfiles[path]


def _is_dockerfile(path: str) -> bool:
    from linter.discovery import classify

    return classify(path.rsplit("/", 1)[-1]) == "dockerfile"


def identity(f: Finding, cache: SourceCache) -> tuple[str, ...]:
    """The parts hashed into the fingerprint (never a line number, never secret text)."""
    if f.object is not None:
        o = f.object
        return ("k8s", f.rule_id, f.path, o.kind, o.namespace or "", o.name, f.field_path or "",
                f.message if f.redact else "")
    if _is_dockerfile(f.path):
        df = cache.dockerfile(f.path)
        if df is not None:
            instr = next((i for i in df.instructions if i.line <= f.line <= i.end_line), None)
            if instr is not None:
                stage = df.stages[instr.stage] if 0 <= instr.stage < len(df.stages) else None
                stage_id = (stage.name or str(stage.index)) if stage is not None else "-"
                text = f.message if f.redact else normalise(instr.original)
                return ("dockerfile", f.rule_id, f.path, stage_id, instr.keyword, text)
    line = None if f.redact else cache.line(f.path, f.line)
    return ("line", f.rule_id, f.path, normalise(line) if line is not None else f.message)


def fingerprint(f: Finding, cache: SourceCache | None = None) -> str:
    return digest(*identity(f, cache or SourceCache()))


def snippet(f: Finding, cache: SourceCache) -> str | None:
    """The source line of a finding, or None for redacted findings (secrets never leave the file)."""
    if f.redact:
        return None
    return cache.line(f.path, f.line)
