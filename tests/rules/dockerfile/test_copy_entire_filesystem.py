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
