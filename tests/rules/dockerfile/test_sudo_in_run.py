"""DF103 sudo-in-run: RUN uses sudo (hadolint DL3004)."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF103"

FIRES = [
    pytest.param("""\
        FROM ubuntu:24.04
        RUN sudo apt-get update
        """, [2], [1], id="sudo-first"),
    pytest.param("""\
        FROM ubuntu:24.04
        RUN id && sudo -E make install
        """, [2], [1], id="sudo-with-flags-after-and"),
    pytest.param("""\
        FROM ubuntu:24.04
        RUN bash -c 'sudo chown app /data'
        """, [2], [1], id="sudo-inside-sh-c"),
    pytest.param("""\
        FROM ubuntu:24.04
        ONBUILD RUN sudo make install
        """, [2], [1], id="sudo-in-onbuild")
]

QUIET = [
    pytest.param("""\
        FROM ubuntu:24.04
        RUN apt-get update
        """, id="no-sudo"),
    pytest.param("""\
        FROM ubuntu:24.04
        RUN apt-get install -y sudo
        """, id="near-miss-installing-sudo"),
    pytest.param("""\
        FROM ubuntu:24.04
        RUN echo 'app ALL=(ALL) NOPASSWD: ALL' > /etc/sudoers.d/app
        """, id="near-miss-sudoers-file"),
    pytest.param("""\
        FROM ubuntu:24.04
        # k8slint ignore=CKV2_DOCKER_1
        RUN sudo make install
        """, id="suppressed-by-checkov-id")
]


@pytest.mark.parametrize("source, lines, columns", FIRES)
def test_fires(source, lines, columns):
    fires(RULE, source, lines=lines, columns=columns)


@pytest.mark.parametrize("source", QUIET)
def test_quiet(source):
    quiet(RULE, source)
