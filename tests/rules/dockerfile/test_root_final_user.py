"""DF003 root-final-user: the final stage runs as root (no USER, or USER root/0)."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF003"

FIRES = [
    pytest.param("""\
        FROM alpine:3.20
        COPY app /app
        ENTRYPOINT ["/app"]
        """, [1], [1], id="no-user-reported-at-final-from"),
    pytest.param("""\
        FROM alpine:3.20
        USER app
        RUN apk add --no-cache curl
        USER root
        """, [4], [1], id="user-root-after-user-app"),
    pytest.param("""\
        FROM alpine:3.20
        USER 0:0
        """, [2], [1], id="uid-and-gid-zero"),
    pytest.param("""\
        FROM alpine:3.20
        USER 0
        """, [2], [1], id="uid-zero"),
    pytest.param("""\
        FROM alpine:3.20
        USER root:root
        """, [2], [1], id="root-with-group"),
    pytest.param("""\
        FROM golang:1.22 AS build
        USER builder
        RUN go build -o /app .
        FROM alpine:3.20
        COPY --from=build /app /app
        """, [4], [1], id="user-of-a-stage-the-final-does-not-build-from"),
    pytest.param("""\
        FROM alpine:3.20 AS base
        USER root
        FROM base
        COPY app /app
        """, [2], [1], id="root-inherited-from-earlier-stage"),
    pytest.param("""\
        FROM golang:1.22 AS build
        RUN go build -o /app .
        FROM scratch
        COPY --from=build /app /app
        """, [3], [1], id="scratch-runs-as-uid-zero"),
]

QUIET = [
    pytest.param("""\
        FROM alpine:3.20
        USER 10001
        """, id="numeric-user"),
    pytest.param("""\
        FROM alpine:3.20
        RUN adduser -D app
        USER app
        """, id="named-user"),
    pytest.param("""\
        FROM alpine:3.20
        USER root
        RUN apk add --no-cache curl
        USER app
        """, id="root-only-while-installing"),
    pytest.param("""\
        FROM alpine:3.20 AS base
        RUN adduser -D app
        USER app
        FROM base
        COPY app /app
        """, id="user-inherited-from-the-stage-the-final-builds-from"),
    pytest.param("""\
        FROM golang:1.22 AS build
        RUN go build -o /app .
        FROM gcr.io/distroless/static:nonroot
        COPY --from=build /app /app
        """, id="distroless-nonroot-without-user"),
    pytest.param("""\
        FROM gcr.io/distroless/static-debian12:nonroot AS runtime
        FROM runtime
        COPY app /app
        """, id="nonroot-base-reached-through-an-earlier-stage"),
    pytest.param("""\
        FROM alpine:3.20
        USER app:0
        """, id="near-miss-root-group-but-non-root-user"),
    pytest.param("""\
        FROM alpine:3.20 AS build
        USER root
        FROM alpine:3.20
        USER 10001
        """, id="near-miss-root-only-in-a-build-stage"),
    pytest.param("""\
        FROM alpine:3.20
        # hadolint ignore=DL3002
        USER root
        """, id="suppressed-by-hadolint-alias"),
    pytest.param("""\
        FROM alpine:3.20 AS build
        # k8slint ignore=DF003 -- the init image must run as root
        FROM alpine:3.20
        """, id="suppressed-by-id-above-final-from"),
    pytest.param("""\
        # k8slint global ignore=root-final-user
        FROM alpine:3.20
        """, id="suppressed-file-wide-by-name"),
]


@pytest.mark.parametrize("source, lines, columns", FIRES)
def test_fires(source, lines, columns):
    fires(RULE, source, lines=lines, columns=columns)


@pytest.mark.parametrize("source", QUIET)
def test_quiet(source):
    quiet(RULE, source)


def test_can_be_turned_off():
    source = "FROM alpine:3.20\n"
    fires(RULE, source, lines=[1])
    quiet(RULE, source, config={"rules": {"DF003": "off"}})
