"""DF234 multiple-cmd: hadolint-spec style cases."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF234"
CONFIG = {"rules": {RULE: "on"}}

FIRES = [
    pytest.param((
        "FROM alpine:3.20\n"
        "CMD [\"a\"]\n"
        "CMD [\"b\"]\n"
    ), [3], id='two'),
    pytest.param((
        "FROM alpine:3.20\n"
        "CMD a\n"
        "RUN x\n"
        "CMD b\n"
        "CMD c\n"
    ), [4, 5], id='three'),
    pytest.param((
        "FROM alpine:3.20\n"
        "CMD [\"a\"]\n"
        "FROM alpine:3.20\n"
        "CMD [\"b\"]\n"
        "CMD [\"c\"]\n"
    ), [5], id='in second stage'),
]

QUIET = [
    pytest.param((
        "FROM alpine:3.20\n"
        "CMD [\"a\"]\n"
    ), id='one'),
    pytest.param((
        "FROM alpine:3.20\n"
        "CMD [\"a\"]\n"
        "FROM alpine:3.20\n"
        "CMD [\"b\"]\n"
    ), id='one per stage'),
    pytest.param((
        "FROM alpine:3.20\n"
        "ENTRYPOINT [\"a\"]\n"
        "CMD [\"b\"]\n"
    ), id='near miss: cmd and entrypoint'),
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
        "CMD [\"a\"]\n"
        "# k8slint ignore=DF234\n"
        "CMD [\"b\"]\n"
    ), config=CONFIG)
