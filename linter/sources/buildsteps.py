"""Helpers over Dockerfile instructions shared by rules: ONBUILD triggers, RUN mounts, pipes, labels.

hadolint re-applies many RUN rules inside `ONBUILD RUN ...`; `with_onbuild` yields the trigger
as an instruction of its own (same line and column as the ONBUILD), so a rule written for RUN
covers both.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Iterator

import bashlex
import bashlex.ast

from linter.sources.dockerfile import Dockerfile, Instruction, _split_words, _unquote, split_flags
from linter.sources.shell import Command, parse_commands

_MOUNT_RE = re.compile(r"--mount=(\S+)")


def onbuild_trigger(instr: Instruction) -> Instruction | None:
    """The instruction an `ONBUILD` registers, positioned at the ONBUILD itself."""
    if instr.keyword != "ONBUILD":
        return None
    keyword, _, rest = instr.args.strip().partition(" ")
    if not keyword:
        return None
    flags, args = split_flags(rest)
    return Instruction(
        keyword=keyword.upper(), value=rest, original=instr.original, line=instr.line,
        end_line=instr.end_line, column=instr.column, flags=flags, args=args, stage=instr.stage,
        heredocs=list(instr.heredocs),
    )


def with_onbuild(instructions: Iterable[Instruction]) -> Iterator[Instruction]:
    """Every instruction, with each `ONBUILD X` replaced by its trigger `X`."""
    for instr in instructions:
        trigger = onbuild_trigger(instr)
        yield trigger if trigger is not None else instr


def run_commands_of(instr: Instruction) -> tuple[Command, ...]:
    """Shell commands of a RUN (shell form, exec form, heredoc bodies)."""
    exec_form = instr.exec_form
    if exec_form is not None:
        words = tuple(exec_form)
        if len(words) >= 3 and words[0].rsplit("/", 1)[-1] in ("sh", "bash") and words[1] == "-c":
            return parse_commands(words[2])
        return (Command(words),) if words else ()
    if instr.heredocs:
        return tuple(c for body in instr.heredocs for c in parse_commands(body))
    return parse_commands(instr.args)


def runs(df: Dockerfile, onbuild: bool = True) -> Iterator[tuple[Instruction, tuple[Command, ...]]]:
    """Every RUN (and `ONBUILD RUN` when `onbuild`) with its parsed commands."""
    source = with_onbuild(df.instructions) if onbuild else iter(df.instructions)
    for instr in source:
        if instr.keyword == "RUN":
            yield instr, run_commands_of(instr)


def mounts(instr: Instruction) -> list[dict[str, str]]:
    """All `--mount=` options of a RUN (the flags dict keeps only the last one)."""
    prefix = instr.value[: len(instr.value) - len(instr.args)] if instr.args else instr.value
    out = []
    for m in _MOUNT_RE.finditer(prefix):
        spec: dict[str, str] = {}
        for part in m.group(1).strip("\"'").split(","):
            key, _, val = part.partition("=")
            spec[key.strip().lower()] = val.strip()
        out.append(spec)
    return out


def has_cache_mount(instr: Instruction, *targets: str) -> bool:
    """True if the RUN mounts a cache (or tmpfs) on one of `targets` (prefix match); any cache if none given."""
    for spec in mounts(instr):
        if spec.get("type") not in ("cache", "tmpfs"):
            continue
        target = (spec.get("target") or spec.get("dst") or spec.get("destination") or "").rstrip("/")
        if not targets or any(target == t.rstrip("/") or target.startswith(t.rstrip("/") + "/")
                              or t.startswith(target + "/") and target for t in targets):
            return True
    return False


def run_scripts(instr: Instruction) -> list[str]:
    """The shell text(s) a RUN executes (heredoc bodies, `sh -c` of exec form, or the shell form)."""
    exec_form = instr.exec_form
    if exec_form is not None:
        if len(exec_form) >= 3 and exec_form[1] == "-c":
            return [exec_form[2]]
        return []
    if instr.heredocs:
        return list(instr.heredocs)
    return [instr.args]


class _PipeFinder(bashlex.ast.nodevisitor):  # type: ignore[misc]
    found = False

    def visitpipe(self, node, pipe):  # type: ignore[no-untyped-def]
        if pipe == "|" or pipe == "|&":
            self.found = True


@lru_cache(maxsize=2048)
def has_pipe(script: str) -> bool:
    """True if the script has a pipeline (`a | b`), quoted `|` and `||` excluded."""
    if "|" not in script:
        return False
    text = script.replace("\\\n", " ")
    try:
        finder = _PipeFinder()
        for tree in bashlex.parse(text):
            finder.visit(tree)
        return finder.found
    except Exception:  # unsupported syntax: a bare `|` outside quotes, by a conservative scan
        stripped = re.sub(r"'[^']*'|\"(?:\\.|[^\"\\])*\"", "", text).replace("||", "")
        return "|" in stripped


def label_pairs(instr: Instruction) -> list[tuple[str, str]]:
    """`LABEL a=b "c.d"="e f"` -> [("a", "b"), ("c.d", "e f")]; legacy `LABEL key value` too."""
    words = _split_words(instr.args)
    if not words:
        return []
    if "=" not in words[0]:
        name, _, rest = instr.args.strip().partition(" ")
        return [(_unquote(name), _unquote(rest.strip()))]
    pairs = []
    for word in words:
        name, _, val = word.partition("=")
        pairs.append((_unquote(name), _unquote(val)))
    return pairs
