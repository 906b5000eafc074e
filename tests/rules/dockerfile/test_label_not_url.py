"""DF217 label-not-url: hadolint-spec style cases."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF217"
CONFIG = {'rules': {'DF217': {'label-schema': {'org.opencontainers.image.url': 'url'}}}}

FIRES = [
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL org.opencontainers.image.url=\"example.com\"\n"
    ), [2], id='invalid 0'),
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL org.opencontainers.image.url=\"www.x.org/a\"\n"
    ), [2], id='invalid 1'),
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL org.opencontainers.image.url=\"http//x\"\n"
    ), [2], id='invalid 2'),
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL a=1 \\\n"
        "      org.opencontainers.image.url=\"example.com\"\n"
    ), [2], id='in multi-line label reported at the label'),
]

QUIET = [
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL org.opencontainers.image.url=\"https://example.com\"\n"
    ), id='valid 0'),
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL org.opencontainers.image.url=\"ssh://git@x/y\"\n"
    ), id='valid 1'),
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL org.opencontainers.image.url=\"urn:isbn:0451450523\"\n"
    ), id='valid 2'),
    pytest.param((
        "FROM alpine:3.20\n"
        "ARG V\n"
        "LABEL org.opencontainers.image.url=$V\n"
    ), id='near miss: build argument value'),
    pytest.param((
        "FROM alpine:3.20\n"
        "LABEL other=\"example.com\"\n"
    ), id='near miss: label not typed by the schema'),
]


@pytest.mark.parametrize("source,lines", FIRES)
def test_fires(source, lines):
    fires(RULE, source, lines=lines, config=CONFIG)


@pytest.mark.parametrize("source", QUIET)
def test_quiet(source):
    quiet(RULE, source, config=CONFIG)


def test_suppressed_by_pragma():
    quiet(RULE, (
        "FROM alpine:3.20\n"
        "# k8slint ignore=DF217\n"
        "LABEL org.opencontainers.image.url=\"example.com\"\n"
    ), config=CONFIG)


def test_quiet_without_schema():
    quiet(RULE, "FROM alpine:3.20\nLABEL org.opencontainers.image.url=\"example.com\"\n", config={"rules": {RULE: "on"}})


def test_label_schema_must_be_a_mapping_of_strings():
    from linter.config import ConfigError, build_config
    from linter.testing import default_registry

    with pytest.raises(ConfigError, match="mapping"):
        build_config(default_registry(), {"rules": {RULE: {"label-schema": ["url"]}}})


def test_strict_labels_option_is_accepted():
    quiet(RULE, "FROM alpine:3.20\nLABEL org.opencontainers.image.url=https://x\n",
          config={"rules": {RULE: {"label-schema": {"org.opencontainers.image.url": "url"}, "strict-labels": True}}})
