"""DF127 unpinned-yum-package: yum install without version pins (hadolint DL3033)."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF127"

FIRES = [
    pytest.param("""\
        FROM centos:7
        RUN yum install -y httpd && yum clean all
        """, [2], [1], id="unpinned"),
    pytest.param("""\
        FROM rockylinux:8
        RUN yum module install -y nodejs && yum clean all
        """, [2], [1], id="module-without-stream"),
    pytest.param("""\
        FROM centos:7
        RUN yum install -y httpd-2.4.6 wget && yum clean all
        """, [2], [1], id="one-of-two"),
    pytest.param("""\
        FROM centos:7
        ONBUILD RUN yum install -y httpd
        """, [2], [1], id="in-onbuild")
]

QUIET = [
    pytest.param("""\
        FROM centos:7
        RUN yum install -y httpd-2.4.6 && yum clean all
        """, id="pinned"),
    pytest.param("""\
        FROM rockylinux:8
        RUN yum module install -y nodejs:20 && yum install -y ./app.rpm && yum clean all
        """, id="module-with-stream-and-rpm"),
    pytest.param("""\
        FROM centos:7
        RUN yum install -y $PACKAGES && yum clean all
        """, id="package-list-in-variable"),
    pytest.param("""\
        FROM centos:7
        RUN yum install -y --releasever 7 httpd-2.4.6 && yum clean all
        """, id="near-miss-releasever-value"),
    pytest.param("""\
        FROM centos:7
        # hadolint ignore=DL3033
        RUN yum install -y httpd
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
