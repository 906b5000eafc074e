"""DF225 yarn-cache-not-cleaned: hadolint-spec style cases."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF225"
CONFIG = {"rules": {RULE: "on"}}

FIRES = [
    pytest.param((
        "FROM node:22-alpine\n"
        "RUN yarn install --frozen-lockfile\n"
    ), [2], id='yarn install'),
    pytest.param((
        "FROM node:22-alpine\n"
        "RUN yarn --production\n"
    ), [2], id='bare yarn'),
    pytest.param((
        "FROM node:22-alpine\n"
        "RUN yarn install\n"
        "RUN yarn cache clean\n"
    ), [2], id='clean in later run'),
    pytest.param((
        "FROM node:22-alpine\n"
        "ONBUILD RUN yarn install\n"
    ), [2], id='onbuild'),
]

QUIET = [
    pytest.param((
        "FROM node:22-alpine\n"
        "RUN yarn install && yarn cache clean\n"
    ), id='cache clean'),
    pytest.param((
        "FROM node:22-alpine\n"
        "RUN yarn install && yarn cache clean --force\n"
    ), id='cache clean with flag'),
    pytest.param((
        "FROM node:22-alpine\n"
        "RUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install\n"
    ), id='cache mount'),
    pytest.param((
        "FROM node:22-alpine\n"
        "RUN yarn install && rm -rf /usr/local/share/.cache/yarn\n"
    ), id='rm of cache'),
    pytest.param((
        "FROM node:22-alpine\n"
        "RUN yarn build\n"
    ), id='near miss: yarn build'),
    pytest.param((
        "FROM node:22-alpine\n"
        "RUN yarn --version\n"
    ), id='yarn version'),
    pytest.param((
        "FROM node:22-alpine AS build\n"
        "RUN yarn install\n"
        "FROM node:22-alpine\n"
        "COPY --from=build /app /app\n"
    ), id='builder stage only copied from'),
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
        "# k8slint ignore=DF225\n"
        "RUN yarn install\n"
    ), config=CONFIG)
