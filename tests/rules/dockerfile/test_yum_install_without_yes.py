"""DF125 yum-install-without-yes: yum install without -y (hadolint DL3030)."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF125"

FIRES = [
    pytest.param("""\
        FROM centos:7
        RUN yum install httpd-2.4.6
        """, [2], [1], id="install"),
    pytest.param("""\
        FROM centos:7
        RUN yum groupinstall 'Development Tools'
        """, [2], [1], id="groupinstall"),
    pytest.param("""\
        FROM centos:7
        RUN yum makecache && yum localinstall ./app-1.0.rpm
        """, [2], [1], id="localinstall-after-and"),
    pytest.param("""\
        FROM centos:7
        ONBUILD RUN yum install httpd-2.4.6
        """, [2], [1], id="in-onbuild")
]

QUIET = [
    pytest.param("""\
        FROM centos:7
        RUN yum install -y httpd-2.4.6
        """, id="short-yes"),
    pytest.param("""\
        FROM centos:7
        RUN yum --assumeyes install httpd-2.4.6
        """, id="long-assumeyes"),
    pytest.param("""\
        FROM centos:7
        RUN yum clean all
        """, id="near-miss-yum-clean"),
    pytest.param("""\
        FROM centos:7
        # hadolint ignore=DL3030
        RUN yum install httpd-2.4.6
        """, id="suppressed-by-hadolint-code")
]


@pytest.mark.parametrize("source, lines, columns", FIRES)
def test_fires(source, lines, columns):
    fires(RULE, source, lines=lines, columns=columns)


@pytest.mark.parametrize("source", QUIET)
def test_quiet(source):
    quiet(RULE, source)
