"""DF119 duplicate-stage-name: two stages share the same name (hadolint DL3024)."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF119"

FIRES = [
    pytest.param("""\
        FROM node:20 AS build
        FROM golang:1.22 AS build
        """, [2], [1], id="same-name-twice"),
    pytest.param("""\
        FROM node:20 AS build
        FROM golang:1.22 AS BUILD
        """, [2], [1], id="different-case"),
    pytest.param("""\
        FROM node:20 AS build
        FROM golang:1.22 AS build
        FROM rust:1.80 AS build
        """, [2, 3], [1, 1], id="three-times")
]

QUIET = [
    pytest.param("""\
        FROM node:20 AS web
        FROM golang:1.22 AS api
        """, id="unique-names"),
    pytest.param("""\
        FROM node:20 AS build
        FROM build AS test
        """, id="near-miss-stage-built-from-named-stage"),
    pytest.param("""\
        FROM node:20
        FROM node:20
        """, id="unnamed-stages"),
    pytest.param("""\
        FROM node:20 AS build
        # k8slint ignore=CKV_DOCKER_11
        FROM golang:1.22 AS build
        """, id="suppressed-by-checkov-id")
]


@pytest.mark.parametrize("source, lines, columns", FIRES)
def test_fires(source, lines, columns):
    fires(RULE, source, lines=lines, columns=columns)


@pytest.mark.parametrize("source", QUIET)
def test_quiet(source):
    quiet(RULE, source)
