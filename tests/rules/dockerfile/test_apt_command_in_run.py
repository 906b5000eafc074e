"""DF122 apt-command-in-run: RUN uses apt instead of apt-get (hadolint DL3027)."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF122"

FIRES = [
    pytest.param("""\
        FROM ubuntu:24.04
        RUN apt install -y curl
        """, [2], [1], id="apt-install"),
    pytest.param("""\
        FROM ubuntu:24.04
        RUN apt-get update && apt upgrade -y
        """, [2], [1], id="apt-after-apt-get"),
    pytest.param("""\
        FROM ubuntu:24.04
        RUN sudo apt update
        """, [2], [1], id="apt-behind-sudo"),
    pytest.param("""\
        FROM ubuntu:24.04
        ONBUILD RUN apt install -y curl
        """, [2], [1], id="apt-in-onbuild")
]

QUIET = [
    pytest.param("""\
        FROM ubuntu:24.04
        RUN apt-get update && apt-get install -y curl
        """, id="apt-get"),
    pytest.param("""\
        FROM ubuntu:24.04
        RUN apt-cache policy curl
        """, id="apt-cache"),
    pytest.param("""\
        FROM ubuntu:24.04
        RUN echo apt install curl > /tmp/notes && rm -rf /etc/apt/apt.conf.d/docker-clean
        """, id="near-miss-apt-as-argument"),
    pytest.param("""\
        FROM ubuntu:24.04
        # k8slint ignore=CKV_DOCKER_9
        RUN apt install -y curl
        """, id="suppressed-by-checkov-id")
]


@pytest.mark.parametrize("source, lines, columns", FIRES)
def test_fires(source, lines, columns):
    fires(RULE, source, lines=lines, columns=columns)


@pytest.mark.parametrize("source", QUIET)
def test_quiet(source):
    quiet(RULE, source)
