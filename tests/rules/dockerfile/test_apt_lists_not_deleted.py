"""DF105 apt-lists-not-deleted: apt-get update without deleting /var/lib/apt/lists (hadolint DL3009)."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF105"

FIRES = [
    pytest.param("""\
        FROM debian:bookworm-slim
        RUN apt-get update && apt-get install -y curl
        """, [2], [1], id="update-and-install-no-cleanup"),
    pytest.param("""\
        FROM debian:bookworm-slim
        RUN apt-get update && apt-get install -y curl
        RUN rm -rf /var/lib/apt/lists/*
        """, [2], [1], id="cleanup-in-a-later-run"),
    pytest.param("""\
        FROM debian:bookworm-slim AS base
        RUN apt-get update && apt-get install -y curl
        FROM base
        CMD ["curl", "--version"]
        """, [2], [1], id="stage-used-as-base-of-final"),
    pytest.param("""\
        FROM debian:bookworm-slim
        ONBUILD RUN apt-get update && apt-get install -y curl
        """, [2], [1], id="in-onbuild"),
    pytest.param("""\
        # syntax=docker/dockerfile:1
        FROM debian:bookworm-slim
        RUN <<EOF
        set -e
        apt-get update
        apt-get install -y curl
        EOF
        """, [3], [1], id="heredoc-body"),
    pytest.param("""\
        FROM debian:bookworm-slim
        RUN --mount=type=cache,target=/root/.cache apt-get update && apt-get install -y curl
        """, [2], [1], id="unrelated-cache-mount")
]

QUIET = [
    pytest.param("""\
        FROM debian:bookworm-slim
        RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
        """, id="rm-rf-lists"),
    pytest.param("""\
        # syntax=docker/dockerfile:1
        FROM debian:bookworm-slim
        RUN <<EOF
        apt-get update
        apt-get install -y curl
        rm -rf /var/lib/apt/lists/*
        EOF
        """, id="heredoc-with-cleanup"),
    pytest.param("""\
        FROM debian:bookworm-slim
        RUN apt-get update && apt-get install -y curl && rm -fr /var/lib/apt/lists
        """, id="rm-fr-lists-directory"),
    pytest.param("""\
        FROM debian:trixie-slim
        RUN apt-get update; apt-get install -y curl; apt-get dist-clean
        """, id="apt-get-dist-clean"),
    pytest.param("""\
        FROM debian:bookworm-slim
        RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \\
            --mount=type=cache,target=/var/lib/apt,sharing=locked \\
            apt-get update && apt-get install -y curl
        """, id="cache-mount-on-var-cache-apt"),
    pytest.param("""\
        FROM debian:bookworm-slim
        RUN --mount=type=tmpfs,target=/var/lib/apt/lists apt-get update && apt-get install -y curl
        """, id="tmpfs-mounts"),
    pytest.param("""\
        FROM debian:bookworm-slim AS build
        RUN apt-get update && apt-get install -y gcc
        FROM debian:bookworm-slim
        COPY --from=build /usr/bin/gcc /usr/bin/gcc
        """, id="builder-stage-not-shipped"),
    pytest.param("""\
        FROM debian:bookworm-slim
        RUN apt-get install -y curl
        """, id="near-miss-install-without-update"),
    pytest.param("""\
        FROM debian:bookworm-slim
        # hadolint ignore=DL3009
        RUN apt-get update && apt-get install -y curl
        """, id="suppressed-by-hadolint-code")
]


@pytest.mark.parametrize("source, lines, columns", FIRES)
def test_fires(source, lines, columns):
    fires(RULE, source, lines=lines, columns=columns)


@pytest.mark.parametrize("source", QUIET)
def test_quiet(source):
    quiet(RULE, source)
