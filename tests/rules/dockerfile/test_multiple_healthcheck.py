"""DF108 multiple-healthcheck: a stage has more than one HEALTHCHECK (hadolint DL3012)."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF108"

FIRES = [
    pytest.param("""\
        FROM nginx:1.27
        HEALTHCHECK CMD curl -f http://localhost/ || exit 1
        HEALTHCHECK CMD wget -q -O- http://localhost/ || exit 1
        """, [3], [1], id="two-in-one-stage"),
    pytest.param("""\
        FROM nginx:1.27
        HEALTHCHECK CMD ["true"]
        HEALTHCHECK CMD ["true"]
        HEALTHCHECK NONE
        """, [3, 4], [1, 1], id="three-in-one-stage"),
    pytest.param("""\
        FROM nginx:1.27 AS one
        HEALTHCHECK CMD ["true"]
        FROM nginx:1.27
        HEALTHCHECK CMD ["true"]
        HEALTHCHECK CMD ["false"]
        """, [5], [1], id="two-in-second-stage")
]

QUIET = [
    pytest.param("""\
        FROM nginx:1.27
        HEALTHCHECK CMD curl -f http://localhost/ || exit 1
        """, id="single"),
    pytest.param("""\
        FROM nginx:1.27 AS one
        HEALTHCHECK CMD ["true"]
        FROM nginx:1.27
        HEALTHCHECK CMD ["true"]
        """, id="near-miss-one-per-stage"),
    pytest.param("""\
        FROM nginx:1.27
        """, id="none"),
    pytest.param("""\
        FROM nginx:1.27
        HEALTHCHECK CMD ["true"]
        # hadolint ignore=DL3012
        HEALTHCHECK CMD ["false"]
        """, id="suppressed-by-hadolint-code")
]


@pytest.mark.parametrize("source, lines, columns", FIRES)
def test_fires(source, lines, columns):
    fires(RULE, source, lines=lines, columns=columns)


@pytest.mark.parametrize("source", QUIET)
def test_quiet(source):
    quiet(RULE, source)
