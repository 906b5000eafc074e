"""DF301 cross-build-without-target-platform."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

FINAL = "FROM alpine:3.20\nCOPY --from=build /out/app /app\n"

FIRES = [
    pytest.param("FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nRUN go build -o /out/app .\n" + FINAL,
                 [2], [5], id="go-build-no-goarch"),
    pytest.param("FROM --platform=${BUILDPLATFORM} rust:1 AS build\nRUN cargo build --release\n" + FINAL,
                 [2], None, id="cargo-build-no-target"),
    pytest.param("FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:8.0 AS build\n"
                 "RUN dotnet restore && \\\n    dotnet publish -c Release -o /out\n" + FINAL,
                 [3], [5], id="dotnet-publish-no-rid-continuation-line"),
    pytest.param("FROM --platform=$BUILDPLATFORM golang:1.22\nRUN go install ./cmd/app\n", [2], None,
                 id="final-stage-itself"),
    pytest.param("FROM --platform=$BUILDPLATFORM golang:1.22 AS base\nFROM base AS build\nRUN go build -o /out/app .\n"
                 + FINAL, [3], None, id="inherited-build-platform"),
]


@pytest.mark.parametrize("src, lines, columns", FIRES)
def test_fires(src, lines, columns):
    fires("DF301", src, lines=lines, columns=columns)


QUIET = [
    pytest.param("FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nARG TARGETOS TARGETARCH\n"
                 "RUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app .\n" + FINAL, id="goos-goarch-prefix"),
    pytest.param("FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nARG TARGETARCH\nENV GOARCH=$TARGETARCH\n"
                 "RUN go build -o /out/app .\n" + FINAL, id="goarch-env"),
    pytest.param("FROM golang:1.22 AS build\nRUN go build -o /out/app .\n" + FINAL, id="near-miss-no-buildplatform"),
    pytest.param("FROM --platform=$BUILDPLATFORM tonistiigi/xx AS xx\nFROM --platform=$BUILDPLATFORM golang:1.22 AS build\n"
                 "COPY --from=xx / /\nRUN xx-go build -o /out/app .\n" + FINAL, id="xx-go-wrapper"),
    pytest.param("FROM --platform=$BUILDPLATFORM rust:1 AS build\nARG TARGETPLATFORM\n"
                 "RUN cargo build --release --target aarch64-unknown-linux-musl\n" + FINAL, id="cargo-target"),
    pytest.param("FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:8.0 AS build\n"
                 "RUN dotnet publish -c Release -a $TARGETARCH -o /out\n" + FINAL, id="dotnet-arch"),
    pytest.param("FROM --platform=$BUILDPLATFORM golang:1.22 AS tools\nRUN go build -o /out/gen ./cmd/gen\n"
                 "FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nCOPY --from=tools /out/gen /usr/bin/gen\n"
                 "ARG TARGETARCH\nRUN gen && GOARCH=$TARGETARCH go build -o /out/app .\n" + FINAL,
                 id="build-time-tool-stage"),
    pytest.param("FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nRUN go env -w GOOS=linux GOARCH=arm64 && "
                 "go build -o /out/app .\n" + FINAL, id="go-env-w"),
    pytest.param("FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n# k8slint ignore=DF301\n"
                 "RUN go build -o /out/app .\n" + FINAL, id="suppressed"),
]


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet("DF301", src)


def test_tool_relayed_through_scratch_into_build_stage_is_quiet():
    src = ("FROM --platform=$BUILDPLATFORM golang:1.22 AS base\nFROM base AS tool-build\nRUN go build -o /out/lint .\n"
           "FROM scratch AS tool\nCOPY --from=tool-build /out/lint /lint\n"
           "FROM base AS lint\nCOPY --from=tool /lint /usr/bin/lint\nRUN lint ./...\n")
    quiet("DF301", src)
