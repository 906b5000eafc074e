"""DF213 invalid-label-key: hadolint-spec style cases."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF213"
CONFIG = {"rules": {RULE: "on"}}

FIRES = [
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL Maintainer=me\n"
    ), [2], id='upper case'),
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL com.docker.x=1\n"
    ), [2], id='reserved namespace'),
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL a=1 \\\n"
        "      b..c=2\n"
    ), [2], id='double dot on continuation line reported at the label'),
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL \"org.example.\"=\"x\"\n"
    ), [2], id='trailing separator'),
]

QUIET = [
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL org.opencontainers.image.source=https://x\n"
    ), id='oci key'),
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL \"maintainer\"=\"me\"\n"
    ), id='quoted key'),
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL io.k8s.display-name2=x\n"
    ), id='near miss: digits and dashes'),
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
        "# k8slint ignore=DF213\n"
        "LABEL Maintainer=me\n"
    ), config=CONFIG)
