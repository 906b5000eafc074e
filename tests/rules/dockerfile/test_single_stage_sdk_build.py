"""DF004 single-stage-sdk-build: one stage on an SDK image that compiles the application."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF004"

FIRES = [
    pytest.param("""\
        FROM golang:1.22
        WORKDIR /src
        COPY . .
        RUN go build -o /usr/local/bin/app .
        USER 10001
        """, [1], [6], id="go-build-on-golang"),
    pytest.param("""\
        FROM rust:1.79
        RUN cargo build --release
        """, [1], [6], id="cargo-build-on-rust"),
    pytest.param("""\
        FROM maven:3.9-eclipse-temurin-21
        RUN mvn -B package
        """, [1], [6], id="mvn-on-maven"),
    pytest.param("""\
        FROM mcr.microsoft.com/dotnet/sdk:8.0
        RUN dotnet publish -c Release -o /out
        """, [1], [6], id="dotnet-publish-on-dotnet-sdk-with-registry"),
    pytest.param("""\
        FROM node:20-alpine
        RUN npm ci && npm run build
        """, [1], [6], id="npm-run-build-on-node"),
    pytest.param("""\
        FROM node:20-alpine
        RUN yarn install --frozen-lockfile && yarn run build:prod
        """, [1], [6], id="yarn-run-build-script-on-node"),
    pytest.param("""\
        FROM golang:1.22
        RUN <<EOF
        set -e
        go build -o /app .
        EOF
        """, [1], [6], id="build-inside-a-heredoc"),
    pytest.param("""\
        FROM golang:1.22
        RUN ["go", "build", "-o", "/app", "."]
        """, [1], [6], id="exec-form-run"),
    pytest.param("""\
        ARG GO_VERSION=1.22
        FROM --platform=$BUILDPLATFORM golang:${GO_VERSION}
        RUN CGO_ENABLED=0 go build -o /app .
        """, [2], [32], id="image-from-arg-default-after-platform-flag"),
]

QUIET = [
    pytest.param("""\
        FROM golang:1.22 AS build
        WORKDIR /src
        COPY . .
        RUN CGO_ENABLED=0 go build -o /app .
        FROM gcr.io/distroless/static-debian12:nonroot
        COPY --from=build /app /app
        """, id="multi-stage-build"),
    pytest.param("""\
        FROM golang:1.22
        RUN go mod download && go vet ./... && go version
        """, id="near-miss-sdk-image-without-a-build"),
    pytest.param("""\
        FROM node:20-alpine
        COPY . .
        RUN npm ci --omit=dev && npm run lint && npm test
        USER node
        CMD ["node", "server.js"]
        """, id="near-miss-node-runtime-running-other-scripts"),
    pytest.param("""\
        FROM alpine:3.20
        RUN apk add --no-cache build-base && make
        """, id="near-miss-build-on-a-non-sdk-image"),
    pytest.param("""\
        FROM golangci/golangci-lint:v1.59
        RUN make lint
        """, id="near-miss-image-name-contains-golang"),
    pytest.param("""\
        ARG BASE
        FROM ${BASE}
        RUN go build -o /app .
        """, id="unknown-base-image"),
    pytest.param("""\
        # k8slint ignore=single-stage-sdk-build -- dev image, ships the toolchain on purpose
        FROM golang:1.22
        RUN go build -o /app .
        """, id="suppressed-by-name-with-reason"),
    pytest.param("""\
        # k8slint global ignore=DF004
        FROM rust:1.79
        RUN cargo build --release
        """, id="suppressed-file-wide"),
]


@pytest.mark.parametrize("source, lines, columns", FIRES)
def test_fires(source, lines, columns):
    fires(RULE, source, lines=lines, columns=columns)


@pytest.mark.parametrize("source", QUIET)
def test_quiet(source):
    quiet(RULE, source)


def test_message_names_the_build_command_and_its_line():
    (finding,) = fires(RULE, """\
        FROM node:20-alpine
        RUN npm ci
        RUN npm run build
        """, lines=[1])
    assert "`npm run build` on line 3" in finding.message


def test_can_be_turned_off():
    source = "FROM golang:1.22\nRUN go build -o /app .\n"
    fires(RULE, source, lines=[1])
    quiet(RULE, source, config={"rules": {"DF004": "off"}})
