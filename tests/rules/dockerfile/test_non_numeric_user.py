"""DF230 non-numeric-user: hadolint-spec style cases."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF230"
CONFIG = {"rules": {RULE: "on"}}

FIRES = [
    pytest.param((
        "FROM alpine:3.20\n"
        "USER app\n"
    ), [2], id='name'),
    pytest.param((
        "FROM alpine:3.20\n"
        "USER app:1000\n"
    ), [2], id='name with numeric group'),
    pytest.param((
        "FROM alpine:3.20\n"
        "USER root\n"
    ), [2], id='root by name'),
]

QUIET = [
    pytest.param((
        "FROM alpine:3.20\n"
        "USER 10001\n"
    ), id='uid'),
    pytest.param((
        "FROM alpine:3.20\n"
        "USER 10001:app\n"
    ), id='uid and group name'),
    pytest.param((
        "FROM alpine:3.20\n"
        "ARG UID=10001\n"
        "USER $UID\n"
    ), id='near miss: variable'),
    pytest.param((
        "FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\n"
        "USER ContainerUser\n"
    ), id='windows image'),
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
        "# k8slint ignore=DF230\n"
        "USER app\n"
    ), config=CONFIG)


def test_off_by_default():
    quiet(RULE, "FROM alpine:3.20\nUSER app\n", config={})
