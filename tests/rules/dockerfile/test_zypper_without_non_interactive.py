"""DF200 zypper-without-non-interactive: hadolint-spec style cases."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF200"
CONFIG = {"rules": {RULE: "on"}}

FIRES = [
    pytest.param((
        "FROM opensuse/leap:15.6\n"
        "RUN zypper install curl=8 && zypper clean\n"
    ), [2], id='install without -y'),
    pytest.param((
        "FROM opensuse/leap:15.6\n"
        "RUN echo hi && zypper rm vim\n"
    ), [2], id='remove after and-and'),
    pytest.param((
        "FROM opensuse/leap:15.6\n"
        "RUN sh -c 'zypper in curl=8'\n"
    ), [2], id='inside sh -c'),
    pytest.param((
        "FROM opensuse/leap:15.6\n"
        "ONBUILD RUN zypper install curl=8\n"
    ), [2], id='onbuild run'),
    pytest.param((
        "FROM opensuse/leap:15.6\n"
        "RUN zypper -n in a=1\n"
        "FROM opensuse/leap:15.6\n"
        "RUN sudo zypper patch\n"
    ), [4], id='second stage only'),
]

QUIET = [
    pytest.param((
        "FROM opensuse/leap:15.6\n"
        "RUN zypper install -y curl=8\n"
    ), id='with -y'),
    pytest.param((
        "FROM opensuse/leap:15.6\n"
        "RUN zypper --non-interactive install curl=8\n"
    ), id='global non-interactive'),
    pytest.param((
        "FROM opensuse/leap:15.6\n"
        "RUN zypper -n in curl=8\n"
    ), id='global -n short'),
    pytest.param((
        "FROM opensuse/leap:15.6\n"
        "RUN zypper refresh\n"
    ), id='near miss: refresh needs no confirmation'),
    pytest.param((
        "FROM opensuse/leap:15.6\n"
        "RUN echo zypper install\n"
    ), id='word install as package of other tool'),
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
        "# k8slint ignore=DF200\n"
        "RUN zypper install curl=8\n"
    ), config=CONFIG)
