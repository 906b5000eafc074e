"""DF114 apk-add-without-no-cache: apk add without --no-cache (hadolint DL3019)."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF114"

FIRES = [
    pytest.param("""\
        FROM alpine:3.20
        RUN apk add curl=8.9.1-r0
        """, [2], [1], id="missing"),
    pytest.param("""\
        FROM alpine:3.20
        RUN apk update && apk add curl=8.9.1-r0
        """, [2], [1], id="update-then-add"),
    pytest.param("""\
        FROM alpine:3.20
        RUN apk add --no-cache git=2.45.2-r0 && apk add curl=8.9.1-r0
        """, [2], [1], id="second-add-missing"),
    pytest.param("""\
        FROM alpine:3.20
        ONBUILD RUN apk add curl=8.9.1-r0
        """, [2], [1], id="in-onbuild")
]

QUIET = [
    pytest.param("""\
        FROM alpine:3.20
        RUN apk add --no-cache curl=8.9.1-r0
        """, id="no-cache"),
    pytest.param("""\
        FROM alpine:3.20
        RUN apk add --update curl=8.9.1-r0 && rm -rf /var/cache/apk/*
        """, id="cache-deleted-in-same-run"),
    pytest.param("""\
        FROM alpine:3.20
        RUN --mount=type=cache,target=/var/cache/apk apk add curl=8.9.1-r0
        """, id="cache-mount"),
    pytest.param("""\
        FROM alpine:3.20
        RUN apk add --no-network --virtual .rundeps so:libc.musl-x86_64.so.1
        """, id="near-miss-no-network"),
    pytest.param("""\
        FROM alpine:3.20
        # hadolint ignore=DL3019
        RUN apk add curl=8.9.1-r0
        """, id="suppressed-by-hadolint-code")
]


@pytest.mark.parametrize("source, lines, columns", FIRES)
def test_fires(source, lines, columns):
    fires(RULE, source, lines=lines, columns=columns)


@pytest.mark.parametrize("source", QUIET)
def test_quiet(source):
    quiet(RULE, source)
