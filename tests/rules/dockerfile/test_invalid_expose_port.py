"""DF107 invalid-expose-port: EXPOSE names a port outside 0-65535 (hadolint DL3011)."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF107"

FIRES = [
    pytest.param("""\
        FROM nginx:1.27
        EXPOSE 80800
        """, [2], [8], id="port-too-large"),
    pytest.param("""\
        FROM nginx:1.27
        EXPOSE 80 99999/udp
        """, [2], [11], id="second-port-too-large-with-protocol"),
    pytest.param("""\
        FROM nginx:1.27
        EXPOSE 8000-70000
        """, [2], [8], id="range-end-too-large")
]

QUIET = [
    pytest.param("""\
        FROM nginx:1.27
        EXPOSE 80 443/tcp 53/udp
        """, id="valid-ports"),
    pytest.param("""\
        FROM nginx:1.27
        EXPOSE 65535
        """, id="near-miss-highest-port"),
    pytest.param("""\
        FROM nginx:1.27
        ARG PORT=8080
        EXPOSE $PORT
        """, id="variable-port"),
    pytest.param("""\
        FROM nginx:1.27
        # hadolint ignore=DL3011
        EXPOSE 80800
        """, id="suppressed-by-hadolint-code")
]


@pytest.mark.parametrize("source, lines, columns", FIRES)
def test_fires(source, lines, columns):
    fires(RULE, source, lines=lines, columns=columns)


@pytest.mark.parametrize("source", QUIET)
def test_quiet(source):
    quiet(RULE, source)
