"""DF203 unpinned-zypper-package: hadolint-spec style cases."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF203"
CONFIG = {"rules": {RULE: "on"}}

FIRES = [
    pytest.param((
        "FROM opensuse/leap:15.6\n"
        "RUN zypper -n install curl\n"
    ), [2], id='unpinned'),
    pytest.param((
        "FROM opensuse/leap:15.6\n"
        "RUN zypper -n in curl=8 vim\n"
    ), [2], id='one of two unpinned'),
    pytest.param((
        "FROM opensuse/leap:15.6\n"
        "RUN zypper -n in --repo oss vim\n"
    ), [2], id='repo option value is not a package'),
    pytest.param((
        "FROM opensuse/leap:15.6\n"
        "ONBUILD RUN zypper -n in vim\n"
    ), [2], id='onbuild'),
]

QUIET = [
    pytest.param((
        "FROM opensuse/leap:15.6\n"
        "RUN zypper -n install curl=8.6\n"
    ), id='equals'),
    pytest.param((
        "FROM opensuse/leap:15.6\n"
        "RUN zypper -n install 'curl>=8.6'\n"
    ), id='greater or equal'),
    pytest.param((
        "FROM opensuse/leap:15.6\n"
        "RUN zypper -n install ./pkg.rpm\n"
    ), id='rpm file'),
    pytest.param((
        "FROM opensuse/leap:15.6\n"
        "RUN zypper -n in --repo oss vim=9\n"
    ), id='near miss: repo value pinned package'),
    pytest.param((
        "FROM opensuse/leap:15.6\n"
        "RUN zypper -n in $PACKAGES\n"
    ), id='variable'),
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
        "# k8slint ignore=DF203\n"
        "RUN zypper -n install curl\n"
    ), config=CONFIG)
