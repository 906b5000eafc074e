"""A cheap scan that lets bashlex parse only the parts of a RUN script that need a shell parser.

Most RUN scripts are lists of simple commands (`apt-get update && apt-get install -y curl`), and
the same commands recur across Dockerfiles. `split_pieces` cuts a script at its top-level `&&`,
`||`, `;`, `|` and newlines (outside quotes, `$(...)`, `${...}`, subshells, groups and
if/for/while/until compounds, which stay one piece); `plain_words` reads the words of a piece
made only of plain words (letters, digits, `-./:=,+@%^~*[]`, `$NAME`, `${...}`, single- and
simply double-quoted strings), the way bashlex reads them. Anything the scan is not sure of
(`<`, backquotes, comments, a lone `&`, odd empty pieces) gives None: the caller then parses
the whole script with bashlex, as before.

`UNSUPPORTED`: a piece opens a `case` or `[[ ]]` command, which bashlex never parses (it
raises NotImplementedError on them), so the whole script would fail in bashlex anyway.
"""
from __future__ import annotations

import re
from typing import Union

UNSUPPORTED = "unsupported"
_SAFE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_./:=,+@%^~*-[]")
_QUOTABLE = _SAFE | {" ", "\t"}  # what a quoted part that is not a whole word may hold
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_BRACED = re.compile(r"\{[^{}$`\\'\"]*\}")
_ASSIGNMENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\+?=")
# Words that bashlex may read as reserved: a piece holding one goes to bashlex.
RESERVED = frozenset({
    "if", "then", "else", "elif", "fi", "for", "while", "until", "do", "done", "case", "esac",
    "select", "function", "{", "}", "[[", "]]", "!", "time", "coproc", "in", "((", "))",
})
_NEVER_PARSED = ("case", "[[")  # bashlex raises NotImplementedError on these commands
_OPENERS = frozenset({"if", "for", "while", "until"})
_CLOSERS = frozenset({"fi", "done"})
_PREFIXES = frozenset({"then", "do", "else", "!"})  # words before a command in a compound's part


def split_pieces(script: str) -> Union[list[tuple[str, bool]], str, None]:
    """The top-level pieces of `script`, each with True if it follows a `|`; UNSUPPORTED; or
    None when the scan is unsure."""
    pieces: list[str] = []
    seps: list[str] = []  # the separator that ends each piece ("" at the end)
    stack: list[str] = []  # open contexts: quotes, "(" for $(...) and (...), "{" for ${...}, "g" for {...}
    start = i = 0
    part = 0  # where the current part of a piece starts (a compound piece has several)
    depth = 0  # if/for/while/until compounds open: their separators stay inside the piece
    n = len(script)
    while i < n:
        ch = script[i]
        top = stack[-1] if stack else ""
        if top == "'":
            if ch == "'":
                stack.pop()
        elif top == '"':
            if ch == "\\":
                i += 1
            elif ch == '"':
                stack.pop()
            elif ch == "`":
                return _unsure(pieces, script[start:i])
            elif script.startswith("$(", i):
                stack.append("(")
                i += 1
            elif script.startswith("${", i):
                stack.append("{")
                i += 1
        elif top == "{":
            if ch == "}":
                stack.pop()
            elif ch in "'\"`$\\{":
                return _unsure(pieces, script[start:i])
        else:  # top level, or inside $(...), (...) or {...}
            if ch == "\\":
                i += 1
            elif ch == "#" and (i == 0 or script[i - 1] in " \t\n;&|()"):
                return _unsure(pieces, script[start:i])  # a comment
            elif ch in "'\"":
                stack.append(ch)
            elif script.startswith("$(", i):
                stack.append("(")
                i += 1
            elif script.startswith("${", i):
                stack.append("{")
                i += 1
            elif ch == "(":  # a subshell (or an array, `$((`): one piece up to its `)`
                stack.append("(")
            elif ch == ")":
                if top != "(":
                    return _unsure(pieces, script[start:i])
                stack.pop()
            elif ch == "{":  # a group (or a brace expansion): one piece up to its `}`
                stack.append("g")
            elif ch == "}":
                if top != "g":
                    return _unsure(pieces, script[start:i])
                stack.pop()
            elif ch in "`<":
                return _unsure(pieces, script[start:i])
            elif stack:
                pass
            elif script.startswith("&&", i) or script.startswith("||", i):
                depth = _nesting(script[part:i], depth)
                if depth < 0:
                    return UNSUPPORTED
                if depth == 0:
                    pieces.append(script[start:i])
                    seps.append(script[i:i + 2])
                    start = i + 2
                i += 2
                part = i
                continue
            elif ch == "&":
                if not (i and script[i - 1] == ">" or script.startswith("&>", i)):
                    return _unsure(pieces, script[start:i])  # a background job
            elif ch in ";|\n" and not (ch == "|" and i and script[i - 1] == ">"):
                depth = _nesting(script[part:i], depth)
                if depth < 0:
                    return UNSUPPORTED
                if depth == 0:
                    pieces.append(script[start:i])
                    seps.append(ch)
                    start = i + 1
                part = i + 1
        i += 1
    if stack:
        return _unsure(pieces, script[start:])
    depth = _nesting(script[part:], depth)
    if depth < 0:
        return UNSUPPORTED
    if depth > 0:
        return _unsure(pieces, "")
    pieces.append(script[start:])
    seps.append("")
    if _unsure(pieces, "") == UNSUPPORTED:
        return UNSUPPORTED
    out = []
    before = "\n"
    for piece, after in zip(pieces, seps):
        stripped = piece.strip(" \t\n")
        if not stripped:
            # an empty line, or the end after `;`; any other empty piece is bashlex's to judge
            if before not in ";\n" or after not in ("\n", ""):
                return _unsure(pieces, "")
        else:
            out.append((stripped, before == "|"))
        before = after
    return out


def _nesting(part: str, depth: int) -> int:
    """The compound depth after `part` (the text between two separators); -1: it opens a
    command bashlex never parses."""
    words = part.split()
    k = 0
    while k < len(words) and words[k] in _PREFIXES:
        k += 1
    if k == len(words):
        return depth
    word = words[k]
    if word in _NEVER_PARSED and k + 1 < len(words):
        return -1
    if word in _OPENERS:
        return depth + 1
    if word in _CLOSERS and depth:
        return depth - 1
    return depth


def _unsure(pieces: list[str], partial: str) -> str | None:
    """UNSUPPORTED if a piece read so far opens a command bashlex never parses, else None."""
    for piece in (*pieces, partial):
        words = piece.split(None, 1)
        if len(words) == 2 and words[0] in _NEVER_PARSED:
            return UNSUPPORTED
    return None


def plain_words(piece: str) -> list[tuple[str, str]] | None:
    """(word, source text) of a piece made only of plain words, or None."""
    words: list[tuple[str, str]] = []
    current: list[str] = []
    begin = -1  # where the current word starts, -1 between words
    # bashlex mangles the quotes and backslashes inside a quoted part that is not a whole word
    # (`a'b"c"'`), and some words with two quoted parts: such words are left to it
    quoted = False
    i, n = 0, len(piece)
    while i < n:
        ch = piece[i]
        if ch in _SAFE:
            current.append(ch)
        elif ch in " \t\n":
            if begin >= 0:
                words.append(("".join(current), piece[begin:i]))
                current = []
                begin = -1
                quoted = False
            i += 1
            continue
        elif ch == "$":
            end = _parameter_end(piece, i)
            if end < 0:
                return None
            current.append(piece[i:end])
            if begin < 0:
                begin = i
            i = end
            continue
        elif ch == "'":
            end = piece.find("'", i + 1)
            if end < 0 or quoted or not _whole_word(piece, begin, end) and not _QUOTABLE.issuperset(piece[i + 1:end]):
                return None
            quoted = True
            current.append(piece[i + 1:end])
            if begin < 0:
                begin = i
            i = end + 1
            continue
        elif ch == '"':
            if quoted:
                return None
            quoted = True
            end = i + 1
            odd = False  # a character that bashlex may read otherwise in a part of a word
            while end < n and piece[end] != '"':
                if piece[end] in "\\`":
                    return None
                if piece[end] not in _QUOTABLE and piece[end] != "$":
                    odd = True
                if piece[end] == "$":
                    after = _parameter_end(piece, end)
                    if after < 0:
                        return None
                    end = after
                else:
                    end += 1
            if end >= n or odd and not _whole_word(piece, begin, end):
                return None
            current.append(piece[i + 1:end])
            if begin < 0:
                begin = i
            i = end + 1
            continue
        else:
            return None
        if begin < 0:
            begin = i
        i += 1
    if begin >= 0:
        words.append(("".join(current), piece[begin:]))
    return words


def _whole_word(piece: str, begin: int, end: int) -> bool:
    """True if the quoted part closing at `end` is a whole word (bashlex reads only such a part
    verbatim whatever it holds)."""
    return begin < 0 and (end + 1 == len(piece) or piece[end + 1] in " \t\n")


def _parameter_end(text: str, i: int) -> int:
    """The end of `$NAME` or `${...}` (no nested expansion or quote) at `i`, or -1."""
    m = _NAME.match(text, i + 1) or _BRACED.match(text, i + 1)
    return m.end() if m else -1


def is_assignment(source: str) -> bool:
    """`NAME=...` or `NAME+=...` with the name unquoted, as bash sees an assignment."""
    return _ASSIGNMENT.match(source) is not None
