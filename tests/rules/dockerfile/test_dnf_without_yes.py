"""DF204 dnf-without-yes: hadolint-spec style cases."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF204"
CONFIG = {"rules": {RULE: "on"}}

FIRES = [
    pytest.param((
        "FROM fedora:40\n"
        "RUN dnf install httpd-2\n"
    ), [2], id='install without -y'),
    pytest.param((
        "FROM fedora:40\n"
        "RUN microdnf install httpd-2\n"
    ), [2], id='microdnf'),
    pytest.param((
        "FROM fedora:40\n"
        "RUN dnf groupinstall tools\n"
    ), [2], id='groupinstall'),
    pytest.param((
        "FROM fedora:40\n"
        "ONBUILD RUN dnf install httpd-2\n"
    ), [2], id='onbuild'),
]

QUIET = [
    pytest.param((
        "FROM fedora:40\n"
        "RUN dnf install -y httpd-2\n"
    ), id='-y'),
    pytest.param((
        "FROM fedora:40\n"
        "RUN dnf --assumeyes install httpd-2\n"
    ), id='assumeyes'),
    pytest.param((
        "FROM fedora:40\n"
        "RUN dnf -qy install httpd-2\n"
    ), id='grouped short flags'),
    pytest.param((
        "FROM fedora:40\n"
        "RUN dnf makecache\n"
    ), id='near miss: dnf makecache'),
]


@pytest.mark.parametrize("source,lines", FIRES)
def test_fires(source, lines):
    fires(RULE, source, lines=lines, config=CONFIG)


@pytest.mark.parametrize("source", QUIET)
def test_quiet(source):
    quiet(RULE, source, config=CONFIG)


def test_suppressed_by_pragma():
    quiet(RULE, (
        "FROM fedora:40\n"
        "# k8slint ignore=DF204\n"
        "RUN dnf install httpd-2\n"
    ), config=CONFIG)
