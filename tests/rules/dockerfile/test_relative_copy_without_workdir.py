"""DF210 relative-copy-without-workdir: hadolint-spec style cases."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF210"
CONFIG = {"rules": {RULE: "on"}}

FIRES = [
    pytest.param((
        "FROM alpine:3.20\n"
        "COPY . .\n"
    ), [2], id='copy dot'),
    pytest.param((
        "FROM alpine:3.20\n"
        "COPY app.py src/\n"
    ), [2], id='copy to relative dir'),
    pytest.param((
        "FROM alpine:3.20 AS a\n"
        "WORKDIR /app\n"
        "FROM alpine:3.20\n"
        "COPY x y\n"
    ), [4], id='workdir in other stage only'),
    pytest.param((
        "FROM alpine:3.20\n"
        "COPY [\"a b\", \"dst\"]\n"
    ), [2], id='exec form'),
]

QUIET = [
    pytest.param((
        "FROM alpine:3.20\n"
        "WORKDIR /app\n"
        "COPY . .\n"
    ), id='workdir first'),
    pytest.param((
        "FROM alpine:3.20\n"
        "COPY . /app/\n"
    ), id='absolute destination'),
    pytest.param((
        "FROM alpine:3.20 AS base\n"
        "WORKDIR /app\n"
        "FROM base\n"
        "COPY . .\n"
    ), id='workdir inherited from parent stage'),
    pytest.param((
        "FROM alpine:3.20\n"
        "COPY . $HOME\n"
    ), id='variable destination'),
    pytest.param((
        "FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\n"
        "COPY app C:\\\\app\n"
    ), id='windows absolute'),
    pytest.param((
        "FROM alpine:3.20\n"
        "ADD x.tar y\n"
    ), id='near miss: add is not copy'),
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
        "# k8slint ignore=DF210\n"
        "COPY . .\n"
    ), config=CONFIG)
