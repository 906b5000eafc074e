"""DF001 latest-base-image: a FROM image tagged `latest` (after ARG defaults)."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF001"
DIGEST = "sha256:" + "0123456789abcdef" * 4

FIRES = [
    pytest.param("""\
        FROM alpine:latest
        """, [1], [6], id="latest-tag"),
    pytest.param("""\
        FROM docker.io/library/nginx:latest AS web
        USER nginx
        """, [1], [6], id="latest-tag-with-registry-and-stage-name"),
    pytest.param("""\
        ARG TAG=latest
        FROM alpine:${TAG}
        """, [2], [6], id="arg-default-expands-to-latest"),
    pytest.param("""\
        FROM --platform=linux/amd64 node:latest
        """, [1], [29], id="points-at-image-after-platform-flag"),
    pytest.param("""\
        FROM golang:latest AS build
        RUN go build -o /app .
        FROM alpine:latest
        COPY --from=build /app /app
        """, [1, 3], [6, 6], id="every-stage-with-latest"),
    pytest.param("""\
        FROM alpine:latest AS base
        RUN apk add --no-cache curl
        FROM base
        """, [1], [6], id="stage-built-from-a-latest-stage-reported-once"),
    pytest.param("""\
        FROM \\
            alpine:latest
        """, [2], [5], id="image-on-a-continuation-line"),
    pytest.param("""\
        from alpine:latest
        """, [1], [6], id="lower-case-keyword"),
    pytest.param("""\
        FROM localhost:5000/app:latest
        """, [1], [6], id="registry-with-port-and-latest"),
]

QUIET = [
    pytest.param("""\
        FROM alpine:3.20
        """, id="version-tag"),
    pytest.param(f"""\
        FROM alpine@{DIGEST}
        """, id="digest"),
    pytest.param(f"""\
        FROM alpine:latest@{DIGEST}
        """, id="near-miss-latest-pinned-by-digest"),
    pytest.param("""\
        FROM alpine
        """, id="near-miss-untagged-is-df002-not-df001"),
    pytest.param("""\
        FROM ghcr.io/example/latest:1.0
        """, id="near-miss-repository-named-latest"),
    pytest.param("""\
        FROM localhost:5000/app:1.4
        """, id="near-miss-registry-port-is-not-a-tag"),
    pytest.param("""\
        ARG VERSION=3.20
        FROM alpine:${VERSION}
        """, id="arg-default-version"),
    pytest.param("""\
        ARG IMAGE
        FROM ${IMAGE}
        """, id="arg-without-default-is-unknown"),
    pytest.param("""\
        FROM scratch
        COPY app /app
        """, id="scratch"),
    pytest.param("""\
        FROM golang:1.22 AS build
        RUN go build -o /app .
        FROM build
        """, id="earlier-stage-alias"),
    pytest.param("""\
        # k8slint ignore=DF001 -- pinned by the release pipeline
        FROM alpine:latest
        """, id="suppressed-by-id-with-reason"),
    pytest.param("""\
        # k8slint ignore=latest-base-image
        FROM alpine:latest
        """, id="suppressed-by-name"),
    pytest.param("""\
        # hadolint ignore=DL3007
        FROM alpine:latest
        """, id="suppressed-by-hadolint-alias"),
    pytest.param("""\
        # k8slint global ignore=DL3007
        FROM golang:latest AS build
        FROM alpine:latest
        """, id="suppressed-file-wide"),
]


@pytest.mark.parametrize("source, lines, columns", FIRES)
def test_fires(source, lines, columns):
    fires(RULE, source, lines=lines, columns=columns)


@pytest.mark.parametrize("source", QUIET)
def test_quiet(source):
    quiet(RULE, source)


def test_can_be_turned_off():
    source = "FROM alpine:latest\n"
    fires(RULE, source, lines=[1])
    quiet(RULE, source, config={"rules": {"DF001": "off"}})
