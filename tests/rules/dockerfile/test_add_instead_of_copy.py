"""DF115 add-instead-of-copy: ADD is used to copy plain files or folders (hadolint DL3020)."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF115"

FIRES = [
    pytest.param("""\
        FROM alpine:3.20
        ADD app.py /app/
        """, [2], [1], id="plain-file"),
    pytest.param("""\
        FROM alpine:3.20
        ADD --chown=app:app src/ /app/src/
        """, [2], [1], id="folder-with-chown"),
    pytest.param("""\
        FROM alpine:3.20
        ADD ["config.yaml", "/etc/app/"]
        """, [2], [1], id="json-form"),
    pytest.param("""\
        FROM alpine:3.20
        ONBUILD ADD . /app/
        """, [2], [1], id="in-onbuild")
]

QUIET = [
    pytest.param("""\
        FROM alpine:3.20
        COPY app.py /app/
        """, id="copy"),
    pytest.param("""\
        FROM alpine:3.20
        ADD rootfs.tar.xz /
        """, id="archive-to-extract"),
    pytest.param("""\
        FROM alpine:3.20
        ADD https://example.com/tool /usr/local/bin/tool
        ADD git@github.com:org/repo.git /src
        """, id="url-and-git"),
    pytest.param("""\
        FROM alpine:3.20
        ARG SRC=https://example.com/tool
        ADD $SRC /usr/local/bin/tool
        """, id="near-miss-source-in-variable"),
    pytest.param("""\
        # syntax=docker/dockerfile:1
        FROM alpine:3.20
        ADD <<EOF /etc/motd
        hello
        EOF
        """, id="heredoc"),
    pytest.param("""\
        FROM alpine:3.20
        # k8slint ignore=CKV_DOCKER_4
        ADD app.py /app/
        """, id="suppressed-by-checkov-id")
]


@pytest.mark.parametrize("source, lines, columns", FIRES)
def test_fires(source, lines, columns):
    fires(RULE, source, lines=lines, columns=columns)


@pytest.mark.parametrize("source", QUIET)
def test_quiet(source):
    quiet(RULE, source)
