"""DF214 missing-required-label: hadolint-spec style cases."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF214"
CONFIG = {'rules': {'DF214': {'label-schema': {'maintainer': 'text'}}}}

FIRES = [
    pytest.param((
        "FROM alpine:3.20\n"
        "RUN true\n"
    ), [1], id='no label'),
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL a=1\n"
    ), [1], id='other label only'),
    pytest.param((
        "FROM alpine:3.20 AS a\n"
        "LABEL maintainer=me\n"
        "FROM alpine:3.20\n"
    ), [3], id='second stage from image misses it'),
]

QUIET = [
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL maintainer=me\n"
    ), id='present'),
    pytest.param((
        "FROM alpine:3.20 AS base\n"
        "LABEL maintainer=me\n"
        "FROM base\n"
    ), id='inherited from parent stage'),
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL a=1 maintainer=me\n"
    ), id='near miss: in a multi-pair label'),
]


@pytest.mark.parametrize("source,lines", FIRES)
def test_fires(source, lines):
    fires(RULE, source, lines=lines, config=CONFIG)


@pytest.mark.parametrize("source", QUIET)
def test_quiet(source):
    quiet(RULE, source, config=CONFIG)


def test_suppressed_by_pragma():
    quiet(RULE, (
        "# k8slint ignore=DF214\n"
        "FROM alpine:3.20\n"
    ), config=CONFIG)


def test_quiet_without_schema():
    quiet(RULE, "FROM alpine:3.20\n", config={"rules": {RULE: "on"}})
