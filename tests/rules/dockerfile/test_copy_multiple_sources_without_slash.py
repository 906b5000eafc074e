"""DF116 copy-multiple-sources-without-slash: COPY with several sources needs a destination ending in / (hadolint DL3021)."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF116"

FIRES = [
    pytest.param("""\
        FROM alpine:3.20
        COPY package.json package-lock.json /app
        """, [2], [37], id="two-sources"),
    pytest.param("""\
        FROM alpine:3.20
        COPY ["a.txt", "b.txt", "/data"]
        """, [2], [26], id="json-form"),
    pytest.param("""\
        FROM alpine:3.20
        COPY --chown=app a b c /opt
        """, [2], [24], id="with-chown-flag"),
    pytest.param("""\
        FROM alpine:3.20
        ONBUILD COPY a b /opt
        """, [2], [18], id="in-onbuild")
]

QUIET = [
    pytest.param("""\
        FROM alpine:3.20
        COPY package.json package-lock.json /app/
        """, id="trailing-slash"),
    pytest.param("""\
        FROM alpine:3.20
        COPY package.json /app
        """, id="near-miss-single-source"),
    pytest.param("""\
        FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
        COPY a.dll b.dll C:\\\\Windows\\\\System32\\\\
        """, id="windows-trailing-backslash"),
    pytest.param("""\
        # syntax=docker/dockerfile:1
        FROM alpine:3.20
        COPY <<EOF /etc/motd
        hello
        EOF
        """, id="heredoc"),
    pytest.param("""\
        FROM alpine:3.20
        # hadolint ignore=DL3021
        COPY a b /opt
        """, id="suppressed-by-hadolint-code")
]


@pytest.mark.parametrize("source, lines, columns", FIRES)
def test_fires(source, lines, columns):
    fires(RULE, source, lines=lines, columns=columns)


@pytest.mark.parametrize("source", QUIET)
def test_quiet(source):
    quiet(RULE, source)
