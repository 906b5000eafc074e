"""DF209 env-self-reference: hadolint-spec style cases."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF209"
CONFIG = {"rules": {RULE: "on"}}

FIRES = [
    pytest.param((
        "FROM alpine:3.20\n"
        "ENV A=1 B=${A}/x\n"
    ), [2], id='braced reference'),
    pytest.param((
        "FROM alpine:3.20\n"
        "ENV APP=/app BIN=$APP/bin\n"
    ), [2], id='bare reference'),
    pytest.param((
        "FROM alpine:3.20\n"
        "ENV A=1 \\\n"
        "    B=${A:-2}\n"
    ), [2], id='default expansion'),
]

QUIET = [
    pytest.param((
        "FROM alpine:3.20\n"
        "ENV PATH=/x:$PATH\n"
    ), id='own previous value'),
    pytest.param((
        "FROM alpine:3.20\n"
        "ENV A=1\n"
        "ENV B=$A\n"
    ), id='two statements'),
    pytest.param((
        "FROM alpine:3.20\n"
        "ARG A=0\n"
        "ENV A=1 B=$A\n"
    ), id='defined earlier by arg'),
    pytest.param((
        "FROM alpine:3.20\n"
        "ENV A=1 B=$AB\n"
    ), id='near miss: longer name'),
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
        "# k8slint ignore=DF209\n"
        "ENV A=1 B=$A\n"
    ), config=CONFIG)
