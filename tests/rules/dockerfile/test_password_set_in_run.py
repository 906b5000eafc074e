"""DF304 password-set-in-run."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

F = "FROM debian:12\n"

FIRES = [
    pytest.param(F + "RUN echo 'root:secret' | chpasswd\n", [2], [26], id="echo-chpasswd"),
    pytest.param(F + "RUN useradd app && \\\n    echo 'app:x' | chpasswd\n", [3], None, id="continuation-line"),
    pytest.param(F + "RUN passwd -d root\n", [2], None, id="passwd-delete"),
    pytest.param(F + "RUN usermod -p '$6$abc' app\n", [2], None, id="usermod-p"),
    pytest.param(F + "RUN printf 'a:b' | sudo chpasswd -e\n", [2], None, id="sudo-chpasswd"),
]


@pytest.mark.parametrize("src, lines, columns", FIRES)
def test_fires(src, lines, columns):
    fires("DF304", src, lines=lines, columns=columns)


QUIET = [
    pytest.param(F + "RUN passwd -l root\n", id="passwd-lock"),
    pytest.param(F + "RUN useradd -m app\n", id="useradd"),
    pytest.param(F + "RUN echo 'see man chpasswd'\n", id="near-miss-word-in-echo"),
    pytest.param(F + "RUN usermod -aG wheel app\n", id="usermod-groups"),
    pytest.param(F + "# k8slint ignore=CKV2_DOCKER_17\nRUN echo 'root:x' | chpasswd\n", id="suppressed"),
]


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet("DF304", src)
