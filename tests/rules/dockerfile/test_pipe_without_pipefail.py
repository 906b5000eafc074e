"""DF237 pipe-without-pipefail: hadolint-spec style cases."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF237"
CONFIG = {"rules": {RULE: "on"}}

FIRES = [
    pytest.param((
        "FROM debian:12\n"
        "RUN curl -fsSL x | tar xz\n"
    ), [2], id='pipe'),
    pytest.param((
        "FROM debian:12\n"
        "SHELL [\"/bin/sh\", \"-o\", \"pipefail\", \"-c\"]\n"
        "RUN a | b\n"
    ), [3], id='sh -o pipefail is not enough'),
    pytest.param((
        "FROM debian:12\n"
        "SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\n"
        "FROM debian:12\n"
        "RUN a | b\n"
    ), [4], id='shell reset by a new stage from an image'),
    pytest.param((
        "FROM debian:12\n"
        "RUN [\"sh\", \"-c\", \"a | b\"]\n"
    ), [2], id='exec form sh -c'),
    pytest.param((
        "FROM debian:12\n"
        "SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\n"
        "SHELL [\"/bin/sh\", \"-c\"]\n"
        "RUN a | b\n"
    ), [4], id='shell switched back'),
    pytest.param((
        "FROM debian:12\n"
        "RUN <<EOF\n"
        "curl x | sh\n"
        "EOF\n"
    ), [2], id='heredoc'),
    pytest.param((
        "FROM debian:12\n"
        "RUN x=\"$(ls | sort)\" && case a in b|c) d ;; esac\n"
    ), [2], id='pipe inside quoted command substitution'),
]

QUIET = [
    pytest.param((
        "FROM debian:12\n"
        "SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\n"
        "RUN a | b\n"
    ), id='shell with pipefail'),
    pytest.param((
        "FROM debian:12\n"
        "SHELL [\"/bin/bash\", \"-eo\", \"pipefail\", \"-c\"]\n"
        "RUN a | b\n"
    ), id='grouped -eo'),
    pytest.param((
        "FROM debian:12\n"
        "RUN set -euxo pipefail && a | b\n"
    ), id='set -o pipefail in the run'),
    pytest.param((
        "FROM debian:12 AS base\n"
        "SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\n"
        "FROM base\n"
        "RUN a | b\n"
    ), id='shell inherited from parent stage'),
    pytest.param((
        "FROM mcr.microsoft.com/windows/servercore:ltsc2022\n"
        "SHELL [\"powershell\", \"-Command\"]\n"
        "RUN Get-Item x | Remove-Item\n"
    ), id='powershell'),
    pytest.param((
        "FROM debian:12\n"
        "RUN a || b\n"
    ), id='near miss: or'),
    pytest.param((
        "FROM debian:12\n"
        "RUN grep 'a|b' f\n"
    ), id='quoted bar'),
    pytest.param((
        "FROM debian:12\n"
        "RUN case \"$x\" in amd64|arm64) echo ok ;; esac\n"
    ), id='case pattern alternatives'),
]


@pytest.mark.parametrize("source,lines", FIRES)
def test_fires(source, lines):
    fires(RULE, source, lines=lines, config=CONFIG)


@pytest.mark.parametrize("source", QUIET)
def test_quiet(source):
    quiet(RULE, source, config=CONFIG)


def test_suppressed_by_pragma():
    quiet(RULE, (
        "FROM debian:12\n"
        "# k8slint ignore=DF237\n"
        "RUN a | b\n"
    ), config=CONFIG)
