"""DF216 empty-label: hadolint-spec style cases."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF216"
CONFIG = {'rules': {'DF216': {'label-schema': {'maintainer': 'text'}}}}

FIRES = [
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL maintainer=\"\"\n"
    ), [2], id='empty quoted'),
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL a=1 maintainer=\n"
    ), [2], id='empty bare'),
    pytest.param((
        "FROM alpine:3.20\n"
        "FROM alpine:3.20\n"
        "LABEL maintainer=''\n"
    ), [3], id='second stage'),
]

QUIET = [
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL maintainer=me\n"
    ), id='value'),
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL other=\"\"\n"
    ), id='near miss: other empty label not in schema'),
    pytest.param((
        "FROM alpine:3.20\n"
        "ARG M\n"
        "LABEL maintainer=$M\n"
    ), id='variable'),
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
        "# k8slint ignore=DF216\n"
        "LABEL maintainer=\"\"\n"
    ), config=CONFIG)


def test_quiet_without_schema():
    quiet(RULE, "FROM alpine:3.20\nLABEL maintainer=\"\"\n", config={"rules": {RULE: "on"}})
