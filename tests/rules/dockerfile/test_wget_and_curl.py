"""DF233 wget-and-curl: hadolint-spec style cases."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF233"
CONFIG = {"rules": {RULE: "on"}}

FIRES = [
    pytest.param((
        "FROM debian:12\n"
        "RUN wget -q x && curl -fsS y\n"
    ), [2], id='both in one run'),
    pytest.param((
        "FROM debian:12\n"
        "RUN wget -q x\n"
        "RUN curl y\n"
        "RUN curl z\n"
    ), [3, 4], id='second run and later'),
    pytest.param((
        "FROM debian:12\n"
        "ONBUILD RUN wget -q x && curl y\n"
    ), [2], id='onbuild both'),
]

QUIET = [
    pytest.param((
        "FROM debian:12\n"
        "RUN curl x\n"
        "RUN curl y\n"
    ), id='curl only'),
    pytest.param((
        "FROM debian:12\n"
        "RUN wget -q x\n"
        "FROM debian:12\n"
        "RUN curl y\n"
    ), id='different stages'),
    pytest.param((
        "FROM debian:12\n"
        "RUN wget -q x && apt-get install -y curl\n"
    ), id='near miss: curl as an argument'),
]


@pytest.mark.parametrize("source,lines", FIRES)
def test_fires(source, lines):
    fires(RULE, source, lines=lines, config=CONFIG)


@pytest.mark.parametrize("source", QUIET)
def test_quiet(source):
    quiet(RULE, source, config=CONFIG)


def test_suppressed_by_pragma():
    quiet(RULE, (
        "FROM debian:12\n"
        "RUN wget -q x\n"
        "# k8slint ignore=DF233\n"
        "RUN curl y\n"
    ), config=CONFIG)
