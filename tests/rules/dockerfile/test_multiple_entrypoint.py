"""DF235 multiple-entrypoint: hadolint-spec style cases."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF235"
CONFIG = {"rules": {RULE: "on"}}

FIRES = [
    pytest.param((
        "FROM alpine:3.20\n"
        "ENTRYPOINT [\"a\"]\n"
        "ENTRYPOINT [\"b\"]\n"
    ), [3], id='two'),
    pytest.param((
        "FROM alpine:3.20\n"
        "ENTRYPOINT a\n"
        "ENTRYPOINT b\n"
        "ENTRYPOINT c\n"
    ), [3, 4], id='three'),
    pytest.param((
        "FROM alpine:3.20\n"
        "FROM alpine:3.20\n"
        "ENTRYPOINT [\"b\"]\n"
        "ENTRYPOINT [\"c\"]\n"
    ), [4], id='in second stage'),
]

QUIET = [
    pytest.param((
        "FROM alpine:3.20\n"
        "ENTRYPOINT [\"a\"]\n"
    ), id='one'),
    pytest.param((
        "FROM alpine:3.20\n"
        "ENTRYPOINT [\"a\"]\n"
        "FROM alpine:3.20\n"
        "ENTRYPOINT [\"b\"]\n"
    ), id='one per stage'),
    pytest.param((
        "FROM alpine:3.20\n"
        "ENTRYPOINT [\"a\"]\n"
        "CMD [\"b\"]\n"
    ), id='near miss: entrypoint and cmd'),
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
        "ENTRYPOINT [\"a\"]\n"
        "# k8slint ignore=DF235\n"
        "ENTRYPOINT [\"b\"]\n"
    ), config=CONFIG)
