"""Shell commands of a RUN instruction, through a real shell parser (bashlex).

Scripts bashlex cannot parse (arithmetic, some heredocs) fall back to a
conservative tokenizer that splits on `&&`, `||`, `;` and `|`. A cheap scan first
(linter.sources.shell_pieces) reads plain commands itself and hands bashlex only the
pieces of a script that need it, with the same result as a whole-script parse.
"""
from __future__ import annotations

import shlex
import time
from functools import lru_cache

from linter.sources.shell_pieces import RESERVED, UNSUPPORTED, is_assignment, plain_words, split_pieces
from linter.time_limit import run_limited


WRAPPERS = {"sudo", "env", "nice", "nohup", "time", "exec", "command", "stdbuf", "xargs"}
SHELLS = {"sh", "bash", "ash", "dash", "zsh"}
MAX_SCRIPT = 200_000  # longer scripts use the fallback tokenizer: bashlex is slow on huge inputs


class Command:
    """One simple command of a RUN script. Commands are shared between files (parsed pieces are
    cached for the run): never change one."""

    __slots__ = ("words", "assignments", "wrappers", "name")

    def __init__(self, words: tuple[str, ...], assignments: tuple[str, ...] = (),
                 wrappers: tuple[str, ...] = ()) -> None:
        self.words = words  # the command name and its arguments, wrappers (sudo, env) removed
        self.assignments = assignments  # `NAME=value` prefixes
        self.wrappers = wrappers  # wrapper commands removed from the front (`sudo`, `env`)
        # the command's base name (`/usr/bin/pip` -> `pip`); rules ask for it about a million times a corpus run
        self.name = words[0].rsplit("/", 1)[-1] if words else ""

    def _key(self) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
        return self.words, self.assignments, self.wrappers

    def __eq__(self, other: object) -> bool:
        return self._key() == other._key() if isinstance(other, Command) else NotImplemented

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"Command(words={self.words!r}, assignments={self.assignments!r}, wrappers={self.wrappers!r})"

    @property
    def args(self) -> tuple[str, ...]:
        return self.words[1:]

    def has_args(self, *wanted: str) -> bool:
        return all(w in self.words[1:] for w in wanted)

    def has_flag(self, *flags: str) -> bool:
        """True if any of `flags` is given (`-y`, `--yes`, also inside grouped short flags like `-qy`)."""
        for arg in self.words[1:]:
            for flag in flags:
                if arg == flag or arg.startswith(flag + "="):
                    return True
                if len(flag) == 2 and flag[0] == "-" and arg.startswith("-") and not arg.startswith("--") \
                        and flag[1] in arg[1:]:
                    return True
        return False


def _strip_wrappers(words: list[str], assignments: list[str], stripped: list[str] | None = None) -> list[str]:
    while words:
        head = words[0].rsplit("/", 1)[-1]
        if stripped is not None and (head == "env" or head in WRAPPERS):
            stripped.append(head)
        if head == "env":
            words = words[1:]
            while words and ("=" in words[0] or words[0].startswith("-")):
                if "=" in words[0]:
                    assignments.append(words[0])
                words = words[1:]
        elif head in WRAPPERS:
            words = words[1:]
            while words and words[0].startswith("-"):
                words = words[1:]
        else:
            break
    return words


def _commands_of(tree: object, out: list[Command], depth: int) -> None:
    """Collect the simple commands of a bashlex tree, without recursion on the tree's depth."""
    stack = [tree]
    found = []
    while stack:
        node = stack.pop()
        kind = getattr(node, "kind", None)
        if kind == "command":
            found.append(node)
        for attr in ("parts", "list", "command"):
            child = getattr(node, attr, None)
            if isinstance(child, list):
                stack.extend(reversed(child))
            elif child is not None and hasattr(child, "kind"):
                stack.append(child)
    for node in found:
        parts = node.parts
        _add_command([p.word for p in parts if p.kind == "word"],
                     [p.word for p in parts if p.kind == "assignment"], out, depth)


def _add_command(words: list[str], assignments: list[str], out: list[Command], depth: int) -> None:
    wrappers: list[str] = []
    words = _strip_wrappers(words, assignments, wrappers)
    if words:
        out.append(Command(tuple(words), tuple(assignments), tuple(wrappers)))
        if words[0].rsplit("/", 1)[-1] in SHELLS and "-c" in words[1:-1] and depth < 3:
            inner = words[words.index("-c") + 1]
            out.extend(_parse(inner, depth + 1))


def _parse(script: str, depth: int = 0) -> tuple[Command, ...]:
    if len(script) <= MAX_SCRIPT:
        pieces = split_pieces(script)
        if pieces == UNSUPPORTED:
            return _fallback(script)
        if isinstance(pieces, list):
            try:
                found = _parse_pieces(pieces, depth)
            except _ParseTimeout:  # bashlex would not get through the whole script either
                return _fallback(script)
            if found is not None:
                return found
        try:
            from linter.sources.bashlex_tables import import_bashlex  # first use; tables cached

            bashlex = import_bashlex()

            out: list[Command] = []
            trees = run_limited(PARSE_SECONDS, _ParseTimeout, bashlex.parse, script)
            for tree in trees:
                _commands_of(tree, out, depth)
            return tuple(out)
        except Exception:  # bashlex raises many kinds of errors on valid but unsupported syntax
            pass
    return _fallback(script)


def _parse_pieces(pieces: list[tuple[str, bool]], depth: int) -> tuple[Command, ...] | None:
    """The commands of a script from its top-level pieces; None if bashlex fails on one.

    A piece after a `|` is not a command list of its own (`a | ! b` is an error, `! b` is not):
    a plain one is read apart, else its whole pipeline goes to bashlex.
    """
    out: list[Command] = []
    deadline = time.monotonic() + PARSE_SECONDS  # bashlex's time over all pieces, as over a whole script
    start = mark = 0  # the current pipeline's first piece, and where its commands start in `out`
    k = 0
    while k < len(pieces):
        piece, piped = pieces[k]
        if not piped:
            start, mark = k, len(out)
        k += 1
        words = plain_words(piece)
        if words is not None and not any(w in RESERVED for w, _ in words):
            n = 0
            while n < len(words) and is_assignment(words[n][1]):
                n += 1
            _add_command([w for w, _ in words[n:]], [w for w, _ in words[:n]], out, depth)
            continue
        if time.monotonic() > deadline:
            return None
        if piped:  # the whole pipeline, once
            while k < len(pieces) and pieces[k][1]:
                k += 1
            del out[mark:]
            piece = " | ".join(p for p, _ in pieces[start:k])
        found = _parse_piece(piece, depth)
        if found is None:
            return None
        out.extend(found)
    return tuple(out)


@lru_cache(maxsize=4096)
def _parse_piece(piece: str, depth: int) -> tuple[Command, ...] | None:
    """One piece through bashlex (pieces recur across Dockerfiles more than whole scripts do)."""
    try:
        from linter.sources.bashlex_tables import import_bashlex

        bashlex = import_bashlex()
        out: list[Command] = []
        trees = run_limited(PARSE_SECONDS, _ParseTimeout, bashlex.parse, piece)
        for tree in trees:
            _commands_of(tree, out, depth)
        return tuple(out)
    except _ParseTimeout:
        raise  # not cached
    except Exception:
        return None


PARSE_SECONDS = 2.0


class _ParseTimeout(Exception):
    pass


SHLEX_LIMIT = 10_000


def _fallback(script: str) -> tuple[Command, ...]:
    normalised = script
    for sep in ("&&", "||", ";", "|", "\n"):
        normalised = normalised.replace(sep, "\x00")
    found = (_fallback_command(segment) for segment in normalised.split("\x00"))
    return tuple(c for c in found if c is not None)


@lru_cache(maxsize=4096)
def _fallback_command(segment: str) -> Command | None:
    """One segment of the fallback (shlex is slow, and segments recur across scripts)."""
    if len(segment) > SHLEX_LIMIT:  # shlex builds tokens by concatenation: quadratic on huge words
        words = segment.split()
    else:
        try:
            words = shlex.split(segment, comments=False, posix=True)
        except ValueError:
            words = segment.split()
    assignments = []
    while words and "=" in words[0] and not words[0].startswith(("-", "=")):
        assignments.append(words.pop(0))
    wrappers: list[str] = []
    words = _strip_wrappers(words, assignments, wrappers)
    if words:
        return Command(tuple(words), tuple(assignments), tuple(wrappers))
    return None


@lru_cache(maxsize=4096)
def parse_commands(script: str) -> tuple[Command, ...]:
    """Every simple command in a shell script, including those inside `sh -c '...'`."""
    return _parse(script.replace("\\\n", " "))
