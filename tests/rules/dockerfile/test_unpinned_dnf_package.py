"""DF206 unpinned-dnf-package: hadolint-spec style cases."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF206"
CONFIG = {"rules": {RULE: "on"}}

FIRES = [
    pytest.param((
        "FROM fedora:40\n"
        "RUN dnf install -y httpd && dnf clean all\n"
    ), [2], id='unpinned'),
    pytest.param((
        "FROM fedora:40\n"
        "RUN dnf install -y httpd-2 vim\n"
    ), [2], id='second package unpinned'),
    pytest.param((
        "FROM fedora:40\n"
        "RUN microdnf install -y vim\n"
    ), [2], id='microdnf'),
    pytest.param((
        "FROM fedora:40\n"
        "ONBUILD RUN dnf install -y vim\n"
    ), [2], id='onbuild'),
]

QUIET = [
    pytest.param((
        "FROM fedora:40\n"
        "RUN dnf install -y httpd-2.4.62\n"
    ), id='pinned'),
    pytest.param((
        "FROM fedora:40\n"
        "RUN dnf install -y /tmp/x.rpm\n"
    ), id='rpm file'),
    pytest.param((
        "FROM fedora:40\n"
        "RUN dnf -y module install nodejs:20\n"
    ), id='module stream'),
    pytest.param((
        "FROM fedora:40\n"
        "RUN dnf install -y --enablerepo crb httpd-2\n"
    ), id='near miss: option value not a package'),
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
        "# k8slint ignore=DF206\n"
        "RUN dnf install -y httpd\n"
    ), config=CONFIG)
