"""DF232 deprecated-maintainer: hadolint-spec style cases."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF232"
CONFIG = {"rules": {RULE: "on"}}

FIRES = [
    pytest.param((
        "FROM alpine:3.20\n"
        "MAINTAINER me\n"
    ), [2], id='maintainer'),
    pytest.param((
        "FROM alpine:3.20\n"
        "maintainer me\n"
    ), [2], id='lower case'),
    pytest.param((
        "FROM alpine:3.20\n"
        "FROM alpine:3.20\n"
        "MAINTAINER me <me@x.org>\n"
    ), [3], id='second stage'),
]

QUIET = [
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL maintainer=\"me\"\n"
    ), id='label'),
    pytest.param((
        "FROM alpine:3.20\n"
    ), id='nothing'),
    pytest.param((
        "FROM alpine:3.20\n"
        "RUN echo MAINTAINER\n"
    ), id='near miss: word in run'),
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
        "# k8slint ignore=DL4000\n"
        "MAINTAINER me\n"
    ), config=CONFIG)
