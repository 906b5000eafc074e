"""DF215 superfluous-label: hadolint-spec style cases."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF215"
CONFIG = {'rules': {'DF215': {'strict-labels': True, 'label-schema': {'maintainer': 'text'}}}}

FIRES = [
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL build=42\n"
    ), [2], id='unknown label'),
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL maintainer=me build=42\n"
    ), [2], id='one of two'),
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL maintainer=me\n"
        "FROM alpine:3.20\n"
        "LABEL x=1\n"
    ), [4], id='in later stage'),
]

QUIET = [
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL maintainer=me\n"
    ), id='known label'),
    pytest.param((
        "FROM alpine:3.20\n"
        "RUN true\n"
    ), id='no labels'),
    pytest.param((
        "FROM alpine:3.20\n"
        "ENV build=42\n"
    ), id='near miss: env is not a label'),
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
        "# k8slint ignore=DF215\n"
        "LABEL build=42\n"
    ), config=CONFIG)


def test_quiet_without_strict_labels():
    quiet(RULE, "FROM alpine:3.20\nLABEL build=42\n",
          config={"rules": {RULE: {"label-schema": {"maintainer": "text"}}}})
