"""DF124 hardcoded-from-platform: FROM --platform is hard-coded (hadolint DL3029)."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF124"

FIRES = [
    pytest.param("""\
        FROM --platform=linux/amd64 alpine:3.20
        """, [1], [6], id="literal-platform"),
    pytest.param("""\
        FROM --platform=$BUILDPLATFORM golang:1.22 AS build
        FROM --platform=linux/arm64 alpine:3.20
        """, [2], [6], id="literal-platform-in-second-stage"),
    pytest.param("""\
        ARG ARCH=amd64
        FROM --platform=linux/${ARCH} node:20-alpine AS web
        """, [2], [6], id="arg-with-literal-default")
]

QUIET = [
    pytest.param("""\
        FROM alpine:3.20
        """, id="no-platform"),
    pytest.param("""\
        FROM --platform=$BUILDPLATFORM golang:1.22 AS build
        """, id="build-platform"),
    pytest.param("""\
        FROM --platform=linux/${TARGETARCH} alpine:3.20
        """, id="target-arch-in-platform"),
    pytest.param("""\
        ARG PLATFORM
        FROM --platform=${PLATFORM} alpine:3.20
        """, id="near-miss-arg-without-default"),
    pytest.param("""\
        # hadolint ignore=DL3029
        FROM --platform=linux/amd64 alpine:3.20
        """, id="suppressed-by-hadolint-code")
]


@pytest.mark.parametrize("source, lines, columns", FIRES)
def test_fires(source, lines, columns):
    fires(RULE, source, lines=lines, columns=columns)


@pytest.mark.parametrize("source", QUIET)
def test_quiet(source):
    quiet(RULE, source)
