"""DF106 copied-archive-extracted-in-run: a tar archive is COPYed and then extracted in a RUN (hadolint DL3010)."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF106"

FIRES = [
    pytest.param("""\
        FROM alpine:3.20
        COPY app.tar.gz /tmp/
        RUN tar -xzf /tmp/app.tar.gz -C /opt
        """, [2], [1], id="copy-then-tar-xzf"),
    pytest.param("""\
        FROM alpine:3.20
        COPY build/out.tgz /tmp/app.tgz
        RUN tar --extract -f /tmp/app.tgz -C /opt
        """, [2], [1], id="copy-to-archive-name-then-extract"),
    pytest.param("""\
        FROM alpine:3.20
        COPY vendor.tar /tmp/vendor.tar
        RUN cd /opt && tar xf /tmp/vendor.tar
        """, [2], [1], id="old-style-tar-flags")
]

QUIET = [
    pytest.param("""\
        FROM alpine:3.20
        ADD app.tar.gz /opt/
        """, id="add-used"),
    pytest.param("""\
        FROM alpine:3.20
        COPY app.zip /tmp/
        RUN unzip /tmp/app.zip -d /opt
        """, id="near-miss-zip-needs-unzip"),
    pytest.param("""\
        FROM alpine:3.20
        COPY app.tar.gz /tmp/
        RUN tar -tzf /tmp/app.tar.gz
        """, id="near-miss-tar-creates-archive"),
    pytest.param("""\
        FROM alpine:3.20 AS fetch
        RUN wget -O /app.tar.gz https://example.com/app.tar.gz
        FROM alpine:3.20
        COPY --from=fetch /app.tar.gz /tmp/
        RUN tar -xzf /tmp/app.tar.gz -C /opt
        """, id="archive-from-another-stage"),
    pytest.param("""\
        FROM alpine:3.20
        COPY app.tar.gz /tmp/
        FROM alpine:3.20
        RUN tar -xzf /tmp/app.tar.gz
        """, id="extracted-in-a-later-stage"),
    pytest.param("""\
        FROM alpine:3.20
        # k8slint ignore=DF106
        COPY app.tar.gz /tmp/
        RUN tar -xzf /tmp/app.tar.gz -C /opt
        """, id="suppressed-by-id")
]


@pytest.mark.parametrize("source, lines, columns", FIRES)
def test_fires(source, lines, columns):
    fires(RULE, source, lines=lines, columns=columns)


@pytest.mark.parametrize("source", QUIET)
def test_quiet(source):
    quiet(RULE, source)
