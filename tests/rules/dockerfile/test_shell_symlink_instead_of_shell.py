"""DF236 shell-symlink-instead-of-shell: hadolint-spec style cases."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF236"
CONFIG = {"rules": {RULE: "on"}}

FIRES = [
    pytest.param((
        "FROM debian:12\n"
        "RUN ln -sf /bin/bash /bin/sh\n"
    ), [2], id='bash over sh'),
    pytest.param((
        "FROM debian:12\n"
        "RUN rm /bin/sh && ln -s /bin/bash /bin/sh\n"
    ), [2], id='after and-and'),
    pytest.param((
        "FROM debian:12\n"
        "RUN ln -sfn /bin/bash /usr/bin/sh\n"
    ), [2], id='usr bin sh'),
]

QUIET = [
    pytest.param((
        "FROM debian:12\n"
        "SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\n"
    ), id='shell instruction'),
    pytest.param((
        "FROM debian:12\n"
        "RUN ln -s /bin/sh /usr/local/bin/sh\n"
    ), id='link from sh elsewhere'),
    pytest.param((
        "FROM debian:12\n"
        "RUN ln -s /usr/bin/python3 /usr/bin/python\n"
    ), id='near miss: other link'),
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
        "# k8slint ignore=DF236\n"
        "RUN ln -sf /bin/bash /bin/sh\n"
    ), config=CONFIG)
