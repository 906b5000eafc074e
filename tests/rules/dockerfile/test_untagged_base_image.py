"""DF002 untagged-base-image: a FROM image with neither tag nor digest (after ARG defaults)."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF002"
DIGEST = "sha256:" + "0123456789abcdef" * 4

FIRES = [
    pytest.param("""\
        FROM debian
        """, [1], [6], id="no-tag"),
    pytest.param("""\
        FROM localhost:5000/app
        """, [1], [6], id="registry-port-is-not-a-tag"),
    pytest.param("""\
        FROM --platform=$BUILDPLATFORM golang AS build
        RUN go build -o /app .
        FROM alpine:3.20
        COPY --from=build /app /app
        """, [1], [32], id="points-at-image-after-platform-flag"),
    pytest.param("""\
        ARG BASE=alpine
        FROM ${BASE}
        """, [2], [6], id="arg-default-without-tag"),
    pytest.param("""\
        FROM ghcr.io/example/team/app AS base
        """, [1], [6], id="deep-repository-path"),
    pytest.param("""\
        FROM golang:1.22 AS build
        RUN go build -o /app .
        FROM debian
        COPY --from=build /app /app
        """, [3], [6], id="only-the-untagged-stage"),
    pytest.param("""\
        FROM node:20 AS deps
        FROM python AS tools
        FROM ubuntu
        """, [2, 3], [6, 6], id="several-untagged-stages"),
]

QUIET = [
    pytest.param("""\
        FROM debian:bookworm-slim
        """, id="version-tag"),
    pytest.param(f"""\
        FROM debian@{DIGEST}
        """, id="digest"),
    pytest.param("""\
        FROM alpine:latest
        """, id="near-miss-latest-is-tagged-df001-reports-it"),
    pytest.param("""\
        FROM localhost:5000/app:1.4
        """, id="near-miss-registry-port-and-tag"),
    pytest.param("""\
        ARG VERSION=3.20
        FROM alpine:${VERSION}
        """, id="arg-default-tag"),
    pytest.param("""\
        ARG VERSION
        FROM alpine:${VERSION:-3.20}
        """, id="arg-fallback-tag"),
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
        """, id="near-miss-earlier-stage-alias"),
    pytest.param("""\
        # hadolint ignore=DL3006
        FROM debian
        """, id="suppressed-by-hadolint-alias"),
    pytest.param("""\
        # k8slint ignore=untagged-base-image -- the CI overrides the base
        FROM debian
        """, id="suppressed-by-name-with-reason"),
    pytest.param("""\
        # k8slint global ignore=DF002
        FROM debian AS a
        FROM ubuntu
        """, id="suppressed-file-wide"),
]


@pytest.mark.parametrize("source, lines, columns", FIRES)
def test_fires(source, lines, columns):
    fires(RULE, source, lines=lines, columns=columns)


@pytest.mark.parametrize("source", QUIET)
def test_quiet(source):
    quiet(RULE, source)


def test_can_be_turned_off():
    source = "FROM debian\n"
    fires(RULE, source, lines=[1])
    quiet(RULE, source, config={"rules": {"DF002": "off"}})
