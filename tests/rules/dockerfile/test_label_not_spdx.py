"""DF219 label-not-spdx: hadolint-spec style cases."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF219"
CONFIG = {'rules': {'DF219': {'label-schema': {'org.opencontainers.image.licenses': 'spdx'}}}}

FIRES = [
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL org.opencontainers.image.licenses=\"Apache License\"\n"
    ), [2], id='invalid 0'),
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL org.opencontainers.image.licenses=\"GPL\"\n"
    ), [2], id='invalid 1'),
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL org.opencontainers.image.licenses=\"MIT and BSD\"\n"
    ), [2], id='invalid 2'),
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL a=1 \\\n"
        "      org.opencontainers.image.licenses=\"Apache License\"\n"
    ), [2], id='in multi-line label reported at the label'),
]

QUIET = [
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL org.opencontainers.image.licenses=\"Apache-2.0\"\n"
    ), id='valid 0'),
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL org.opencontainers.image.licenses=\"MIT OR Apache-2.0\"\n"
    ), id='valid 1'),
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL org.opencontainers.image.licenses=\"(GPL-2.0-only WITH Classpath-exception-2.0)\"\n"
    ), id='valid 2'),
    pytest.param((
        "FROM alpine:3.20\n"
        "ARG V\n"
        "LABEL org.opencontainers.image.licenses=$V\n"
    ), id='near miss: build argument value'),
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL other=\"Apache License\"\n"
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
        "# k8slint ignore=DF219\n"
        "LABEL org.opencontainers.image.licenses=\"Apache License\"\n"
    ), config=CONFIG)


def test_quiet_without_schema():
    quiet(RULE, "FROM alpine:3.20\nLABEL org.opencontainers.image.licenses=\"GPL\"\n", config={"rules": {RULE: "on"}})
