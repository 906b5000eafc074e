"""DF226 instruction-before-from: hadolint-spec style cases."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF226"
CONFIG = {"rules": {RULE: "on"}}

FIRES = [
    pytest.param((
        "LABEL a=b\n"
        "FROM alpine:3.20\n"
    ), [1], id='label first'),
    pytest.param((
        "# syntax=docker/dockerfile:1\n"
        "ENV X=1\n"
        "RUN true\n"
        "FROM alpine:3.20\n"
    ), [2, 3], id='after directive'),
    pytest.param((
        "ARG V=1\n"
        "LABEL v=$V\n"
        "FROM alpine:3.20\n"
    ), [2], id='after arg'),
]

QUIET = [
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL a=b\n"
    ), id='from first'),
    pytest.param((
        "ARG V=3.20\n"
        "FROM alpine:$V\n"
    ), id='arg first'),
    pytest.param((
        "# LABEL a=b\n"
        "FROM alpine:3.20\n"
    ), id='near miss: comment first'),
    pytest.param((
        "{{ if .x }}\n"
        "FROM alpine:3.20\n"
    ), id='template lines are not instructions'),
]


@pytest.mark.parametrize("source,lines", FIRES)
def test_fires(source, lines):
    fires(RULE, source, lines=lines, config=CONFIG)


@pytest.mark.parametrize("source", QUIET)
def test_quiet(source):
    quiet(RULE, source, config=CONFIG)


def test_suppressed_by_pragma():
    quiet(RULE, (
        "# k8slint ignore=DF226\n"
        "LABEL a=b\n"
        "FROM alpine:3.20\n"
    ), config=CONFIG)
