"""DF112 unpinned-npm-package: npm install <package> without a version (hadolint DL3016)."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF112"

FIRES = [
    pytest.param("""\
        FROM node:20-alpine
        RUN npm install -g typescript
        """, [2], [1], id="global-unpinned"),
    pytest.param("""\
        FROM node:20-alpine
        RUN npm install @angular/cli
        """, [2], [1], id="scoped-unpinned"),
    pytest.param("""\
        FROM node:20-alpine
        RUN npm install --registry https://npm.example express
        """, [2], [1], id="registry-value-is-not-a-package"),
    pytest.param("""\
        FROM node:20-alpine
        RUN npm install git+https://github.com/org/repo.git
        """, [2], [1], id="unpinned-git-url")
]

QUIET = [
    pytest.param("""\
        FROM node:20-alpine
        RUN npm install -g typescript@5.5.4 @angular/cli@18.1.0
        """, id="pinned-and-scoped-pinned"),
    pytest.param("""\
        FROM node:20-alpine
        RUN npm install && npm ci
        """, id="from-package-json"),
    pytest.param("""\
        FROM node:20-alpine
        RUN npm install git+https://github.com/org/repo.git#abc123 ./pkg.tgz ./local-dir
        """, id="git-commit-tarball-and-folder"),
    pytest.param("""\
        FROM node:20-alpine
        RUN npm run install express
        """, id="near-miss-run-script-named-install"),
    pytest.param("""\
        FROM node:20-alpine
        # hadolint ignore=DL3016
        RUN npm install -g typescript
        """, id="suppressed-by-hadolint-code")
]


@pytest.mark.parametrize("source, lines, columns", FIRES)
def test_fires(source, lines, columns):
    fires(RULE, source, lines=lines, columns=columns)


@pytest.mark.parametrize("source", QUIET)
def test_quiet(source):
    quiet(RULE, source)
