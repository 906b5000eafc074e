"""DF229 redundant-target-platform: hadolint-spec style cases."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF229"
CONFIG = {"rules": {RULE: "on"}}

FIRES = [
    pytest.param((
        "FROM --platform=$TARGETPLATFORM alpine:3.20\n"
    ), [1], id='dollar form'),
    pytest.param((
        "FROM --platform=${TARGETPLATFORM} alpine:3.20 AS x\n"
    ), [1], id='braced form'),
    pytest.param((
        "FROM alpine:3.20\n"
        "FROM --platform=$TARGETPLATFORM alpine:3.20\n"
    ), [2], id='second stage'),
]

QUIET = [
    pytest.param((
        "FROM --platform=$BUILDPLATFORM golang:1.23\n"
    ), id='build platform'),
    pytest.param((
        "FROM alpine:3.20\n"
    ), id='no platform'),
    pytest.param((
        "FROM --platform=linux/$TARGETARCH alpine:3.20\n"
    ), id='near miss: target os'),
]


@pytest.mark.parametrize("source,lines", FIRES)
def test_fires(source, lines):
    fires(RULE, source, lines=lines, config=CONFIG)


@pytest.mark.parametrize("source", QUIET)
def test_quiet(source):
    quiet(RULE, source, config=CONFIG)


def test_suppressed_by_pragma():
    quiet(RULE, (
        "# k8slint ignore=DF229\n"
        "FROM --platform=$TARGETPLATFORM alpine:3.20\n"
    ), config=CONFIG)


def test_points_at_the_platform_flag():
    fires(RULE, "FROM --platform=$TARGETPLATFORM alpine:3.20\n", lines=[1], columns=[6], config=CONFIG)
