"""DF110 apt-get-install-without-yes: apt-get install without -y (hadolint DL3014)."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF110"

FIRES = [
    pytest.param("""\
        FROM debian:bookworm-slim
        RUN apt-get install curl
        """, [2], [1], id="no-yes"),
    pytest.param("""\
        FROM debian:bookworm-slim
        RUN apt-get update && apt-get install --no-install-recommends curl
        """, [2], [1], id="no-yes-after-update"),
    pytest.param("""\
        FROM debian:bookworm-slim
        RUN sudo apt-get install curl
        """, [2], [1], id="no-yes-behind-sudo"),
    pytest.param("""\
        FROM debian:bookworm-slim
        RUN ["/bin/sh", "-c", "apt-get update && apt-get install curl"]
        """, [2], [1], id="exec-form-sh-c"),
    pytest.param("""\
        # syntax=docker/dockerfile:1
        FROM debian:bookworm-slim
        RUN <<EOF
        if [ -n "$WITH_CURL" ]; then
          apt-get install curl
        fi
        EOF
        RUN echo done
        """, [3], [1], id="heredoc-body-after-if"),
    pytest.param("""\
        FROM debian:bookworm-slim
        ONBUILD RUN apt-get install curl
        """, [2], [1], id="no-yes-in-onbuild")
]

QUIET = [
    pytest.param("""\
        FROM debian:bookworm-slim
        RUN apt-get install -y curl
        """, id="short-yes"),
    pytest.param("""\
        FROM debian:bookworm-slim
        RUN apt-get -qy install curl
        """, id="grouped-short-flags"),
    pytest.param("""\
        FROM debian:bookworm-slim
        RUN apt-get install --yes curl && apt-get -o APT::Get::Assume-Yes=true install git
        """, id="long-yes-and-assume-yes-option"),
    pytest.param("""\
        FROM debian:bookworm-slim
        RUN apt-get install -s curl
        """, id="near-miss-simulated-install"),
    pytest.param("""\
        FROM debian:bookworm-slim
        # hadolint ignore=DL3014
        RUN apt-get install curl
        """, id="suppressed-by-hadolint-code")
]


@pytest.mark.parametrize("source, lines, columns", FIRES)
def test_fires(source, lines, columns):
    fires(RULE, source, lines=lines, columns=columns)


@pytest.mark.parametrize("source", QUIET)
def test_quiet(source):
    quiet(RULE, source)
