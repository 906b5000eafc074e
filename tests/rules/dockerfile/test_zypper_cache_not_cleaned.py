"""DF202 zypper-cache-not-cleaned: hadolint-spec style cases."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF202"
CONFIG = {"rules": {RULE: "on"}}

FIRES = [
    pytest.param((
        "FROM opensuse/leap:15.6\n"
        "RUN zypper -n install curl=8\n"
    ), [2], id='install without clean'),
    pytest.param((
        "FROM opensuse/leap:15.6\n"
        "RUN zypper -n in curl=8\n"
        "RUN zypper clean\n"
    ), [2], id='clean in a later run does not count'),
    pytest.param((
        "FROM opensuse/leap:15.6\n"
        "RUN --mount=type=cache,target=/root/.cache zypper -n in curl=8\n"
    ), [2], id='cache mount elsewhere'),
    pytest.param((
        "FROM opensuse/leap:15.6\n"
        "ONBUILD RUN zypper -n in curl=8\n"
    ), [2], id='onbuild'),
]

QUIET = [
    pytest.param((
        "FROM opensuse/leap:15.6\n"
        "RUN zypper -n in curl=8 && zypper clean --all\n"
    ), id='zypper clean'),
    pytest.param((
        "FROM opensuse/leap:15.6\n"
        "RUN zypper -n in curl=8 && zypper cc -a\n"
    ), id='zypper cc'),
    pytest.param((
        "FROM opensuse/leap:15.6\n"
        "RUN zypper -n in curl=8 && rm -rf /var/cache/zypp/*\n"
    ), id='rm the cache'),
    pytest.param((
        "FROM opensuse/leap:15.6\n"
        "RUN --mount=type=cache,target=/var/cache/zypp zypper -n in curl=8\n"
    ), id='cache mount'),
    pytest.param((
        "FROM opensuse/leap:15.6\n"
        "RUN zypper -n refresh\n"
    ), id='near miss: refresh only'),
    pytest.param((
        "FROM opensuse/leap:15.6 AS build\n"
        "RUN zypper -n in gcc=13\n"
        "FROM opensuse/leap:15.6\n"
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
        "FROM opensuse/leap:15.6\n"
        "# k8slint ignore=DF202\n"
        "RUN zypper -n in curl=8\n"
    ), config=CONFIG)
