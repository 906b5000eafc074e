"""Helpers over Dockerfile instructions shared by rules: ONBUILD unwrapping, RUN mounts, final-image stages."""
from __future__ import annotations

import re
from typing import Iterator

from linter.sources.dockerfile import Dockerfile, Instruction, split_flags

MOUNT_RE = r"--mount=(\S+)"


def onbuild_inner(instr: Instruction) -> Instruction | None:
    """The instruction an `ONBUILD <instruction>` wraps, positioned at the ONBUILD line; None otherwise."""
    if instr.keyword != "ONBUILD":
        return None
    keyword, _, value = instr.value.strip().partition(" ")
    keyword = keyword.strip().upper()
    if not keyword or keyword in {"ONBUILD", "FROM", "MAINTAINER"}:
        return None
    flags, args = split_flags(value)
    return Instruction(
        keyword=keyword, value=value, original=instr.original, line=instr.line, end_line=instr.end_line,
        column=instr.column, flags=flags, args=args, stage=instr.stage, heredocs=list(instr.heredocs),
    )


def with_onbuild(df: Dockerfile, *keywords: str) -> Iterator[Instruction]:
    """Instructions with one of `keywords`, including those wrapped in ONBUILD, in file order."""
    wanted = {k.upper() for k in keywords}
    for instr in df.instructions:
        if instr.keyword in wanted:
            yield instr
        elif instr.keyword == "ONBUILD":
            inner = onbuild_inner(instr)
            if inner is not None and inner.keyword in wanted:
                yield inner


def mounts(instr: Instruction) -> list[dict[str, str]]:
    """Every `--mount=type=...,target=...` of a RUN as a dict (`target` also from `dst`/`destination`)."""
    out: list[dict[str, str]] = []
    head = instr.value[: len(instr.value) - len(instr.args)] if instr.args else instr.value
    for m in re.finditer(MOUNT_RE, head):
        spec: dict[str, str] = {}
        for part in m.group(1).split(","):
            key, _, val = part.partition("=")
            spec[key.strip().lower()] = val.strip().strip("\"'")
        for alias in ("dst", "destination"):
            if alias in spec and "target" not in spec:
                spec["target"] = spec[alias]
        spec.setdefault("type", "bind")
        out.append(spec)
    return out


def cache_mount_targets(instr: Instruction) -> list[str]:
    """Targets of the `--mount=type=cache` mounts of a RUN (trailing slashes removed)."""
    return [m.get("target", "").rstrip("/") or "/" for m in mounts(instr) if m.get("type") == "cache"]


def has_cache_mount(instr: Instruction, *prefixes: str) -> bool:
    """True if a cache or tmpfs mount targets one of `prefixes` or a directory below it.

    Both keep what is written there out of the image's layers.
    """
    targets = [m.get("target", "").rstrip("/") or "/" for m in mounts(instr) if m.get("type") in ("cache", "tmpfs")]
    for target in targets:
        for prefix in prefixes:
            p = prefix.rstrip("/")
            if target == p or target.startswith(p + "/"):
                return True
    return False


def stages_in_final_image(df: Dockerfile) -> set[int]:
    """Indexes of the final stage and of the stages it is built FROM (directly or not)."""
    out: set[int] = set()
    current = df.final_stage
    while current is not None and current.index not in out:
        out.add(current.index)
        current = df.stages[current.parent] if current.parent is not None else None
    return out


def copy_paths(instr: Instruction) -> tuple[list[str], str] | None:
    """(sources, destination) of a COPY/ADD in shell or JSON form; None for heredocs or too few words."""
    if instr.heredocs:
        return None
    words = instr.exec_form
    if words is None:
        words = [w.strip("\"'") for w in instr.args.split()]
    if len(words) < 2:
        return None
    return list(words[:-1]), words[-1]
