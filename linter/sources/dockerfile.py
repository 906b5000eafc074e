"""Dockerfile model over dockerfile-parse: instructions with exact positions, stages, ARGs.

dockerfile-parse reports 0-based lines, returns comments as entries and does not
know BuildKit heredocs (it reads each heredoc body line as an instruction); this
adapter converts lines to 1-based, keeps comments aside and folds heredoc
bodies back into the instruction that opened them, without shifting any line.
"""
from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterator, NamedTuple

from dockerfile_parse import DockerfileParser

from linter.model import Position
from linter.sources.images import ImageRef, parse_image

DIRECTIVE_RE = re.compile(r"^#\s*([a-zA-Z]+)\s*=\s*(.*?)\s*$")
KNOWN_DIRECTIVES = {"syntax", "escape", "check"}
HEREDOC_RE = re.compile(r"(?<!<)<<(?!<)(-?)\s*([\"']?)([A-Za-z_][A-Za-z0-9_]*)\2")  # not a `<<<` here-string
FLAG_RE = re.compile(r"--([a-zA-Z][a-zA-Z0-9-]*)(?:=(\S*))?")
VAR_RE = re.compile(r"\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))")


class TokenAnchor(NamedTuple):
    line: int
    column: int

    def locate(self) -> Position:
        return Position(self.line, self.column)


@dataclass(slots=True, eq=False)
class Instruction:
    keyword: str  # upper-case: FROM, RUN, ...
    value: str  # arguments as dockerfile-parse joined them (continuations folded)
    original: str  # the source text of the instruction's lines
    line: int  # 1-based
    end_line: int
    column: int  # 1-based column of the keyword
    flags: dict[str, str | None] = field(default_factory=dict)
    args: str = ""  # value without the leading --flags
    stage: int = -1  # index of the stage it belongs to (-1 before the first FROM)
    heredocs: list[str] = field(default_factory=list)  # bodies of `<<EOF` heredocs

    def locate(self) -> Position:
        return Position(self.line, self.column, self.end_line)

    @property
    def exec_form(self) -> list[str] | None:
        """The JSON array of an exec-form instruction, or None for shell form."""
        text = self.args.strip()
        if not text.startswith("["):
            return None
        try:
            parsed = json.loads(text)
        except ValueError:
            return None
        if isinstance(parsed, list) and all(isinstance(p, str) for p in parsed):
            return parsed
        return None

    def at(self, needle: str) -> TokenAnchor | Instruction:
        """An anchor at the first occurrence of `needle` in the instruction's source, after the keyword."""
        lines = self.original.split("\n")
        for offset, text in enumerate(lines):
            start = self.column - 1 + len(self.keyword) if offset == 0 else 0
            idx = text.find(needle, start)
            if idx >= 0:
                return TokenAnchor(self.line + offset, idx + 1)
        return self


@dataclass(slots=True, eq=False)
class Stage:
    index: int
    name: str | None  # the `AS name`, lower-cased as BuildKit does
    from_instruction: Instruction
    base_raw: str  # image text as written, variables unexpanded
    base: str | None  # image with ARG defaults substituted; None when a variable has no default
    platform: str | None
    parent: int | None  # index of an earlier stage this one builds FROM
    instructions: list[Instruction] = field(default_factory=list)

    @property
    def image(self) -> ImageRef | None:
        if self.base is None or self.parent is not None or self.base.lower() == "scratch":
            return None
        return parse_image(self.base)

    def locate(self) -> Position:
        return self.from_instruction.locate()


@dataclass(slots=True, eq=False)
class Comment:
    line: int
    column: int
    text: str  # without the leading '#'


@dataclass(slots=True, eq=False)
class Dockerfile:
    path: str
    lines: list[str]
    instructions: list[Instruction]
    stages: list[Stage]
    comments: list[Comment]
    directives: dict[str, str]
    global_args: dict[str, str | None]  # ARGs before the first FROM, with defaults

    @property
    def final_stage(self) -> Stage | None:
        return self.stages[-1] if self.stages else None

    def stage_by_ref(self, ref: str) -> Stage | None:
        """A stage named `ref` or numbered `ref` that is defined in this file."""
        if ref.isdigit():
            idx = int(ref)
            return self.stages[idx] if idx < len(self.stages) else None
        low = ref.lower()
        return next((s for s in self.stages if s.name == low), None)

    def instructions_of(self, keyword: str) -> Iterator[Instruction]:
        return (i for i in self.instructions if i.keyword == keyword)


def split_flags(value: str) -> tuple[dict[str, str | None], str]:
    """Split leading `--flag[=value]` options from an instruction's arguments."""
    flags: dict[str, str | None] = {}
    rest = value.lstrip()
    while rest.startswith("--"):
        m = FLAG_RE.match(rest)
        if not m:
            break
        flags[m.group(1).lower()] = m.group(2)
        rest = rest[m.end():].lstrip()
    return flags, rest


def expand_variables(text: str, env: dict[str, str | None]) -> str | None:
    """Substitute `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR:+alt}`; None if a variable has no value."""
    unresolved = False

    def sub(m: re.Match[str]) -> str:
        nonlocal unresolved
        name = m.group(1) or m.group(4)
        op, word = m.group(2), m.group(3)
        value = env.get(name)
        if op in (":-", "-"):
            return value if value else (word or "")
        if op in (":+", "+"):
            return (word or "") if value else ""
        if value is None:
            unresolved = True
            return ""
        return value

    result = VAR_RE.sub(sub, text)
    return None if unresolved else result


def parse_arg(value: str) -> list[tuple[str, str | None]]:
    """`ARG A=1 B` -> [("A", "1"), ("B", None)]."""
    out: list[tuple[str, str | None]] = []
    for part in _split_words(value):
        name, eq, default = part.partition("=")
        if name:
            out.append((name, _unquote(default) if eq else None))
    return out


def _split_words(value: str) -> list[str]:
    return list(_words_of(value))


@lru_cache(maxsize=4096)
def _words_of(value: str) -> tuple[str, ...]:
    """Whitespace-separated words, quotes kept; many rules split the same ENV/ARG/LABEL text."""
    words, current, quote = [], [], ""
    for ch in value:
        if quote:
            current.append(ch)
            if ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
            current.append(ch)
        elif ch.isspace():
            if current:
                words.append("".join(current))
                current = []
        else:
            current.append(ch)
    if current:
        words.append("".join(current))
    return tuple(words)


def _unquote(text: str) -> str:
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        return text[1:-1]
    return text


def parse_env_pairs(value: str) -> list[tuple[str, str]]:
    """`ENV A=1 B="two words"` or legacy `ENV A some value` -> pairs."""
    words = _split_words(value)
    if words and "=" not in words[0]:
        name, _, rest = value.strip().partition(" ")
        return [(name, rest.strip())]
    pairs = []
    for word in words:
        name, _, val = word.partition("=")
        pairs.append((name, _unquote(val)))
    return pairs


def _directives(lines: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for raw in lines:
        m = DIRECTIVE_RE.match(raw.strip())
        if not m or m.group(1).lower() not in KNOWN_DIRECTIVES or m.group(1).lower() in found:
            break
        found[m.group(1).lower()] = m.group(2)
    return found


def parse_dockerfile(text: str, path: str = "Dockerfile") -> Dockerfile:
    lines = text.split("\n")
    structure = _structure(text, lines)
    instructions: list[Instruction] = []
    comments: list[Comment] = []
    skip_until = -1  # 0-based last line of a heredoc body being folded
    for entry in structure:
        start, end = entry["startline"], entry["endline"]
        if start <= skip_until:
            continue
        keyword = entry["instruction"].upper()
        raw = lines[start] if start < len(lines) else ""
        column = len(raw) - len(raw.lstrip()) + 1
        if keyword == "COMMENT":
            comments.append(Comment(start + 1, column, entry["value"]))
            continue
        value = entry["value"]
        heredocs: list[str] = []
        if "<<" in value and keyword in {"RUN", "COPY", "ADD"}:
            end, heredocs = _fold_heredocs(value, lines, end)
            skip_until = end
        original = "\n".join(lines[start:end + 1])
        flags, args = split_flags(value)
        instructions.append(Instruction(
            keyword=keyword, value=value, original=original, line=start + 1, end_line=end + 1,
            column=column, flags=flags, args=args, heredocs=heredocs,
        ))
    # comments inside continuation lines come first from dockerfile-parse; keep file order
    comments.sort(key=lambda c: c.line)
    global_args: dict[str, str | None] = {}
    stages: list[Stage] = []
    for instr in instructions:
        if instr.keyword == "FROM":
            stages.append(_stage(instr, len(stages), global_args, stages))
        elif instr.keyword == "ARG" and not stages:
            for name, default in parse_arg(instr.args):
                # a default may use earlier ARGs (`ARG IMG=alpine:${V}`); unknown stays unknown (None)
                global_args[name] = expand_variables(default, global_args) if default is not None else None
        if stages:
            instr.stage = stages[-1].index
            stages[-1].instructions.append(instr)
    return Dockerfile(path, lines, instructions, stages, comments, _directives(lines), global_args)


_INSN_RE = re.compile(r"^\s*(\S+)\s+(.*)$")
_COMMENT_RE = re.compile(r"^\s*#")
CHUNK = 200  # longest continuation run handed to dockerfile-parse in one piece


def _structure(text: str, lines: list[str]) -> list[dict[str, object]]:
    """dockerfile-parse's `structure`, linear in the length of continuation runs.

    dockerfile-parse grows a multi-line instruction by string concatenation, which is quadratic
    (a 100,000-line RUN takes minutes). Long runs are cut into pieces of CHUNK lines for the
    parser and joined back here, with the value computed the way dockerfile-parse computes it.
    """
    escape = "`" if _directives(lines).get("escape") == "`" else "\\"
    cont_re = re.compile(r"^.*" + re.escape(escape) + r"\s*$")
    # BuildKit ignores blank lines inside a continuation; dockerfile-parse would end the instruction there
    patched = _join_blank_continuations(lines, cont_re, escape)
    runs = _long_runs(patched, cont_re)
    if runs:
        patched = list(patched)
        for start, end in runs:
            cuts = [i for i in range(start, end) if not _COMMENT_RE.match(lines[i]) and cont_re.match(lines[i])]
            for c in cuts[CHUNK::CHUNK]:
                patched[c] = patched[c].rstrip()[:-1]
    data = "\n".join(patched).encode("utf-8", "surrogatepass")
    structure = DockerfileParser(fileobj=io.BytesIO(data), env_replace=False).structure
    if not runs:
        return structure

    def strip_eol(line: str) -> str:
        line = line.rstrip()
        return line[:-1] if line.endswith(escape) else line

    merged: list[dict[str, object]] = []
    for entry in structure:
        start = entry["startline"]
        run = next(((a, b) for a, b in runs if a <= start <= b), None)
        if run is None or entry["instruction"] == "COMMENT":
            merged.append(entry)
        elif start == run[0]:
            m = _INSN_RE.match(lines[start])
            value = strip_eol(m.group(2)) if m else ""
            value += "".join(strip_eol(lines[i]) for i in range(start + 1, run[1] + 1) if not _COMMENT_RE.match(lines[i]))
            merged.append({**entry, "endline": run[1], "value": value})
    return merged


def _join_blank_continuations(lines: list[str], cont_re: re.Pattern[str], escape: str) -> list[str]:
    # a blank line can only continue an instruction right after a line ending in the escape
    # (comment lines between): without one anywhere, nothing to join
    blank_after_escape = re.compile(re.escape(escape) + r"[^\S\n]*\n(?:[^\S\n]*#[^\n]*\n)*[^\S\n]*(?:\n|\Z)")
    if not blank_after_escape.search("\n".join(lines)):
        return lines
    out = lines
    in_cont = False
    for i, line in enumerate(lines):
        if _COMMENT_RE.match(line):
            continue
        if in_cont and not line.strip():
            if out is lines:
                out = list(lines)
            out[i] = escape
            continue
        if not in_cont and not _INSN_RE.match(line):
            continue
        in_cont = bool(cont_re.match(line))
    return out


def _long_runs(lines: list[str], cont_re: re.Pattern[str]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    if len(lines) <= CHUNK + 1:  # no run can be longer than CHUNK lines
        return runs
    in_cont, start = False, 0
    for i, line in enumerate(lines):
        if _COMMENT_RE.match(line):
            continue
        if not in_cont:
            if not _INSN_RE.match(line):
                continue
            start = i
        in_cont = bool(cont_re.match(line))
        if not in_cont and i - start > CHUNK:
            runs.append((start, i))
    if in_cont and len(lines) - 1 - start > CHUNK:
        runs.append((start, len(lines) - 1))
    return runs


def _fold_heredocs(value: str, lines: list[str], end: int) -> tuple[int, list[str]]:
    """Find the bodies of the heredocs an instruction opens; return the last line they use."""
    bodies = []
    line = end + 1
    for m in HEREDOC_RE.finditer(value):
        strip_tabs, word = m.group(1) == "-", m.group(3)
        if not _has_terminator(lines, line, word, strip_tabs):
            continue  # `<<` inside quotes or arithmetic, not a heredoc: never swallow the rest of the file
        body: list[str] = []
        while line < len(lines):
            candidate = lines[line].lstrip("\t") if strip_tabs else lines[line]
            line += 1
            if candidate.rstrip("\r") == word:
                break
            body.append(lines[line - 1])
        bodies.append("\n".join(body))
    return max(end, line - 1), bodies


def _has_terminator(lines: list[str], start: int, word: str, strip_tabs: bool) -> bool:
    for text in lines[start:]:
        if (text.lstrip("\t") if strip_tabs else text).rstrip("\r") == word:
            return True
    return False


def _stage(instr: Instruction, index: int, global_args: dict[str, str | None], stages: list[Stage]) -> Stage:
    words = instr.args.split()
    name = None
    if len(words) >= 3 and words[-2].lower() == "as":
        name = words[-1].lower()
        words = words[:-2]
    base_raw = words[0] if words else ""
    base = expand_variables(base_raw, global_args)
    parent = None
    if base is not None:
        low = base.lower()
        parent = next((s.index for s in stages if s.name == low), None)
    return Stage(index, name, instr, base_raw, base, instr.flags.get("platform"), parent)
