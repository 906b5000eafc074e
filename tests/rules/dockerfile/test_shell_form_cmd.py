"""DF120 shell-form-cmd: CMD or ENTRYPOINT in shell form (hadolint DL3025)."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF120"

FIRES = [
    pytest.param("""\
        FROM node:20-alpine
        CMD node server.js
        """, [2], [1], id="cmd-shell-form"),
    pytest.param("""\
        FROM node:20-alpine
        ENTRYPOINT /docker-entrypoint.sh
        """, [2], [1], id="entrypoint-shell-form"),
    pytest.param("""\
        FROM node:20-alpine
        CMD ['node', 'server.js']
        """, [2], [1], id="broken-json-single-quotes"),
    pytest.param("""\
        FROM node:20-alpine
        CMD node \\
            server.js
        """, [2], [1], id="multi-line-shell-form")
]

QUIET = [
    pytest.param("""\
        FROM node:20-alpine
        CMD ["node", "server.js"]
        ENTRYPOINT ["/docker-entrypoint.sh"]
        """, id="exec-form"),
    pytest.param("""\
        FROM node:20-alpine
        CMD ["sh", "-c", "node server.js --port $PORT"]
        """, id="explicit-shell-in-exec-form"),
    pytest.param("""\
        FROM node:20-alpine
        HEALTHCHECK CMD wget -q -O- http://localhost:3000/ || exit 1
        """, id="near-miss-healthcheck-shell-form"),
    pytest.param("""\
        FROM node:20-alpine
        RUN npm ci
        """, id="near-miss-run-shell-form"),
    pytest.param("""\
        FROM node:20-alpine
        # hadolint ignore=DL3025
        CMD node server.js
        """, id="suppressed-by-hadolint-code")
]


@pytest.mark.parametrize("source, lines, columns", FIRES)
def test_fires(source, lines, columns):
    fires(RULE, source, lines=lines, columns=columns)


@pytest.mark.parametrize("source", QUIET)
def test_quiet(source):
    quiet(RULE, source)
