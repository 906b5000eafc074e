"""DF224 consecutive-run-instructions: hadolint-spec style cases."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF224"
CONFIG = {"rules": {RULE: "on"}}

FIRES = [
    pytest.param((
        "FROM alpine:3.20\n"
        "RUN a\n"
        "RUN b\n"
    ), [3], id='two short runs'),
    pytest.param((
        "FROM alpine:3.20\n"
        "RUN a\n"
        "# why\n"
        "RUN b c\n"
    ), [4], id='comment between'),
    pytest.param((
        "FROM alpine:3.20\n"
        "RUN a\n"
        "RUN b\n"
        "RUN c\n"
    ), [3, 4], id='three in a row'),
    pytest.param((
        "FROM alpine:3.20\n"
        "RUN sh -c 'echo a > /f'\n"
        "RUN b\n"
    ), [3], id='sh -c script is one command'),
]

QUIET = [
    pytest.param((
        "FROM alpine:3.20\n"
        "RUN a\n"
        "WORKDIR /x\n"
        "RUN b\n"
    ), id='other instruction between'),
    pytest.param((
        "FROM alpine:3.20\n"
        "RUN a\n"
        "RUN --mount=type=cache,target=/c b\n"
    ), id='different mounts'),
    pytest.param((
        "FROM alpine:3.20\n"
        "RUN a && b\n"
        "RUN d\n"
    ), id='chained first run'),
    pytest.param((
        "FROM alpine:3.20\n"
        "RUN a\n"
        "RUN b && c\n"
    ), id='near miss: chained second run'),
    pytest.param((
        "FROM alpine:3.20\n"
        "RUN a\n"
        "FROM alpine:3.20\n"
        "RUN b\n"
    ), id='separate stages'),
]


@pytest.mark.parametrize("source,lines", FIRES)
def test_fires(source, lines):
    fires(RULE, source, lines=lines, config=CONFIG)


@pytest.mark.parametrize("source", QUIET)
def test_quiet(source):
    quiet(RULE, source, config=CONFIG)


def test_suppressed_by_pragma():
    quiet(RULE, (
        "FROM alpine:3.20\n"
        "RUN a\n"
        "# k8slint ignore=DF224\n"
        "RUN b\n"
    ), config=CONFIG)
