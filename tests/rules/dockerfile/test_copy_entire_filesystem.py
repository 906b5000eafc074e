"""DF231 copy-entire-filesystem: hadolint-spec style cases."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF231"
CONFIG = {"rules": {RULE: "on"}}

FIRES = [
    pytest.param((
        "FROM alpine:3.20 AS b\n"
        "FROM alpine:3.20\n"
        "COPY --from=b / /\n"
    ), [3], id='root to root'),
    pytest.param((
        "FROM alpine:3.20 AS b\n"
        "FROM alpine:3.20\n"
        "COPY --from=b \"/\" \"/\"\n"
    ), [3], id='quoted'),
    pytest.param((
        "FROM alpine:3.20\n"
        "COPY --from=busybox:1.36 / /\n"
    ), [2], id='external image'),
    pytest.param((
        "FROM alpine:3.20 AS a\n"
        "FROM a AS b\n"
        "FROM alpine:3.20\n"
        "COPY --link --from=b / /\n"
    ), [4], id='stage built from an earlier stage'),
]

QUIET = [
    pytest.param((
        "FROM alpine:3.20 AS b\n"
        "FROM alpine:3.20\n"
        "COPY --from=b /app /app\n"
    ), id='subdirectory'),
    pytest.param((
        "FROM alpine:3.20 AS b\n"
        "FROM alpine:3.20\n"
        "COPY --from=b / /rootfs/\n"
    ), id='root to subdirectory'),
    pytest.param((
        "FROM alpine:3.20\n"
        "COPY / /\n"
    ), id='near miss: context copy'),
    pytest.param((
        "FROM alpine:3.20 AS b\n"
        "FROM scratch AS export\n"
        "COPY --from=b /out /bin/\n"
        "FROM alpine:3.20\n"
        "COPY --from=export / /\n"
    ), id='stage assembled from scratch'),
    pytest.param((
        "FROM --platform=$BUILDPLATFORM tonistiigi/xx:1.5 AS xx\n"
        "FROM alpine:3.20\n"
        "COPY --from=xx / /\n"
    ), id='xx helper'),
    pytest.param((
        "ARG OS=linux\n"
        "FROM scratch AS bin-linux\n"
        "FROM bin-$OS AS bin\n"
        "FROM alpine:3.20\n"
        "COPY --link --from=bin / /\n"
    ), id='stage chosen by a build argument'),
]


@pytest.mark.parametrize("source,lines", FIRES)
def test_fires(source, lines):
    fires(RULE, source, lines=lines, config=CONFIG)


@pytest.mark.parametrize("source", QUIET)
def test_quiet(source):
    quiet(RULE, source, config=CONFIG)


def test_suppressed_by_pragma():
    quiet(RULE, (
        "FROM alpine:3.20 AS b\n"
        "FROM alpine:3.20\n"
        "# k8slint ignore=DF231\n"
        "COPY --from=b / /\n"
    ), config=CONFIG)
