"""DF220 label-not-git-hash: hadolint-spec style cases."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF220"
CONFIG = {'rules': {'DF220': {'label-schema': {'org.opencontainers.image.revision': 'hash'}}}}

FIRES = [
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL org.opencontainers.image.revision=\"main\"\n"
    ), [2], id='invalid 0'),
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL org.opencontainers.image.revision=\"abc12\"\n"
    ), [2], id='invalid 1'),
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL org.opencontainers.image.revision=\"4f1c2a9z\"\n"
    ), [2], id='invalid 2'),
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL a=1 \\\n"
        "      org.opencontainers.image.revision=\"main\"\n"
    ), [2], id='in multi-line label reported at the label'),
]

QUIET = [
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL org.opencontainers.image.revision=\"4f1c2a9\"\n"
    ), id='valid 0'),
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL org.opencontainers.image.revision=\"4f1c2a9d3e8b7c6a5f4e3d2c1b0a9f8e7d6c5b4a\"\n"
    ), id='valid 1'),
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL org.opencontainers.image.revision=\"4f1c2a9d3e8b\"\n"
    ), id='valid 2'),
    pytest.param((
        "FROM alpine:3.20\n"
        "ARG V\n"
        "LABEL org.opencontainers.image.revision=$V\n"
    ), id='near miss: build argument value'),
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL other=\"main\"\n"
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
        "# k8slint ignore=DF220\n"
        "LABEL org.opencontainers.image.revision=\"main\"\n"
    ), config=CONFIG)


def test_quiet_without_schema():
    quiet(RULE, "FROM alpine:3.20\nLABEL org.opencontainers.image.revision=\"main\"\n", config={"rules": {RULE: "on"}})
