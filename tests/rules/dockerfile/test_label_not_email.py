"""DF223 label-not-email: hadolint-spec style cases."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF223"
CONFIG = {'rules': {'DF223': {'label-schema': {'maintainer': 'email'}}}}

FIRES = [
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL maintainer=\"the team\"\n"
    ), [2], id='invalid 0'),
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL maintainer=\"a@\"\n"
    ), [2], id='invalid 1'),
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL maintainer=\"@example.com\"\n"
    ), [2], id='invalid 2'),
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL a=1 \\\n"
        "      maintainer=\"the team\"\n"
    ), [2], id='in multi-line label reported at the label'),
]

QUIET = [
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL maintainer=\"a@example.com\"\n"
    ), id='valid 0'),
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL maintainer=\"Jane Doe <jane@example.com>\"\n"
    ), id='valid 1'),
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL maintainer=\"first.last+tag@sub.example.org\"\n"
    ), id='valid 2'),
    pytest.param((
        "FROM alpine:3.20\n"
        "ARG V\n"
        "LABEL maintainer=$V\n"
    ), id='near miss: build argument value'),
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL other=\"the team\"\n"
    ), id='near miss: label not typed by the schema'),
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
        "# k8slint ignore=DF223\n"
        "LABEL maintainer=\"the team\"\n"
    ), config=CONFIG)


def test_quiet_without_schema():
    quiet(RULE, "FROM alpine:3.20\nLABEL maintainer=\"the team\"\n", config={"rules": {RULE: "on"}})
