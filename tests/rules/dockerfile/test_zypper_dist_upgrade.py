"""DF201 zypper-dist-upgrade: hadolint-spec style cases."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF201"
CONFIG = {"rules": {RULE: "on"}}

FIRES = [
    pytest.param((
        "FROM opensuse/leap:15.6\n"
        "RUN zypper -n dist-upgrade\n"
    ), [2], id='dist-upgrade'),
    pytest.param((
        "FROM opensuse/leap:15.6\n"
        "RUN zypper refresh && zypper dup -y\n"
    ), [2], id='dup alias'),
    pytest.param((
        "FROM opensuse/leap:15.6\n"
        "ONBUILD RUN zypper dup\n"
    ), [2], id='onbuild'),
]

QUIET = [
    pytest.param((
        "FROM opensuse/leap:15.6\n"
        "RUN zypper -n update\n"
    ), id='update'),
    pytest.param((
        "FROM opensuse/leap:15.6\n"
        "RUN zypper -n install dup=1\n"
    ), id='near miss: dup as package name'),
    pytest.param((
        "FROM opensuse/leap:15.6\n"
        "RUN echo zypper dup\n"
    ), id='echo'),
]


@pytest.mark.parametrize("source,lines", FIRES)
def test_fires(source, lines):
    fires(RULE, source, lines=lines, config=CONFIG)


@pytest.mark.parametrize("source", QUIET)
def test_quiet(source):
    quiet(RULE, source, config=CONFIG)


def test_suppressed_by_pragma():
    quiet(RULE, (
        "FROM opensuse/leap:15.6\n"
        "# k8slint ignore=zypper-dist-upgrade\n"
        "RUN zypper dup\n"
    ), config=CONFIG)
