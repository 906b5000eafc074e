"""DF207 pip-cache-not-disabled: hadolint-spec style cases."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF207"
CONFIG = {"rules": {RULE: "on"}}

FIRES = [
    pytest.param((
        "FROM python:3.12-slim\n"
        "RUN pip install requests==2\n"
    ), [2], id='pip install'),
    pytest.param((
        "FROM python:3.12-slim\n"
        "RUN cd /x && python3 -m pip install -r req.txt\n"
    ), [2], id='python -m pip after and-and'),
    pytest.param((
        "FROM python:3.12-slim AS a\n"
        "ENV PIP_NO_CACHE_DIR=1\n"
        "FROM python:3.12-slim\n"
        "RUN pip3 install x==1\n"
    ), [4], id='env set in another stage'),
    pytest.param((
        "FROM python:3.12-slim\n"
        "ONBUILD RUN pip install x==1\n"
    ), [2], id='onbuild'),
    pytest.param((
        "FROM python:3.12-slim\n"
        "RUN PIP_NO_CACHE_DIR=1; pip install x==1\n"
    ), [2], id='unexported shell variable is not seen by pip'),
]

QUIET = [
    pytest.param((
        "FROM python:3.12-slim\n"
        "RUN pip install --no-cache-dir requests==2\n"
    ), id='no-cache-dir'),
    pytest.param((
        "FROM python:3.12-slim\n"
        "ENV PIP_NO_CACHE_DIR=1\n"
        "RUN pip install x==1\n"
    ), id='env in stage'),
    pytest.param((
        "FROM python:3.12-slim AS base\n"
        "ENV PIP_NO_CACHE_DIR=on\n"
        "FROM base\n"
        "RUN pip install x==1\n"
    ), id='env inherited from parent stage'),
    pytest.param((
        "FROM python:3.12-slim\n"
        "RUN PIP_NO_CACHE_DIR=1 pip install x==1\n"
    ), id='assignment prefix'),
    pytest.param((
        "FROM python:3.12-slim\n"
        "RUN export PIP_NO_CACHE_DIR=1 && pip install x==1\n"
    ), id='exported before'),
    pytest.param((
        "FROM python:3.12-slim\n"
        "RUN env PIP_NO_CACHE_DIR=1 pip install x==1\n"
    ), id='through env'),
    pytest.param((
        "FROM python:3.12-slim\n"
        "RUN --mount=type=cache,target=/root/.cache/pip pip install x==1\n"
    ), id='cache mount'),
    pytest.param((
        "FROM python:3.12-slim\n"
        "RUN pipenv install\n"
    ), id='pipenv'),
    pytest.param((
        "FROM python:3.12-slim\n"
        "RUN pip download x==1\n"
    ), id='near miss: pip download'),
    pytest.param((
        "FROM python:3.12-slim AS build\n"
        "RUN pip install x==1\n"
        "FROM python:3.12-slim\n"
        "COPY --from=build /venv /venv\n"
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
        "FROM python:3.12-slim\n"
        "# k8slint ignore=DF207\n"
        "RUN pip install x==1\n"
    ), config=CONFIG)
