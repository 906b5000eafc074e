"""Test harness for rule authors (built-in and plugins): run the real pipeline on a snippet.

    fires("latest-base-image", "FROM alpine:latest\\n", lines=[1])
    quiet("latest-base-image", "FROM alpine:3.20\\n")

The whole pipeline runs (all default rules, parsing, suppression); the assertions
look at the named rule only, and `fires` asserts the exact lines (and columns if given).
"""
from __future__ import annotations

import textwrap
from functools import lru_cache
from typing import Any, Iterable

from linter.config import build_config
from linter.engine import Linter
from linter.model import Finding
from linter.registry import Registry, load_registry

WORKLOAD_KINDS = ("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "Pod")


@lru_cache(maxsize=1)
def default_registry() -> Registry:
    return load_registry()


def guess_kind(source: str) -> str:
    for line in source.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        word = stripped.split()[0].upper()
        return "dockerfile" if word in {"FROM", "ARG", "RUN", "USER", "COPY", "ENV", "LABEL"} else "yaml"
    return "yaml"


def lint(source: str, *, kind: str | None = None, path: str | None = None,
         config: dict[str, Any] | None = None, registry: Registry | None = None) -> list[Finding]:
    """Findings of the full pipeline on one dedented snippet."""
    registry = registry or default_registry()
    source = textwrap.dedent(source)
    kind = kind or guess_kind(source)
    path = path or ("Dockerfile" if kind == "dockerfile" else "manifest.yaml")
    linter = Linter(registry, build_config(registry, config or {}))
    return linter.lint_text(source, path, kind)


def _of(rule: str, findings: Iterable[Finding], registry: Registry) -> list[Finding]:
    r = registry.resolve(rule)
    if r is None:
        raise AssertionError(f"no such rule: {rule}")
    return [f for f in findings if f.rule_id == r.id]


# Rules that start a process (ShellCheck): fires/quiet turn them off unless they are the rule under test,
# since their findings never change another rule's.
EXPENSIVE_RULES = ("DF300",)


def _without_expensive(rule: str, registry: Registry, kw: dict[str, Any]) -> dict[str, Any]:
    if kw.get("config") is not None:
        return kw
    target = registry.resolve(rule)
    off = {r.id: "off" for r in map(registry.resolve, EXPENSIVE_RULES) if r is not None and r is not target}
    return {**kw, "config": {"rules": off}} if off else kw


def fires(rule: str, source: str, lines: list[int], columns: list[int] | None = None, **kw: Any) -> list[Finding]:
    """Assert `rule` fires exactly on `lines` (one entry per finding, sorted)."""
    registry = kw.get("registry") or default_registry()
    kw = _without_expensive(rule, registry, kw)
    found = _of(rule, lint(source, **kw), registry)
    got = [f.line for f in found]
    assert got == sorted(lines), f"{rule}: expected findings on lines {sorted(lines)}, got {got}: {found}"
    if columns is not None:
        assert [f.column for f in found] == columns, f"{rule}: expected columns {columns}, got {[f.column for f in found]}"
    return found


def quiet(rule: str, source: str, **kw: Any) -> None:
    """Assert `rule` does not fire."""
    registry = kw.get("registry") or default_registry()
    kw = _without_expensive(rule, registry, kw)
    found = _of(rule, lint(source, **kw), registry)
    assert not found, f"{rule}: expected no finding, got {found}"


def for_each_workload(pod_spec_yaml: str, name: str = "app") -> dict[str, str]:
    """Wrap one pod spec (YAML of the `spec:` body) in every pod-bearing kind, by kind."""
    body = textwrap.dedent(pod_spec_yaml).strip("\n")

    def indent(n: int) -> str:
        return textwrap.indent(body, " " * n)

    meta = f"metadata:\n  name: {name}\n"
    tmpl = f"template:\n    metadata:\n      labels: {{app: {name}}}\n    spec:\n{indent(6)}\n"
    out = {
        "Pod": f"apiVersion: v1\nkind: Pod\n{meta}spec:\n{indent(2)}\n",
        "Job": f"apiVersion: batch/v1\nkind: Job\n{meta}spec:\n  {tmpl}",
        "CronJob": (f"apiVersion: batch/v1\nkind: CronJob\n{meta}spec:\n  schedule: '* * * * *'\n  jobTemplate:\n"
                    f"    spec:\n      template:\n        spec:\n{indent(10)}\n"),
    }
    for kind in ("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"):
        out[kind] = (f"apiVersion: apps/v1\nkind: {kind}\n{meta}spec:\n  selector:\n    matchLabels: {{app: {name}}}\n"
                     f"  {tmpl}")
    return out


def lint_files(files: dict[str, str], *, config: dict[str, Any] | None = None,
               registry: Registry | None = None) -> list[Finding]:
    """Findings of one run over several in-memory files ({path: dedented source}), project rules included."""
    registry = registry or default_registry()
    linter = Linter(registry, build_config(registry, config or {}))
    return linter.lint_texts({p: textwrap.dedent(s) for p, s in files.items()})
