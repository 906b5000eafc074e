"""DF102 cd-in-run: RUN changes directory with cd (hadolint DL3003)."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF102"

FIRES = [
    pytest.param("""\
        FROM node:20-alpine
        RUN cd /app && npm ci
        """, [2], [1], id="cd-then-build"),
    pytest.param("""\
        FROM node:20-alpine
        RUN if [ -d /app ]; then cd /app; fi
        """, [2], [1], id="cd-in-if"),
    pytest.param("""\
        FROM node:20-alpine
        RUN sh -c 'cd /app && npm ci'
        """, [2], [1], id="cd-in-sh-c"),
    pytest.param("""\
        FROM node:20-alpine
        ONBUILD RUN cd /app && npm ci
        """, [2], [1], id="cd-in-onbuild"),
    pytest.param("""\
        FROM debian:bookworm-slim
        RUN cd /tmp/a && make && rm -rf /tmp/a && cd /opt/app && make
        """, [2], [1], id="second-cd-stays-when-only-first-removed"),
    pytest.param("""\
        FROM debian:bookworm-slim
        RUN cd /opt/src && make && rm -rf /tmp/cache
        """, [2], [1], id="cd-into-dir-that-stays")
]

QUIET = [
    pytest.param("""\
        FROM node:20-alpine
        WORKDIR /app
        RUN npm ci
        """, id="workdir-used"),
    pytest.param("""\
        FROM debian:bookworm-slim
        RUN mkdir /tmp/src && cd /tmp/src && make install && rm -rf /tmp/src
        """, id="cd-into-scratch-dir-removed-later"),
    pytest.param("""\
        FROM debian:bookworm-slim
        RUN git clone https://github.com/jpmens/jo.git /tmp/jo && cd /tmp/jo \\
            && ./configure && make install && cd /tmp && rm -rf ./jo
        """, id="cd-back-and-remove-relative"),
    pytest.param("""\
        FROM debian:bookworm-slim
        WORKDIR /tmp
        RUN tar xf Python-2.7.6.tar.xz && cd Python-2.7.6 && make install && cd .. && rm -rf Python-2.7.6
        """, id="relative-cd-then-parent-removed"),
    pytest.param("""\
        FROM debian:bookworm-slim
        RUN dir="$(mktemp -d)" && cd "$dir" && make && rm -rf "$dir"
        """, id="cd-into-variable-dir-removed"),
    pytest.param("""\
        FROM debian:bookworm-slim
        RUN cd "$(mktemp -d)" && curl -fsSLO https://example.com/x.tgz
        """, id="cd-into-mktemp-dir"),
    pytest.param("""\
        FROM debian:bookworm-slim
        RUN echo cd /app
        """, id="near-miss-cd-as-argument"),
    pytest.param("""\
        FROM node:20-alpine
        # k8slint ignore=cd-in-run
        RUN cd /app && npm ci
        """, id="suppressed-by-name")
]


@pytest.mark.parametrize("source, lines, columns", FIRES)
def test_fires(source, lines, columns):
    fires(RULE, source, lines=lines, columns=columns)


@pytest.mark.parametrize("source", QUIET)
def test_quiet(source):
    quiet(RULE, source)
