"""DF113 unpinned-apk-package: apk add without version pins (hadolint DL3018)."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF113"

FIRES = [
    pytest.param("""\
        FROM alpine:3.20
        RUN apk add --no-cache curl
        """, [2], [1], id="unpinned"),
    pytest.param("""\
        FROM alpine:3.20
        RUN apk add --no-cache --virtual .build-deps gcc=13.2.1_git20240309-r0 make
        """, [2], [1], id="virtual-name-is-not-a-package-but-gcc-is"),
    pytest.param("""\
        FROM alpine:3.20
        RUN sh -c "apk add --no-cache curl"
        """, [2], [1], id="inside-sh-c"),
    pytest.param("""\
        FROM alpine:3.20
        ONBUILD RUN apk add --no-cache curl
        """, [2], [1], id="in-onbuild")
]

QUIET = [
    pytest.param("""\
        FROM alpine:3.20
        RUN apk add --no-cache curl=8.9.1-r0 git~2.45
        """, id="pinned-exact-and-fuzzy"),
    pytest.param("""\
        FROM alpine:3.20
        RUN apk add --no-cache -X https://dl-cdn.alpinelinux.org/alpine/edge/testing ./pkg.apk
        """, id="repository-value-and-local-file"),
    pytest.param("""\
        FROM alpine:3.20
        RUN apk add --no-cache $RUNTIME_DEPS
        """, id="package-list-in-variable"),
    pytest.param("""\
        FROM alpine:3.20
        RUN apk del curl
        """, id="near-miss-apk-del"),
    pytest.param("""\
        FROM alpine:3.20
        # hadolint ignore=DL3018
        RUN apk add --no-cache curl
        """, id="suppressed-by-hadolint-code")
]


# Off by default: the cases run with the rule switched on, as `extends: strict` does.
STRICT = {"extends": "strict"}


@pytest.mark.parametrize("source, lines, columns", FIRES)
def test_fires(source, lines, columns):
    fires(RULE, source, lines=lines, columns=columns, config=STRICT)


@pytest.mark.parametrize("source", QUIET)
def test_quiet(source):
    quiet(RULE, source, config=STRICT)


def test_off_by_default():
    source = FIRES[0].values[0]
    quiet(RULE, source)
    fires(RULE, source, lines=FIRES[0].values[1], config={"rules": {RULE: "on"}})
