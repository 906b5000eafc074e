"""DF121 untrusted-registry: FROM pulls from a registry that is not in the trusted list (hadolint DL3026)."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF121"
TRUSTED = {"rules": {"DF121": {"trusted-registries": ["registry.corp.example", "*.mirror.example"]}}}

FIRES = [
    pytest.param("FROM quay.io/prometheus/busybox:1.36\n", [1], [6], id="other-registry"),
    pytest.param("FROM alpine:3.20\n", [1], [6], id="docker-hub-not-in-the-list"),
    pytest.param("FROM registry.corp.example/base:1 AS base\nFROM ghcr.io/org/app:1\n", [2], [6],
                 id="second-stage-untrusted"),
    pytest.param("ARG BASE=quay.io/org/app:1\nFROM ${BASE}\n", [2], [6], id="arg-default-resolved"),
    pytest.param("FROM registry.corp.example.evil.io/alpine:3.20\n", [1], [6], id="lookalike-host"),
]

QUIET = [
    pytest.param("FROM registry.corp.example/base/alpine:3.20\n", id="trusted-registry"),
    pytest.param("FROM eu.mirror.example/alpine:3.20\n", id="trusted-by-glob"),
    pytest.param("FROM registry.corp.example/go:1 AS build\nFROM build\n", id="earlier-stage"),
    pytest.param("FROM scratch\n", id="scratch"),
    pytest.param("ARG BASE\nFROM ${BASE}\n", id="arg-without-default"),
    pytest.param("FROM Registry.Corp.Example/alpine:3.20\n", id="near-miss-host-in-other-case"),
    pytest.param("# hadolint ignore=DL3026\nFROM quay.io/org/app:1\n", id="suppressed-by-hadolint-code"),
]


@pytest.mark.parametrize("source, lines, columns", FIRES)
def test_fires(source, lines, columns):
    fires(RULE, source, lines=lines, columns=columns, config=TRUSTED)


@pytest.mark.parametrize("source", QUIET)
def test_quiet(source):
    quiet(RULE, source, config=TRUSTED)


def test_quiet_until_trusted_registries_is_set():
    quiet(RULE, "FROM quay.io/prometheus/busybox:1.36\n")


def test_docker_hub_trusted_by_name():
    config = {"rules": {"DF121": {"trusted-registries": ["docker.io"]}}}
    quiet(RULE, "FROM alpine:3.20\nFROM library/nginx:1.27\nFROM docker.io/library/redis:7\n", config=config)
    fires(RULE, "FROM quay.io/org/app:1\n", lines=[1], config=config)


def test_glob_needs_a_subdomain():
    fires(RULE, "FROM mirror.example/alpine:3.20\n", lines=[1], config=TRUSTED)


def test_copy_from_an_image_is_checked_too():
    source = "FROM registry.corp.example/base:1\nCOPY --from=ghcr.io/astral-sh/uv:0.8.15 /uv /bin/\n"
    fires(RULE, source, lines=[2], columns=[13], config=TRUSTED)


def test_copy_from_a_stage_or_trusted_image_is_not():
    source = ("FROM registry.corp.example/go:1 AS build\nFROM registry.corp.example/base:1\n"
              "COPY --from=build /app /app\nCOPY --from=registry.corp.example/tools:1 /bin/t /bin/\n")
    quiet(RULE, source, config=TRUSTED)
