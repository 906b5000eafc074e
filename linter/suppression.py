"""Suppressions: comments in Dockerfiles and YAML, annotations on Kubernetes objects.

Tokens may be rule ids, names or aliases, so hadolint's `# hadolint ignore=DL3007`
and kube-linter's `ignore-check.kube-linter.io/<check>` work unchanged.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Iterable, NamedTuple

if TYPE_CHECKING:  # pragma: no cover
    from linter.registry import Registry
    from linter.sources.dockerfile import Dockerfile

ALL = "*"
_PRAGMA = r"(?i)^\s*(k8slint|hadolint)\s*:?\s+(global\s+)?ignore\s*=\s*([^#]*?)\s*(?:--.*)?$"
_YAML_PRAGMA = r"(?i)#\s*k8slint\s*:?\s*ignore\s*=\s*([A-Za-z0-9_,\- ]+?)\s*(?:--.*)?$"
_TOKEN_SPLIT = r"[,\s]+"
_SHELLCHECK = r"(?i)^SC\d{4}$"
OBJECT_ANNOTATION = "k8slint.io/ignore"
KUBE_LINTER_PREFIX = "ignore-check.kube-linter.io/"
KUBE_LINTER_ALL = "kube-linter.io/ignore-all"
POLARIS_PREFIX = "polaris.fairwinds.com/"


class BadToken(NamedTuple):
    token: str
    line: int
    column: int


class Suppressions:
    """Rule ids suppressed file-wide and per 1-based line."""

    __slots__ = ("file_wide", "by_line", "unknown")

    def __init__(self) -> None:
        self.file_wide: set[str] = set()
        self.by_line: dict[int, set[str]] = {}
        self.unknown: list[BadToken] = []

    def covers(self, rule_id: str, line: int) -> bool:
        if rule_id in self.file_wide or ALL in self.file_wide:
            return True
        ids = self.by_line.get(line)
        return bool(ids) and (rule_id in ids or ALL in ids)


def _resolve_tokens(
    registry: Registry, text: str, line: int, column: int, strict: bool, out: Suppressions
) -> set[str]:
    ids: set[str] = set()
    for token in re.split(_TOKEN_SPLIT, text.strip()):
        if not token:
            continue
        r = registry.resolve(token)
        if r is not None:
            ids.add(r.id)
        elif re.match(_SHELLCHECK, token):
            ids.add(token.upper())  # matched against Finding.code (ShellCheck findings)
        elif strict:
            out.unknown.append(BadToken(token, line, column))
    return ids


def dockerfile_suppressions(df: Dockerfile, registry: Registry) -> Suppressions:
    """`# k8slint ignore=ID` covers the next instruction; `# k8slint global ignore=ID` the file."""
    out = Suppressions()
    comments = iter(df.comments)
    pending: list[tuple[int, set[str]]] = []
    instr_iter = iter(df.instructions)
    instr = next(instr_iter, None)
    for comment in comments:
        m = re.match(_PRAGMA, comment.text)
        if not m:
            continue
        strict = m.group(1).lower() == "k8slint"  # hadolint's own pragmas may name codes we lack
        ids = _resolve_tokens(registry, m.group(3), comment.line, comment.column, strict, out)
        if m.group(2):
            out.file_wide |= ids
            continue
        while instr is not None and instr.line <= comment.line:
            instr = next(instr_iter, None)
        if instr is not None:
            pending.append((instr.line, ids))
    by_start = {i.line: i for i in df.instructions}
    for start, ids in pending:
        target = by_start[start]
        for line in range(target.line, target.end_line + 1):
            out.by_line.setdefault(line, set()).update(ids)
    return out


def yaml_suppressions(text: str, registry: Registry) -> Suppressions:
    """`# k8slint ignore=ID` trailing a line covers it; on a line of its own, the next content line."""
    out = Suppressions()
    if "k8slint" not in text:
        return out
    lines = text.split("\n")
    for idx, raw in enumerate(lines):
        if "k8slint" not in raw:
            continue
        m = re.search(_YAML_PRAGMA, raw)
        if not m:
            continue
        ids = _resolve_tokens(registry, m.group(1), idx + 1, m.start() + 1, True, out)
        before = raw[: m.start()]
        if before.strip():
            out.by_line.setdefault(idx + 1, set()).update(ids)
            continue
        for nxt in range(idx + 1, len(lines)):
            stripped = lines[nxt].strip()
            if stripped and not stripped.startswith("#"):
                out.by_line.setdefault(nxt + 1, set()).update(ids)
                break
    return out


def object_suppressions(annotations: dict[str, Any], registry: Registry) -> tuple[set[str], list[str]]:
    """Rule ids an object's annotations suppress, and the unknown tokens of `k8slint.io/ignore`."""
    ids: set[str] = set()
    unknown: list[str] = []
    for key, value in annotations.items():
        key = str(key)
        if key == OBJECT_ANNOTATION:
            for token in re.split(_TOKEN_SPLIT, str(value or "").strip()):
                if not token:
                    continue
                if token.lower() == "all":
                    ids.add(ALL)
                elif (r := registry.resolve(token)) is not None:
                    ids.add(r.id)
                else:
                    unknown.append(token)
        elif key.startswith(KUBE_LINTER_PREFIX):
            r = registry.resolve(key[len(KUBE_LINTER_PREFIX):])
            if r is not None:
                ids.add(r.id)
        elif key == KUBE_LINTER_ALL:
            ids.add(ALL)
        elif key.startswith(POLARIS_PREFIX) and key.endswith("-exempt") and str(value).lower() == "true":
            r = registry.resolve(key[len(POLARIS_PREFIX):-len("-exempt")])
            if r is not None:
                ids.add(r.id)
        elif key == POLARIS_PREFIX + "exempt" and str(value).lower() == "true":
            ids.add(ALL)
    return ids, unknown


def suppressed_by(ids: Iterable[str], rule_id: str) -> bool:
    ids = set(ids)
    return rule_id in ids or ALL in ids
