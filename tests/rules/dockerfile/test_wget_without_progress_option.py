"""DF212 wget-without-progress-option: hadolint-spec style cases."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF212"
CONFIG = {"rules": {RULE: "on"}}

FIRES = [
    pytest.param((
        "FROM debian:12\n"
        "RUN wget https://x/y\n"
    ), [2], id='plain wget'),
    pytest.param((
        "FROM debian:12\n"
        "RUN cd /tmp && wget -O y https://x/y\n"
    ), [2], id='after and-and'),
    pytest.param((
        "FROM debian:12\n"
        "RUN if true; then wget https://x/y; fi\n"
    ), [2], id='in if'),
    pytest.param((
        "FROM debian:12\n"
        "ONBUILD RUN wget https://x/y\n"
    ), [2], id='onbuild'),
]

QUIET = [
    pytest.param((
        "FROM debian:12\n"
        "RUN wget --progress=dot:giga https://x/y\n"
    ), id='progress'),
    pytest.param((
        "FROM debian:12\n"
        "RUN wget -qO- https://x/y | tar x\n"
    ), id='quiet grouped'),
    pytest.param((
        "FROM debian:12\n"
        "RUN wget -nv https://x/y\n"
    ), id='no verbose'),
    pytest.param((
        "FROM debian:12\n"
        "RUN curl -fsSLO https://x/y\n"
    ), id='near miss: curl'),
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
        "# k8slint ignore=DF212\n"
        "RUN wget https://x/y\n"
    ), config=CONFIG)
