"""DF218 label-not-rfc3339: hadolint-spec style cases."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF218"
CONFIG = {'rules': {'DF218': {'label-schema': {'org.opencontainers.image.created': 'rfc3339'}}}}

FIRES = [
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL org.opencontainers.image.created=\"2024-05-01\"\n"
    ), [2], id='invalid 0'),
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL org.opencontainers.image.created=\"May 1 2024\"\n"
    ), [2], id='invalid 1'),
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL org.opencontainers.image.created=\"2024-13-01T00:00:00Z\"\n"
    ), [2], id='invalid 2'),
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL a=1 \\\n"
        "      org.opencontainers.image.created=\"2024-05-01\"\n"
    ), [2], id='in multi-line label reported at the label'),
]

QUIET = [
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL org.opencontainers.image.created=\"2024-05-01T12:00:00Z\"\n"
    ), id='valid 0'),
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL org.opencontainers.image.created=\"2024-05-01T12:00:00.5+02:00\"\n"
    ), id='valid 1'),
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL org.opencontainers.image.created=\"2024-05-01 12:00:00Z\"\n"
    ), id='valid 2'),
    pytest.param((
        "FROM alpine:3.20\n"
        "ARG V\n"
        "LABEL org.opencontainers.image.created=$V\n"
    ), id='near miss: build argument value'),
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL other=\"2024-05-01\"\n"
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
        "# k8slint ignore=DF218\n"
        "LABEL org.opencontainers.image.created=\"2024-05-01\"\n"
    ), config=CONFIG)


def test_quiet_without_schema():
    quiet(RULE, "FROM alpine:3.20\nLABEL org.opencontainers.image.created=\"2024-05-01\"\n", config={"rules": {RULE: "on"}})
