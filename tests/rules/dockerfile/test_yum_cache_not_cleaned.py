"""DF126 yum-cache-not-cleaned: yum install without yum clean all (hadolint DL3032)."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF126"

FIRES = [
    pytest.param("""\
        FROM centos:7
        RUN yum install -y httpd-2.4.6
        """, [2], [1], id="no-clean"),
    pytest.param("""\
        FROM centos:7
        RUN yum install -y httpd-2.4.6
        RUN yum clean all
        """, [2], [1], id="clean-in-later-run"),
    pytest.param("""\
        FROM centos:7 AS base
        RUN yum install -y httpd-2.4.6
        FROM base
        """, [2], [1], id="stage-used-by-final"),
    pytest.param("""\
        FROM centos:7
        ONBUILD RUN yum install -y httpd-2.4.6
        """, [2], [1], id="in-onbuild")
]

QUIET = [
    pytest.param("""\
        FROM centos:7
        RUN yum install -y httpd-2.4.6 && yum clean all
        """, id="clean-all"),
    pytest.param("""\
        FROM centos:7
        RUN yum install -y httpd-2.4.6 && rm -rf /var/cache/yum
        """, id="rm-cache"),
    pytest.param("""\
        FROM centos:7
        RUN --mount=type=cache,target=/var/cache/yum yum install -y httpd-2.4.6
        """, id="cache-mount"),
    pytest.param("""\
        FROM centos:7 AS build
        RUN yum install -y gcc-4.8.5
        FROM centos:7
        COPY --from=build /usr/bin/gcc /usr/bin/gcc
        """, id="near-miss-builder-stage-not-shipped"),
    pytest.param("""\
        FROM centos:7
        # hadolint ignore=DL3032
        RUN yum install -y httpd-2.4.6
        """, id="suppressed-by-hadolint-code")
]


@pytest.mark.parametrize("source, lines, columns", FIRES)
def test_fires(source, lines, columns):
    fires(RULE, source, lines=lines, columns=columns)


@pytest.mark.parametrize("source", QUIET)
def test_quiet(source):
    quiet(RULE, source)
