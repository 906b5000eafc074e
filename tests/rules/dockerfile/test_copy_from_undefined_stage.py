"""DF117 copy-from-undefined-stage: COPY --from names no stage defined before it (hadolint DL3022)."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF117"

FIRES = [
    pytest.param("""\
        FROM golang:1.22 AS build
        RUN go build -o /app .
        FROM alpine:3.20
        COPY --from=buidl /app /app
        """, [4], [13], id="typo-in-stage-name"),
    pytest.param("""\
        FROM alpine:3.20
        COPY --from=build /app /app
        FROM golang:1.22 AS build
        """, [2], [13], id="stage-defined-later"),
    pytest.param("""\
        FROM golang:1.22
        COPY --from=1 /app /app
        FROM alpine:3.20
        """, [2], [13], id="index-of-a-later-stage"),
    pytest.param("""\
        ARG BASE=builder
        FROM alpine:3.20
        COPY --from=${BASE} /app /app
        """, [3], [13], id="variable-resolving-to-a-missing-stage"),
    pytest.param("""\
        FROM alpine:3.20
        COPY --from=builder /app /app
        """, [2], [13], id="no-stages-named-at-all")
]

QUIET = [
    pytest.param("""\
        FROM golang:1.22 AS build
        RUN go build -o /app .
        FROM alpine:3.20
        COPY --from=build /app /app
        """, id="earlier-stage"),
    pytest.param("""\
        FROM golang:1.22 AS Build
        FROM alpine:3.20
        COPY --from=BUILD /app /app
        """, id="earlier-stage-different-case"),
    pytest.param("""\
        FROM golang:1.22
        FROM alpine:3.20
        COPY --from=0 /app /app
        """, id="earlier-stage-index"),
    pytest.param("""\
        FROM alpine:3.20
        COPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/nginx/
        COPY --from=ghcr.io/org/tools /bin/tool /bin/
        """, id="near-miss-external-image-with-tag"),
    pytest.param("""\
        ARG BASE
        FROM alpine:3.20
        COPY --from=${BASE} /app /app
        """, id="variable-without-default"),
    pytest.param("""\
        ARG PORTA_IMAGE=quay.io/3scale/porta:nightly
        FROM alpine:3.20
        COPY --from=$PORTA_IMAGE /opt/system /opt/system
        """, id="variable-resolving-to-an-image"),
    pytest.param("""\
        FROM alpine:3.20 AS app
        COPY --from=app /a /b
        """, id="own-stage-is-another-rule"),
    pytest.param("""\
        FROM alpine:3.20
        # hadolint ignore=DL3022
        COPY --from=builder /app /app
        """, id="suppressed-by-hadolint-code")
]


@pytest.mark.parametrize("source, lines, columns", FIRES)
def test_fires(source, lines, columns):
    fires(RULE, source, lines=lines, columns=columns)


@pytest.mark.parametrize("source", QUIET)
def test_quiet(source):
    quiet(RULE, source)
