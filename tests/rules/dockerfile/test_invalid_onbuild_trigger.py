"""DF208 invalid-onbuild-trigger: hadolint-spec style cases."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF208"
CONFIG = {"rules": {RULE: "on"}}

FIRES = [
    pytest.param((
        "FROM alpine:3.20\n"
        "ONBUILD FROM alpine:3.20\n"
    ), [2], id='onbuild from'),
    pytest.param((
        "FROM alpine:3.20\n"
        "ONBUILD ONBUILD RUN true\n"
    ), [2], id='onbuild onbuild'),
    pytest.param((
        "FROM alpine:3.20\n"
        "onbuild maintainer me\n"
    ), [2], id='onbuild maintainer lower case'),
]

QUIET = [
    pytest.param((
        "FROM alpine:3.20\n"
        "ONBUILD RUN true\n"
    ), id='onbuild run'),
    pytest.param((
        "FROM alpine:3.20\n"
        "ONBUILD COPY . /app\n"
    ), id='onbuild copy'),
    pytest.param((
        "FROM alpine:3.20\n"
        "ONBUILD RUN echo FROM\n"
    ), id='near miss: from in run text'),
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
        "# k8slint ignore=DF208\n"
        "ONBUILD FROM alpine:3.20\n"
    ), config=CONFIG)
