"""DF104 unpinned-apt-package: apt-get install without version pins (hadolint DL3008)."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF104"

FIRES = [
    pytest.param("""\
        FROM debian:bookworm-slim
        RUN apt-get install -y curl
        """, [2], [1], id="one-unpinned"),
    pytest.param("""\
        FROM debian:bookworm-slim
        RUN apt-get update \\
            && apt-get install -y --no-install-recommends \\
                curl=7.88.1-10+deb12u8 \\
                git
        """, [2], [1], id="one-of-two-unpinned-multiline"),
    pytest.param("""\
        FROM debian:bookworm-slim
        RUN if true; then sudo apt-get install -y curl; fi
        """, [2], [1], id="behind-sudo-in-if"),
    pytest.param("""\
        FROM debian:bookworm-slim
        ONBUILD RUN apt-get install -y curl
        """, [2], [1], id="in-onbuild"),
    pytest.param("""\
        FROM debian:bookworm-slim
        RUN apt-get install -y "postgresql-client-${PG_MAJOR}"
        """, [2], [1], id="versioned-name-but-no-version")
]

QUIET = [
    pytest.param("""\
        FROM debian:bookworm-slim
        RUN apt-get install -y curl=7.88.1-10+deb12u8
        """, id="pinned"),
    pytest.param("""\
        FROM debian:bookworm-slim
        RUN apt-get install -y -t bookworm-backports golang/bookworm-backports ./pkg.deb
        """, id="release-and-local-deb"),
    pytest.param("""\
        FROM debian:bookworm-slim
        RUN apt-get install -y $BUILD_DEPS
        """, id="package-list-in-variable"),
    pytest.param("""\
        FROM debian:bookworm-slim
        RUN if apt-get install -s curl > /dev/null; then echo available; fi
        """, id="near-miss-simulated-install"),
    pytest.param("""\
        FROM debian:bookworm-slim
        RUN apt-get update
        """, id="near-miss-apt-get-update-only"),
    pytest.param("""\
        FROM debian:bookworm-slim
        # hadolint ignore=DL3008
        RUN apt-get install -y curl
        """, id="suppressed-by-hadolint-code")
]


# Off by default: the cases run with the rule switched on, as `extends: strict` does.
STRICT = {"extends": "strict"}


@pytest.mark.parametrize("source, lines, columns", FIRES)
def test_fires(source, lines, columns):
    fires(RULE, source, lines=lines, columns=columns, config=STRICT)


@pytest.mark.parametrize("source", QUIET)
def test_quiet(source):
    quiet(RULE, source, config=STRICT)


def test_off_by_default():
    source = FIRES[0].values[0]
    quiet(RULE, source)
    fires(RULE, source, lines=FIRES[0].values[1], config={"rules": {RULE: "on"}})
