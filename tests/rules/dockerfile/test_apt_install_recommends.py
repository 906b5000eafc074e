"""DF111 apt-install-recommends: apt-get install without --no-install-recommends (hadolint DL3015)."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF111"

FIRES = [
    pytest.param("""\
        FROM debian:bookworm-slim
        RUN apt-get install -y curl
        """, [2], [1], id="missing-flag"),
    pytest.param("""\
        FROM debian:bookworm-slim
        RUN apt-get install -y --no-install-recommends curl && apt-get install -y git
        """, [2], [1], id="missing-in-second-install"),
    pytest.param("""\
        FROM debian:bookworm-slim AS other
        RUN echo 'APT::Install-Recommends "false";' > /etc/apt/apt.conf.d/99norecommends
        FROM debian:bookworm-slim
        RUN apt-get install -y curl
        """, [4], [1], id="config-in-an-unrelated-stage"),
    pytest.param("""\
        FROM debian:bookworm-slim
        ONBUILD RUN apt-get install -y curl
        """, [2], [1], id="in-onbuild")
]

QUIET = [
    pytest.param("""\
        FROM debian:bookworm-slim
        RUN apt-get install -y --no-install-recommends curl
        """, id="flag-given"),
    pytest.param("""\
        FROM debian:bookworm-slim
        RUN apt-get install -y -o APT::Install-Recommends=false curl
        """, id="option-given"),
    pytest.param("""\
        FROM debian:bookworm-slim AS base
        RUN echo 'APT::Install-Recommends "false";' > /etc/apt/apt.conf.d/99norecommends
        FROM base
        RUN apt-get install -y curl
        """, id="apt-configured-earlier-in-stage-chain"),
    pytest.param("""\
        FROM debian:bookworm-slim
        RUN apt-get remove -y curl
        """, id="near-miss-apt-get-remove"),
    pytest.param("""\
        FROM debian:bookworm-slim
        # hadolint ignore=DL3015
        RUN apt-get install -y curl
        """, id="suppressed-by-hadolint-code")
]


@pytest.mark.parametrize("source, lines, columns", FIRES)
def test_fires(source, lines, columns):
    fires(RULE, source, lines=lines, columns=columns)


@pytest.mark.parametrize("source", QUIET)
def test_quiet(source):
    quiet(RULE, source)
