"""DF222 missing-healthcheck: hadolint-spec style cases."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF222"
CONFIG = {"rules": {RULE: "on"}}

FIRES = [
    pytest.param((
        "FROM alpine:3.20\n"
        "RUN true\n"
    ), [1], id='none'),
    pytest.param((
        "FROM alpine:3.20 AS b\n"
        "HEALTHCHECK CMD true\n"
        "FROM alpine:3.20\n"
    ), [3], id='only in builder stage'),
    pytest.param((
        "FROM alpine:3.20 AS b\n"
        "FROM alpine:3.20\n"
        "CMD [\"x\"]\n"
    ), [2], id='multi stage final lacks it'),
]

QUIET = [
    pytest.param((
        "FROM alpine:3.20\n"
        "HEALTHCHECK CMD true\n"
    ), id='present'),
    pytest.param((
        "FROM alpine:3.20\n"
        "HEALTHCHECK NONE\n"
    ), id='explicit none'),
    pytest.param((
        "FROM alpine:3.20 AS base\n"
        "HEALTHCHECK CMD true\n"
        "FROM base\n"
    ), id='inherited from parent stage'),
    pytest.param((
        "FROM alpine:3.20\n"
        "RUN echo HEALTHCHECK\n"
        "HEALTHCHECK CMD true\n"
    ), id='near miss: healthcheck word in run'),
]


@pytest.mark.parametrize("source,lines", FIRES)
def test_fires(source, lines):
    fires(RULE, source, lines=lines, config=CONFIG)


@pytest.mark.parametrize("source", QUIET)
def test_quiet(source):
    quiet(RULE, source, config=CONFIG)


def test_suppressed_by_pragma():
    quiet(RULE, (
        "# k8slint ignore=DF222\n"
        "FROM alpine:3.20\n"
    ), config=CONFIG)


def test_off_by_default():
    quiet(RULE, "FROM alpine:3.20\n", config={})
