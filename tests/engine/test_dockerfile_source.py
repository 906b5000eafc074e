"""BuildKit syntax in the Dockerfile source layer: heredocs, escape directive, flags, JSON errors, exact lines.

Cases are modelled on odd corpus files (docker/buildx heredoc RUNs with --mount flags,
dotnet-docker `# escape=`` ` Windows files, moby/buildkit parser test files).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from linter.sources import shellcheck
from linter.sources.dockerfile import parse_dockerfile

ROOT = Path(__file__).resolve().parents[2]
CORPUS = next((c for c in (ROOT / ".." / "shared" / "corpus", ROOT / ".." / ".." / "shared" / "corpus")
               if c.is_dir()), None)
ODD_FEATURES = ("heredoc", "directive:escape", "windows-shell", "run-mount")


def shape(src: str) -> list[tuple[str, int, int]]:
    return [(i.keyword, i.line, i.end_line) for i in parse_dockerfile(src).instructions]


def test_heredoc_run_with_mount_flags_on_continuation_lines():
    # docker/buildx Dockerfile: flags over several lines, then `<<EOT` on the last flag line
    src = ("FROM golang:1.22 AS build\n"
           "RUN --mount=type=bind,target=. \\\n"
           "  --mount=type=cache,target=/root/.cache <<EOT\n"
           "  set -ex\n"
           "  go build -o /out/app .\n"
           "EOT\n"
           "USER app\n")
    df = parse_dockerfile(src)
    run = df.instructions[1]
    assert shape(src) == [("FROM", 1, 1), ("RUN", 2, 6), ("USER", 7, 7)]
    assert run.flags == {"mount": "type=cache,target=/root/.cache"} or "mount" in run.flags
    assert run.heredocs == ["  set -ex\n  go build -o /out/app ."]


def test_copy_heredoc_quoted_delimiter_with_shebang_body():
    src = 'FROM alpine:3.20\nCOPY --chmod=755 <<"EOF" /out/run.sh\n#!/bin/sh\nFROM looks like an instruction\nEOF\nUSER 1000\n'
    df = parse_dockerfile(src)
    assert shape(src) == [("FROM", 1, 1), ("COPY", 2, 5), ("USER", 6, 6)]
    assert df.instructions[1].flags == {"chmod": "755"}
    assert df.instructions[1].heredocs == ["#!/bin/sh\nFROM looks like an instruction"]


def test_several_heredocs_on_one_line():
    src = "FROM alpine:3.20\nCOPY <<A /a <<B /b\naaa\nA\nbbb\nB\nRUN echo c\n"
    df = parse_dockerfile(src)
    assert shape(src) == [("FROM", 1, 1), ("COPY", 2, 6), ("RUN", 7, 7)]
    assert df.instructions[1].heredocs == ["aaa", "bbb"]


def test_dash_heredoc_strips_tabs_before_the_terminator():
    src = "FROM alpine:3.20\nRUN <<-'EOT' sh\n\techo $x\n\tEOT\nUSER x\n"
    assert shape(src) == [("FROM", 1, 1), ("RUN", 2, 4), ("USER", 5, 5)]


def test_heredoc_body_line_ending_in_backslash():
    src = "FROM alpine:3.20\nRUN <<EOF\necho a \\\nEOF\nRUN echo b\n"
    assert shape(src) == [("FROM", 1, 1), ("RUN", 2, 4), ("RUN", 5, 5)]


def test_here_string_and_quoted_shift_are_not_heredocs():
    assert shape("FROM a\nRUN cat <<< \"x\" && echo y\nUSER x\n") == [("FROM", 1, 1), ("RUN", 2, 2), ("USER", 3, 3)]
    assert shape("FROM a\nRUN echo \"a<<b\"\nUSER x\n") == [("FROM", 1, 1), ("RUN", 2, 2), ("USER", 3, 3)]


def test_crlf_heredoc():
    src = "FROM a\r\nRUN <<EOF\r\necho a\r\nEOF\r\nUSER q\r\n"
    assert shape(src) == [("FROM", 1, 1), ("RUN", 2, 4), ("USER", 5, 5)]


def test_escape_directive_backtick_continuations():
    # dotnet-docker Windows files
    src = "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo a `\n  && echo b\nUSER x\n"
    df = parse_dockerfile(src)
    assert df.directives == {"escape": "`"}
    assert shape(src) == [("FROM", 2, 2), ("RUN", 3, 4), ("USER", 5, 5)]


def test_flags_mount_network_chmod_link():
    src = ("FROM a\nRUN --mount=type=cache,target=/x \\\n    --network=none \\\n    echo a\n"
           "COPY --chmod=755 --link a /b\nADD --keep-git-dir=true https://x.example/r.git#v1 /src\n")
    df = parse_dockerfile(src)
    run, copy, add = df.instructions[1:]
    assert (run.line, run.end_line, run.flags, run.args) == (2, 4, {"mount": "type=cache,target=/x", "network": "none"},
                                                            "echo a")
    assert copy.flags == {"chmod": "755", "link": None} and copy.args == "a /b"
    assert add.flags == {"keep-git-dir": "true"}


def test_json_form_errors_fall_back_to_shell_form():
    # moby/buildkit jeztah-invalid-json-* test files
    df = parse_dockerfile("FROM a\nCMD [\"a\", 'b']\nENTRYPOINT [\"x\"\nRUN [ -f /x ] && echo y\nUSER q\n")
    cmd, entry, run = df.instructions[1:4]
    assert cmd.exec_form is None and entry.exec_form is None and run.exec_form is None
    assert shape("FROM a\nCMD [\"a\", 'b']\nENTRYPOINT [\"x\"\nUSER q\n")[-1] == ("USER", 4, 4)


def test_lines_exact_after_heredocs_comments_and_continuations():
    src = ("# syntax=docker/dockerfile:1\n"
           "FROM a\n"
           "RUN <<EOF\nset -e\nEOF\n"
           "RUN a \\\n# comment inside\n  b \\\n\n  c\n"
           "# a comment\n"
           "COPY <<EOF /x\ny\nEOF\n"
           "USER q\n")
    assert shape(src) == [("FROM", 2, 2), ("RUN", 3, 5), ("RUN", 6, 10), ("COPY", 12, 14), ("USER", 15, 15)]


def _odd_files() -> list[Path]:
    if CORPUS is None:
        return []
    out = []
    for row in (CORPUS / "INDEX.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) > 5 and cols[2] == "dockerfile" and any(f in cols[5].split(",") for f in ODD_FEATURES):
            out.append(CORPUS / cols[0])
    return out


@pytest.mark.skipif(CORPUS is None, reason="the corpus ../shared/corpus is absent")
def test_odd_corpus_files_keep_exact_instruction_lines():
    files = _odd_files()
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        df = parse_dockerfile(text, str(path))
        previous_end = 0
        for instr in df.instructions:
            assert instr.line > previous_end, f"{path}:{instr.line} overlaps the previous instruction"
            assert instr.line <= instr.end_line
            first = df.lines[instr.line - 1].lstrip()
            assert first[:len(instr.keyword)].upper() == instr.keyword, f"{path}:{instr.line} is not {instr.keyword}"
            previous_end = instr.end_line
        for script in shellcheck.scripts(df):  # ShellCheck lines map inside their RUN
            mapped = [n for n in script.lines if n is not None]
            assert all(script.instruction.line <= n <= script.instruction.end_line for n in mapped), path


def test_empty_lines_inside_a_continuation_do_not_end_the_instruction():
    # moby/buildkit parser test file `testfile-line`: BuildKit skips the empty lines
    src = ("FROM a\nENV GOPATH \\\n/go\n\nRUN apt-get update \\\n\t&& dpkg -l > /tmp/x \\\n\n\n"
           "    && apt-get install -y git \\\n    && apt-get clean\nUSER q\n")
    df = parse_dockerfile(src)
    assert shape(src) == [("FROM", 1, 1), ("ENV", 2, 3), ("RUN", 5, 10), ("USER", 11, 11)]
    assert "apt-get install -y git" in df.instructions[2].args and "apt-get clean" in df.instructions[2].args
