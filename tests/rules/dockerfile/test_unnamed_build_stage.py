"""DF005 unnamed-build-stage: a build stage without `AS name`, or `COPY --from=<number>`."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF005"

FIRES = [
    pytest.param("""\
        FROM golang:1.22
        RUN go build -o /app .
        FROM alpine:3.20
        COPY --from=0 /app /app
        """, [1, 4], [1, 6], id="unnamed-stage-and-copy-from-number"),
    pytest.param("""\
        FROM golang:1.22 AS build
        RUN go build -o /app .
        FROM alpine:3.20
        COPY --from=0 /app /app
        """, [4], [6], id="named-stage-still-copied-by-number"),
    pytest.param("""\
        FROM golang:1.22 AS build
        FROM node:20
        RUN npm ci
        FROM alpine:3.20
        """, [2], [1], id="unnamed-middle-stage"),
    pytest.param("""\
        FROM golang:1.22 AS build
        FROM alpine:3.20
        COPY --chown=app:app --from=0 /app /app
        """, [3], [22], id="points-at-from-flag-after-other-flags"),
    pytest.param("""\
        FROM golang:1.22 AS build
        FROM node:20 AS assets
        FROM alpine:3.20
        COPY --from=build /app /app
        COPY --from=1 /dist /srv
        """, [5], [6], id="second-stage-by-number"),
    pytest.param("""\
        FROM --platform=$BUILDPLATFORM golang:1.22
        RUN go build -o /app .
        FROM alpine:3.20
        """, [1], [1], id="only-the-non-final-stage-at-its-from"),
]

QUIET = [
    pytest.param("""\
        FROM golang:1.22 AS build
        RUN go build -o /app .
        FROM alpine:3.20
        COPY --from=build /app /app
        """, id="named-stages"),
    pytest.param("""\
        FROM golang:1.22 as build
        FROM alpine:3.20
        COPY --from=build /app /app
        """, id="lower-case-as"),
    pytest.param("""\
        FROM alpine:3.20
        RUN apk add --no-cache curl
        """, id="near-miss-single-unnamed-stage"),
    pytest.param("""\
        FROM alpine:3.20
        COPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/nginx/
        """, id="near-miss-copy-from-an-image"),
    pytest.param("""\
        FROM golang:1.22 AS stage1
        FROM alpine:3.20
        COPY --from=stage1 /app /app
        """, id="near-miss-stage-name-with-a-digit"),
    pytest.param("""\
        # k8slint ignore=DF005 -- generated file
        FROM golang:1.22
        FROM alpine:3.20
        # k8slint ignore=unnamed-build-stage
        COPY --from=0 /app /app
        """, id="suppressed-above-from-and-above-copy"),
    pytest.param("""\
        # k8slint global ignore=DF005
        FROM golang:1.22
        FROM alpine:3.20
        COPY --from=0 /app /app
        """, id="suppressed-file-wide"),
]


@pytest.mark.parametrize("source, lines, columns", FIRES)
def test_fires(source, lines, columns):
    fires(RULE, source, lines=lines, columns=columns)


@pytest.mark.parametrize("source", QUIET)
def test_quiet(source):
    quiet(RULE, source)


def test_can_be_turned_off():
    source = "FROM golang:1.22\nFROM alpine:3.20\nCOPY --from=0 /app /app\n"
    fires(RULE, source, lines=[1, 3])
    quiet(RULE, source, config={"rules": {"DF005": "off"}})
