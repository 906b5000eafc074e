"""DF205 dnf-cache-not-cleaned: hadolint-spec style cases."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF205"
CONFIG = {"rules": {RULE: "on"}}

FIRES = [
    pytest.param((
        "FROM fedora:40\n"
        "RUN dnf install -y httpd-2\n"
    ), [2], id='install without clean'),
    pytest.param((
        "FROM fedora:40\n"
        "RUN microdnf install -y httpd-2\n"
    ), [2], id='microdnf'),
    pytest.param((
        "FROM fedora:40\n"
        "RUN dnf install -y httpd-2 && rm -rf /tmp/build\n"
    ), [2], id='clean of another cache does not count'),
    pytest.param((
        "FROM fedora:40\n"
        "ONBUILD RUN dnf install -y httpd-2\n"
    ), [2], id='onbuild'),
]

QUIET = [
    pytest.param((
        "FROM fedora:40\n"
        "RUN dnf install -y httpd-2 && dnf clean all\n"
    ), id='dnf clean all'),
    pytest.param((
        "FROM fedora:40\n"
        "RUN microdnf install -y httpd-2 && microdnf clean all\n"
    ), id='microdnf clean all'),
    pytest.param((
        "FROM fedora:40\n"
        "RUN dnf install -y httpd-2 && rm -rf /var/cache/dnf\n"
    ), id='rm cache'),
    pytest.param((
        "FROM fedora:40\n"
        "RUN --mount=type=cache,target=/var/cache/dnf dnf install -y httpd-2\n"
    ), id='cache mount'),
    pytest.param((
        "FROM fedora:40\n"
        "RUN dnf makecache\n"
    ), id='near miss: dnf upgrade is not an install'),
    pytest.param((
        "FROM fedora:40 AS build\n"
        "RUN dnf install -y gcc-13\n"
        "FROM fedora:40\n"
        "COPY --from=build /out /out\n"
    ), id='builder stage only copied from'),
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
        "# k8slint ignore=DF205\n"
        "RUN dnf install -y httpd-2\n"
    ), config=CONFIG)
