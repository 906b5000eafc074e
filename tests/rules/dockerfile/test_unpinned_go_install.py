"""DF227 unpinned-go-install: hadolint-spec style cases."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF227"
CONFIG = {"rules": {RULE: "on"}}

FIRES = [
    pytest.param((
        "FROM golang:1.23\n"
        "RUN go install golang.org/x/tools/gopls\n"
    ), [2], id='no version'),
    pytest.param((
        "FROM golang:1.23\n"
        "RUN go install github.com/a/b@latest\n"
    ), [2], id='latest'),
    pytest.param((
        "FROM golang:1.23\n"
        "RUN cd /x && go get -u github.com/a/b\n"
    ), [2], id='go get after and-and'),
    pytest.param((
        "FROM golang:1.23\n"
        "RUN go install -v github.com/a/b@v1.0.0 github.com/c/d\n"
    ), [2], id='second target unpinned'),
    pytest.param((
        "FROM golang:1.23\n"
        "ONBUILD RUN go install github.com/a/b\n"
    ), [2], id='onbuild'),
]

QUIET = [
    pytest.param((
        "FROM golang:1.23\n"
        "RUN go install github.com/a/b@v1.2.3\n"
    ), id='pinned'),
    pytest.param((
        "FROM golang:1.23\n"
        "RUN go install ./...\n"
    ), id='local package'),
    pytest.param((
        "FROM golang:1.23\n"
        "ARG V\n"
        "RUN go install github.com/a/b@${V}\n"
    ), id='variable version'),
    pytest.param((
        "FROM golang:1.23\n"
        "RUN go build -o /out github.com/a/b\n"
    ), id='near miss: go build'),
    pytest.param((
        "FROM golang:1.23\n"
        "RUN go run main.go github.com/a/b\n"
    ), id='go run of file'),
]


@pytest.mark.parametrize("source,lines", FIRES)
def test_fires(source, lines):
    fires(RULE, source, lines=lines, config=CONFIG)


@pytest.mark.parametrize("source", QUIET)
def test_quiet(source):
    quiet(RULE, source, config=CONFIG)


def test_suppressed_by_pragma():
    quiet(RULE, (
        "FROM golang:1.23\n"
        "# k8slint ignore=DF227\n"
        "RUN go install github.com/a/b\n"
    ), config=CONFIG)
