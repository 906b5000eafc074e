"""DF238 inline-ignore-pragma: hadolint-spec style cases."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF238"
CONFIG = {"rules": {RULE: "on"}}

FIRES = [
    pytest.param((
        "FROM alpine:3.20\n"
        "# hadolint ignore=DL3018\n"
        "RUN apk add curl\n"
    ), [2], id='hadolint pragma'),
    pytest.param((
        "FROM alpine:3.20\n"
        "# k8slint ignore=DF200\n"
        "RUN true\n"
    ), [2], id='k8slint pragma'),
    pytest.param((
        "FROM alpine:3.20\n"
        "  #hadolint ignore=DL3018,DL3019\n"
        "RUN true\n"
    ), [2], id='indented pragma'),
]

QUIET = [
    pytest.param((
        "FROM alpine:3.20\n"
        "# install curl\n"
        "RUN true\n"
    ), id='ordinary comment'),
    pytest.param((
        "# hadolint global ignore=DL3018\n"
        "FROM alpine:3.20\n"
    ), id='global pragma'),
    pytest.param((
        "FROM alpine:3.20\n"
        "# we do not use hadolint ignore here\n"
        "RUN true\n"
    ), id='near miss: pragma word in text'),
]


@pytest.mark.parametrize("source,lines", FIRES)
def test_fires(source, lines):
    fires(RULE, source, lines=lines, config=CONFIG)


@pytest.mark.parametrize("source", QUIET)
def test_quiet(source):
    quiet(RULE, source, config=CONFIG)


def test_suppressed_by_pragma():
    quiet(RULE, (
        "# k8slint global ignore=DF238\n"
        "FROM alpine:3.20\n"
        "# hadolint ignore=DL3018\n"
        "RUN true\n"
    ), config=CONFIG)


def test_off_by_default():
    quiet(RULE, "FROM alpine:3.20\n# hadolint ignore=DL3018\nRUN true\n", config={})
