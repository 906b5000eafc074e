"""DF228 sensitive-build-variable-name: hadolint-spec style cases."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF228"
CONFIG = {"rules": {RULE: "on"}}

FIRES = [
    pytest.param((
        "FROM node:22-alpine\n"
        "ARG NPM_TOKEN\n"
    ), [2], id='known name arg'),
    pytest.param((
        "FROM node:22-alpine\n"
        "ENV DB_PASSWORD=x\n"
    ), [2], id='substring in env'),
    pytest.param((
        "FROM node:22-alpine\n"
        "ENV A=1 \\\n"
        "    API_KEY=x\n"
    ), [2], id='second env pair'),
    pytest.param((
        "FROM node:22-alpine\n"
        "ONBUILD ARG GITHUB_TOKEN\n"
    ), [2], id='onbuild arg'),
]

QUIET = [
    pytest.param((
        "FROM node:22-alpine\n"
        "ARG VERSION=1\n"
        "ENV NODE_ENV=production\n"
    ), id='harmless'),
    pytest.param((
        "FROM node:22-alpine\n"
        "ENV POSTGRES_PASSWORD_FILE=/run/secrets/db\n"
    ), id='file reference'),
    pytest.param((
        "FROM node:22-alpine\n"
        "ENV TOKEN_URL=https://x\n"
    ), id='near miss: url of a token service'),
]


@pytest.mark.parametrize("source,lines", FIRES)
def test_fires(source, lines):
    fires(RULE, source, lines=lines, config=CONFIG)


@pytest.mark.parametrize("source", QUIET)
def test_quiet(source):
    quiet(RULE, source, config=CONFIG)


def test_suppressed_by_pragma():
    quiet(RULE, (
        "FROM node:22-alpine\n"
        "# k8slint ignore=DF228\n"
        "ARG NPM_TOKEN\n"
    ), config=CONFIG)
