"""DF100 relative-workdir: WORKDIR is a relative path (hadolint DL3000)."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF100"

FIRES = [
    pytest.param("""\
        FROM alpine:3.20
        WORKDIR app
        """, [2], [1], id="relative-path"),
    pytest.param("""\
        FROM alpine:3.20
        WORKDIR ./src/app
        """, [2], [1], id="dot-relative-path"),
    pytest.param("""\
        FROM alpine:3.20
        WORKDIR "app"
        """, [2], [1], id="quoted-relative-path"),
    pytest.param("""\
        FROM alpine:3.20
        ONBUILD WORKDIR app
        """, [2], [1], id="relative-in-onbuild")
]

QUIET = [
    pytest.param("""\
        FROM alpine:3.20
        WORKDIR /app
        """, id="absolute-path"),
    pytest.param("""\
        FROM alpine:3.20
        WORKDIR "/app"
        """, id="quoted-absolute-path"),
    pytest.param("""\
        FROM alpine:3.20
        WORKDIR $HOME/app
        """, id="near-miss-variable-prefix"),
    pytest.param("""\
        FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
        WORKDIR C:\\app
        """, id="windows-drive-path"),
    pytest.param("""\
        FROM alpine:3.20
        # hadolint ignore=DL3000
        WORKDIR app
        """, id="suppressed-by-hadolint-code")
]


@pytest.mark.parametrize("source, lines, columns", FIRES)
def test_fires(source, lines, columns):
    fires(RULE, source, lines=lines, columns=columns)


@pytest.mark.parametrize("source", QUIET)
def test_quiet(source):
    quiet(RULE, source)
