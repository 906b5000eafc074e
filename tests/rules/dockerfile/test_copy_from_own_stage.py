"""DF118 copy-from-own-stage: COPY --from references the stage it is in (hadolint DL3023)."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF118"

FIRES = [
    pytest.param("""\
        FROM golang:1.22 AS build
        COPY --from=build /src /src
        """, [2], [13], id="own-alias"),
    pytest.param("""\
        FROM golang:1.22 AS build
        COPY --from=Build /src /src
        """, [2], [13], id="own-alias-different-case"),
    pytest.param("""\
        FROM golang:1.22 AS build
        FROM alpine:3.20
        COPY --from=1 /src /src
        """, [3], [13], id="own-index")
]

QUIET = [
    pytest.param("""\
        FROM golang:1.22 AS build
        FROM alpine:3.20 AS app
        COPY --from=build /src /src
        """, id="earlier-stage"),
    pytest.param("""\
        FROM golang:1.22 AS golang
        COPY --from=alpine:3.20 /etc/os-release /tmp/
        """, id="near-miss-same-name-as-image"),
    pytest.param("""\
        FROM alpine:3.20
        COPY app /app
        """, id="unnamed-stage"),
    pytest.param("""\
        FROM golang:1.22 AS build
        # hadolint ignore=DL3023
        COPY --from=build /src /src
        """, id="suppressed-by-hadolint-code")
]


@pytest.mark.parametrize("source, lines, columns", FIRES)
def test_fires(source, lines, columns):
    fires(RULE, source, lines=lines, columns=columns)


@pytest.mark.parametrize("source", QUIET)
def test_quiet(source):
    quiet(RULE, source)
