"""DF123 unpinned-gem: gem install without a version (hadolint DL3028)."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF123"

FIRES = [
    pytest.param("""\
        FROM ruby:3.3-slim
        RUN gem install bundler
        """, [2], [1], id="unpinned"),
    pytest.param("""\
        FROM ruby:3.3-slim
        RUN gem i rake:13.2.1 rails
        """, [2], [1], id="short-i-one-of-two"),
    pytest.param("""\
        FROM ruby:3.3-slim
        RUN gem install -n /usr/local/bin rubocop
        """, [2], [1], id="bindir-value-is-not-a-gem"),
    pytest.param("""\
        FROM ruby:3.3-slim
        ONBUILD RUN gem install bundler
        """, [2], [1], id="in-onbuild")
]

QUIET = [
    pytest.param("""\
        FROM ruby:3.3-slim
        RUN gem install bundler:2.5.16
        """, id="colon-version"),
    pytest.param("""\
        FROM ruby:3.3-slim
        RUN gem install bundler -v 2.5.16 && gem install rake --version=13.2.1
        """, id="version-flag"),
    pytest.param("""\
        FROM ruby:3.3-slim
        RUN gem install ./pkg/app-1.0.0.gem
        """, id="local-gem-file"),
    pytest.param("""\
        FROM ruby:3.3-slim
        RUN gem update --system 3.5.16
        """, id="near-miss-gem-update"),
    pytest.param("""\
        FROM ruby:3.3-slim
        # hadolint ignore=DL3028
        RUN gem install bundler
        """, id="suppressed-by-hadolint-code")
]


@pytest.mark.parametrize("source, lines, columns", FIRES)
def test_fires(source, lines, columns):
    fires(RULE, source, lines=lines, columns=columns)


@pytest.mark.parametrize("source", QUIET)
def test_quiet(source):
    quiet(RULE, source)
