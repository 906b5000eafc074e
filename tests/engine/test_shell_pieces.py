"""The piecewise RUN-script parse (linter.sources.shell_pieces) gives what a whole-script bashlex parse gives."""
from __future__ import annotations

from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linter.sources import shell
from linter.sources.shell_pieces import UNSUPPORTED, plain_words, split_pieces


def whole(script: str) -> tuple[shell.Command, ...]:
    """The parse without the piecewise pass: bashlex over the whole script, else the fallback."""
    original = shell.split_pieces
    shell.split_pieces = lambda _: None
    try:
        return shell._parse(script)
    finally:
        shell.split_pieces = original


CASES = [
    "apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*",
    'A=1 B="x y" C=$D go build -o /app "./cmd/${NAME}" ; echo done',
    "export A=1 B='x y' && sudo -E env X=1 pip install -r requirements.txt",
    '"A"=1 b',
    "curl -sSL https://x | sh && wget -qO- https://y | bash -s -- -v",
    "sh -c 'apt-get update && apt-get install -y vim'",
    'set -eux; savedAptMark="$(apt-mark showmanual)"; apt-get update; apt-get install -y wget',
    "make >/dev/null 2>&1 && make install",
    "a;\n\nb;",
    "a &&\n b",
    "a &&",
    "a ;; b",
    "; a",
    "a |\n b",
    "a | ! b && c | time d",
    "x | awk '{ print \"a\" }' | sort && echo \"$A  f\" | sha256sum -c - | (cat) | tee x",
    "a & b",
    "if [ -f x ]; then a; fi && b",
    "set -eux; a=1; if [ -n \"$a\" ]; then for x in 1 2; do while y; do z; done; done; fi; apt-get update",
    "a; if b; then c; fi; fi; d",
    "a; if b; then c",
    "for x in a; do case $x in a) b;; esac; done; c",
    "if a; then [[ -f x ]] && y; fi",
    "case $x in a) b;; esac; c",
    "x=1; case $x in a) b;; esac",
    "[[ -f x ]] && y",
    "echo case && echo [[",
    "(cd src && make) && ls",
    "{ a; b; } > /log && a=(1 2) && echo {x,y}z && (a; (b)) | c && echo } && echo {",
    "echo `id` && ls # comment && rm",
    "\"q w\"'s t' && a\"b c\"'d e'",
    "x a\"'b'\" a'b\"c\"' A=\"'x'\" \" \"q w\" 's t' \"",
    "a' x=1 $( ' 'a\\\\b'c 'a\\\\b' && x 'a\"b'c \"a'b\"c 'a\"b'$X A='a\"b' | awk 'sub(\":$\", \"\", $1) { print $1 }' \"a'b\"",
    'echo "${A:-$B}" ${C:+x} "$(echo ")")"',
    "echo é && ls",
    "cat <<EOF\nhello\nEOF\n",
    "echo $1 $@ \"$?\" && ls",
    "a >| b && c <&0 && d &>/dev/null",
    "echo 'unterminated && ls",
    "",
    "   ",
]


@pytest.mark.parametrize("script", CASES)
def test_piecewise_parse_matches_whole_parse(script: str) -> None:
    assert shell._parse(script) == whole(script)


def test_plain_script_skips_bashlex(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("bashlex called")

    monkeypatch.setattr(shell, "_parse_piece", fail)
    found = shell._parse("apt-get update && apt-get install -y 'a b' \"$C\" && rm -rf /x/*")
    assert [c.words for c in found] == [("apt-get", "update"), ("apt-get", "install", "-y", "a b", "$C"),
                                        ("rm", "-rf", "/x/*")]


def test_a_piece_shared_by_two_scripts_is_parsed_once() -> None:
    shell._parse_piece.cache_clear()
    first = shell._parse('x=$(uname -m) && echo "$x" > /arch && ls')
    second = shell._parse('apk add curl && echo "$x" > /arch')
    info = shell._parse_piece.cache_info()
    assert (info.misses, info.hits) == (2, 1)  # `x=$(uname -m)` and `echo "$x" > /arch`, the latter reused
    assert first == whole('x=$(uname -m) && echo "$x" > /arch && ls')
    assert second == whole('apk add curl && echo "$x" > /arch')


def test_scan_results() -> None:
    assert split_pieces("a && b || c; d | e\nf") == [("a", False), ("b", False), ("c", False), ("d", False),
                                                      ("e", True), ("f", False)]
    assert split_pieces("a 'b && c' \"$(d; e)\"") == [("a 'b && c' \"$(d; e)\"", False)]
    assert split_pieces("a; case x in y) z;; esac") == UNSUPPORTED
    assert split_pieces("(a; b) && { c; d; } && e") == [("(a; b)", False), ("{ c; d; }", False), ("e", False)]
    assert split_pieces("(a") is None
    assert split_pieces("a; if b; then c; fi && d") == [("a", False), ("if b; then c; fi", False), ("d", False)]
    assert split_pieces("a & b") is None
    assert plain_words("A='x y' b\"c\"d $E") == [("A=x y", "A='x y'"), ("bcd", 'b"c"d'), ("$E", "$E")]
    assert plain_words("a > b") is None


TOKENS = [
    "a", "apt-get", "install", "-y", "x=1", "X=$Y", "A+=b", '"q w"', "'s t'", '"$V"', "${V:-d}", "$V",
    "--opt=v", "/p/*", "[", "]", "~/x", "sh", "bash", "-c", "sudo", "env", "1a=b", '"A"=1', "é",
    "&&", "||", ";", "|", "\n", "&", ";;", ">", ">/dev/null", "2>&1", "<", "(", ")", "{", "}", "$(", "`",
    "#", "if", "then", "fi", "case", "in", "esac", "[[", "]]", "!", "do", "done", "for", "time", "\\",
    '"', "'", "=", "$((1+2))", "<<E", "E", "a\"b'c'\"", "'a\"b'", "x\"$V\"", "\"'\"", "'\"'", "'a\"b'", "\"a'$V\"", "'a\"b'c", "x'a\\\\b'", "' $( '", "'a b'", "'\\\\'",
]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(TOKENS), max_size=14), st.lists(st.sampled_from(["", " ", "  "]), max_size=14))
def test_random_scripts_parse_alike(tokens: list[str], gaps: list[str]) -> None:
    script = "".join(t + (gaps[i] if i < len(gaps) else " ") for i, t in enumerate(tokens))
    shell._parse_piece.cache_clear()
    assert shell._parse(script) == whole(script)


def test_command_name_is_the_base_name_and_not_compared() -> None:
    cmd = shell.Command(("/usr/bin/pip", "install", "x"))
    assert cmd.name == "pip" and shell.Command(()).name == ""
    assert cmd == shell.Command(("/usr/bin/pip", "install", "x")) and "name" not in repr(cmd)


def test_cached_word_split_hands_out_fresh_lists() -> None:
    from linter.sources.dockerfile import _split_words, parse_env_pairs

    first = _split_words('A=1 B="x y"')
    first.append("changed")
    assert _split_words('A=1 B="x y"') == ["A=1", 'B="x y"']
    assert parse_env_pairs('A=1 B="x y"') == [("A", "1"), ("B", "x y")]


def test_pieces_share_one_time_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []

    def slow(piece: str, depth: int) -> tuple[shell.Command, ...]:
        calls.append(piece)
        clock[0] += shell.PARSE_SECONDS + 1
        return ()

    clock = [0.0]
    monkeypatch.setattr(shell, "_parse_piece", slow)
    monkeypatch.setattr(shell, "time", SimpleNamespace(monotonic=lambda: clock[0]))
    assert shell._parse_pieces([("a >x", False), ("b >y", False), ("c >z", False)], 0) is None
    assert calls == ["a >x"]  # over budget after the first: the caller parses the whole script once


def test_a_piece_out_of_time_sends_the_script_to_the_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    def timeout(piece: str, depth: int) -> None:
        raise shell._ParseTimeout()

    monkeypatch.setattr(shell, "_parse_piece", timeout)
    script = "apt-get update && make >/dev/null && ls"
    assert shell._parse(script) == shell._fallback(script)
