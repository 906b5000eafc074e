"""DF101 pointless-command-in-run: RUN uses a command that makes no sense in an image build (hadolint DL3001)."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF101"

FIRES = [
    pytest.param("""\
        FROM debian:bookworm-slim
        RUN service nginx start
        """, [2], [1], id="service-start"),
    pytest.param("""\
        FROM debian:bookworm-slim
        RUN apt-get update && vim /etc/hosts
        """, [2], [1], id="vim-after-and"),
    pytest.param("""\
        FROM debian:bookworm-slim
        RUN sh -c 'ps aux | grep java'
        """, [2], [1], id="ps-inside-sh-c"),
    pytest.param("""\
        FROM debian:bookworm-slim
        RUN echo ok
        RUN kill 1
        """, [3], [1], id="kill-in-second-run-only")
]

QUIET = [
    pytest.param("""\
        FROM debian:bookworm-slim
        RUN apt-get update && apt-get install -y curl
        """, id="ordinary-commands"),
    pytest.param("""\
        FROM debian:bookworm-slim
        RUN ssh-keygen -A && ssh-keyscan github.com >> /etc/ssh/ssh_known_hosts
        """, id="near-miss-ssh-keygen"),
    pytest.param("""\
        FROM debian:bookworm-slim
        RUN echo top ps service > /tmp/words
        """, id="near-miss-word-as-argument"),
    pytest.param("""\
        FROM debian:bookworm-slim
        # k8slint ignore=DF101 -- starts the db to load fixtures
        RUN service postgresql start
        """, id="suppressed-by-id")
]


@pytest.mark.parametrize("source, lines, columns", FIRES)
def test_fires(source, lines, columns):
    fires(RULE, source, lines=lines, columns=columns)


@pytest.mark.parametrize("source", QUIET)
def test_quiet(source):
    quiet(RULE, source)
