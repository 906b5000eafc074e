"""DF211 useradd-without-no-log-init: hadolint-spec style cases."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF211"
CONFIG = {"rules": {RULE: "on"}}

FIRES = [
    pytest.param((
        "FROM debian:12\n"
        "RUN useradd -u 1000000 app\n"
    ), [2], id='high uid'),
    pytest.param((
        "FROM debian:12\n"
        "RUN groupadd g && useradd --uid=2000000 -g g app\n"
    ), [2], id='uid long option'),
    pytest.param((
        "FROM debian:12\n"
        "RUN sudo useradd -m -u 123456 app\n"
    ), [2], id='sudo'),
    pytest.param((
        "FROM debian:12\n"
        "ARG UID=1000000\n"
        "RUN useradd -u $UID app\n"
    ), [3], id='variable with a high default'),
    pytest.param((
        "FROM debian:12\n"
        "ONBUILD RUN useradd -u 1000000 app\n"
    ), [2], id='onbuild'),
]

QUIET = [
    pytest.param((
        "FROM debian:12\n"
        "RUN useradd -l -u 1000000 app\n"
    ), id='with -l'),
    pytest.param((
        "FROM debian:12\n"
        "RUN useradd --no-log-init -u 1000000 app\n"
    ), id='with no-log-init'),
    pytest.param((
        "FROM debian:12\n"
        "RUN useradd -u 10001 app\n"
    ), id='near miss: five digit uid'),
    pytest.param((
        "FROM debian:12\n"
        "RUN useradd -u ${USER_UID} app\n"
    ), id='uid from a variable without default'),
    pytest.param((
        "FROM debian:12\n"
        "ARG USER_UID=999\n"
        "RUN useradd -u ${USER_UID} app\n"
    ), id='uid from a variable with a short default'),
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
        "# k8slint ignore=DF211\n"
        "RUN useradd -u 1000000 app\n"
    ), config=CONFIG)
