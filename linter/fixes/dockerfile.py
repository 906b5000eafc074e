"""Dockerfile fixers: each edits only the source lines of the instruction concerned."""
from __future__ import annotations

import json
import re
from typing import Callable

from linter.sources.dockerfile import Instruction, parse_dockerfile



def _edit_instructions(text: str, keep: Callable[[Instruction], bool],
                       edit: Callable[[Instruction, str], str]) -> str:
    """Replace the source lines of each kept instruction by edit(instr, its source text)."""
    df = parse_dockerfile(text)
    lines = text.splitlines(True)
    for instr in sorted((i for i in df.instructions if keep(i)), key=lambda i: i.line, reverse=True):
        start, end = instr.line - 1, instr.end_line
        original = "".join(lines[start:end])
        updated = edit(instr, original)
        if updated != original:
            lines[start:end] = updated.splitlines(True) if updated else []
    return "".join(lines)


def _segment(source: str, start: int) -> str:
    """The text of one shell command from `start` to the next `&&`, `||`, `;`, `|`."""
    m = re.compile(r"&&|\|\||;|\|").search(source, start)
    return source[start:m.start() if m else len(source)]


def maintainer_to_label(text: str, lines: set[int] | None) -> str:
    """`MAINTAINER name <mail>` -> `LABEL maintainer="name <mail>"`."""
    def edit(instr: Instruction, src: str) -> str:
        m = re.match(r"(\s*)MAINTAINER(\s+)(.*?)(\s*)$", src, re.S | re.I)
        if m is None or "\\\n" in src:
            return src
        value = m.group(3)
        return f"{m.group(1)}LABEL maintainer={json.dumps(value, ensure_ascii=False)}{m.group(4)}"

    return _edit_instructions(text, lambda i: i.keyword == "MAINTAINER" and (lines is None or i.line in lines), edit)


_PIP = re.compile(r"\bpip[0-9.]*(\s+)install\b")


def pip_no_cache_dir(text: str, lines: set[int] | None) -> str:
    """`pip install x` -> `pip install --no-cache-dir x` in RUN instructions where DF207 fired."""
    def edit(instr: Instruction, src: str) -> str:
        out, pos = [], 0
        for m in _PIP.finditer(src):
            seg = _segment(src, m.end())
            out.append(src[pos:m.end()])
            if "--no-cache-dir" not in seg:
                out.append(" --no-cache-dir")
            pos = m.end()
        out.append(src[pos:])
        return "".join(out)

    return _edit_instructions(text, lambda i: i.keyword == "RUN" and (lines is None or i.line in lines), edit)


_APT = re.compile(r"\bapt-get((?:\s+-[-\w=]+)*)\s+install\b")
_SIMULATE = re.compile(r"(?<![\w-])(-[a-z]*s[a-z]*|--simulate|--just-print|--dry-run|--recon|--no-act|--download-only|-d)(?![\w-])")
_YES = re.compile(r"(?<![\w-])(-[a-z]*y[a-z]*|--yes|--assume-yes|-qq)(?![\w-])")


def apt_get_install_flags(text: str, lines: set[int] | None) -> str:
    """`apt-get install x` -> `apt-get install -y --no-install-recommends x`."""
    def edit(instr: Instruction, src: str) -> str:
        out, pos = [], 0
        for m in _APT.finditer(src):
            seg = m.group(1) + _segment(src, m.end())
            add: list[str] = []
            if _SIMULATE.search(seg):
                out.append(src[pos:m.end()])
                pos = m.end()
                continue  # a simulation or download-only installs nothing
            if not _YES.search(seg):
                add.append("-y")
            if "--no-install-recommends" not in seg and "Install-Recommends" not in src:
                add.append("--no-install-recommends")
            out.append(src[pos:m.end()])
            if add:
                out.append(" " + " ".join(add))
            pos = m.end()
        out.append(src[pos:])
        return "".join(out)

    return _edit_instructions(text, lambda i: i.keyword == "RUN" and not i.heredocs, edit)


_APK = re.compile(r"\bapk((?:\s+-[-\w=]+)*)\s+add\b")


def apk_add_no_cache(text: str, lines: set[int] | None) -> str:
    """`apk add x` -> `apk add --no-cache x` (unless the cache is already handled)."""
    def edit(instr: Instruction, src: str) -> str:
        if "/var/cache/apk" in src or "apk cache" in src:
            return src
        out, pos = [], 0
        for m in _APK.finditer(src):
            seg = m.group(1) + _segment(src, m.end())
            out.append(src[pos:m.end()])
            if "--no-cache" not in seg and "--no-network" not in seg:
                out.append(" --no-cache")
            pos = m.end()
        out.append(src[pos:])
        return "".join(out)

    return _edit_instructions(text, lambda i: i.keyword == "RUN" and not i.heredocs, edit)


def _stage_name(base: str, taken: set[str], index: int) -> str:
    image = base.split("@")[0].rsplit("/", 1)[-1].split(":")[0].lower()
    candidate = re.sub(r"[^a-z0-9-]", "-", image).strip("-") or "stage"
    for name in (f"{candidate}-build", f"stage-{index}"):
        if name not in taken:
            return name
    n = index
    while f"stage-{n}" in taken:
        n += 1
    return f"stage-{n}"


def name_build_stages(text: str, lines: set[int] | None) -> str:
    """Stages referenced as `COPY --from=N` get a name (`AS <image>-build`) and the COPY uses it."""
    df = parse_dockerfile(text)
    taken = {s.name for s in df.stages if s.name}
    numbers = {int(i.flags["from"]) for i in df.instructions_of("COPY")
               if (i.flags.get("from") or "").isdigit() and (lines is None or i.line in lines)}
    names: dict[int, str] = {}
    for n in sorted(numbers):
        if n >= len(df.stages):
            continue  # a number past the stages is an image name, not ours to rename
        stage = df.stages[n]
        if stage.name is None:
            names[n] = _stage_name(stage.base_raw, taken, n)
            taken.add(names[n])
        else:
            names[n] = stage.name
    if not names:
        return text
    named_lines = {df.stages[n].from_instruction.line: name for n, name in names.items()
                   if df.stages[n].name is None}

    def edit(instr: Instruction, src: str) -> str:
        if instr.keyword == "FROM":
            body = src.rstrip("\n")
            return f"{body} AS {named_lines[instr.line]}" + src[len(body):]
        return re.sub(r"(--from=)([0-9]+)\b",
                      lambda m: m.group(1) + names.get(int(m.group(2)), m.group(2)), src)

    def keep(i: Instruction) -> bool:
        if i.keyword == "FROM":
            return i.line in named_lines and "\\\n" not in i.original
        return i.keyword == "COPY" and (i.flags.get("from") or "").isdigit() and int(i.flags["from"]) in names

    return _edit_instructions(text, keep, edit)
