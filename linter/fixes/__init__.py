"""Automatic fixes for unambiguous cases: `k8slint --fix` writes them, `k8slint --diff` shows them.

Fixers live here, keyed by the rule whose finding they repair (rules' checks know nothing about fixing).
A fixer is `fix(text, lines) -> text`: `lines` are the lines where its rule fired in that file (None for
fixers not tied to a rule, which look for the pattern themselves). Fixers edit only the instruction or the
YAML node concerned, so the rest of the file stays byte-identical, and running them twice changes nothing.
"""
from __future__ import annotations

import difflib
import sys
from dataclasses import dataclass
from typing import Callable, Iterable, TextIO

from linter.fixes import dockerfile as df_fixes
from linter.fixes import k8s as k8s_fixes

FixFn = Callable[[str, "set[int] | None"], str]


@dataclass(frozen=True)
class Fixer:
    name: str
    kind: str  # "dockerfile" | "yaml"
    rule: str | None  # the rule id whose findings it repairs; None: pattern-based
    fix: FixFn


FIXERS: tuple[Fixer, ...] = (
    Fixer("maintainer-to-label", "dockerfile", "DF232", df_fixes.maintainer_to_label),
    Fixer("name-build-stages", "dockerfile", "DF005", df_fixes.name_build_stages),
    Fixer("pip-no-cache-dir", "dockerfile", "DF207", df_fixes.pip_no_cache_dir),
    Fixer("apt-get-install-flags", "dockerfile", None, df_fixes.apt_get_install_flags),
    Fixer("apk-add-no-cache", "dockerfile", None, df_fixes.apk_add_no_cache),
    Fixer("deployment-apps-v1", "yaml", "KS005", k8s_fixes.deployment_apps_v1),
)


def fix_text(text: str, kind: str, path: str, linter: object | None = None) -> str:
    """Apply every fixer for this kind of file until nothing changes (at most a few rounds)."""
    for _ in range(3):
        before = text
        for fixer in FIXERS:
            if fixer.kind != ("dockerfile" if kind == "dockerfile" else "yaml"):
                continue
            lines: set[int] | None = None
            if fixer.rule is not None:
                if linter is None:
                    continue
                r = linter.registry.resolve(fixer.rule)  # type: ignore[attr-defined]
                if r is None or not linter.config.rules[r.id].enabled:  # type: ignore[attr-defined]
                    continue
                found = linter.lint_bytes(text.encode("utf-8"), path, kind, True) or []  # type: ignore[attr-defined]
                lines = {f.line for f in found if f.rule_id == r.id}
                if not lines:
                    continue
            try:
                text = fixer.fix(text, lines)
            except Exception:  # a fixer never breaks a run: leave the file as it was
                continue
        if text == before:
            break
    return text


def _diff_names(path: str) -> tuple[str, str]:
    return (path, path) if path.startswith("/") else (f"a/{path}", f"b/{path}")


def run_fixes(registry: object, config: object, paths: Iterable[str], write: bool,
              out: TextIO | None = None) -> int:
    """Fix (or diff) every discovered file. Exit status: 0 nothing to fix, 1 fixes shown/applied."""
    from linter.discovery import discover
    from linter.engine import Linter, decode

    out = out or sys.stdout
    linter = Linter(registry, config)  # type: ignore[arg-type]
    files, _ = discover(list(paths), config.exclude)  # type: ignore[attr-defined]
    changed = 0
    for source in files:
        if source.kind not in ("dockerfile", "yaml", "json"):
            continue  # Helm values, charts and other rendered sources are not rewritten
        try:
            with open(source.path, "rb") as fh:
                data = fh.read()
        except OSError:
            continue
        text, error = decode(data)
        if text is None or error is not None or "\r\n" in text or (source.kind != "dockerfile" and "{{" in text):
            continue  # only plain UTF-8 with LF endings is rewritten, never a template
        fixed = fix_text(text, source.kind, source.path, linter)
        if fixed == text:
            continue
        changed += 1
        if write:
            with open(source.path, "w", encoding="utf-8", newline="") as fh:
                fh.write(fixed)
            out.write(f"fixed {source.path}\n")
        else:
            out.writelines(difflib.unified_diff(text.splitlines(True), fixed.splitlines(True),
                                                *_diff_names(source.path)))
    if write:
        out.write(f"k8slint: fixed {changed} file{'s' if changed != 1 else ''}\n")
    return 1 if changed and not write else 0
