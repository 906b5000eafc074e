"""DF303 package-signature-check-disabled."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

F = "FROM debian:12\n"

FIRES = [
    pytest.param(F + "RUN apt-get install -y --allow-unauthenticated curl\n", [2], [24], id="apt-allow-unauthenticated"),
    pytest.param(F + "RUN apt-get update --allow-insecure-repositories\n", [2], None, id="apt-insecure-repositories"),
    pytest.param(F + "RUN apt-get install -y --force-yes curl\n", [2], None, id="apt-force-yes"),
    pytest.param(F + "RUN apt-get -o APT::Get::AllowUnauthenticated=true install -y x\n", [2], None, id="apt-o-option"),
    pytest.param("FROM fedora:40\nRUN dnf install -y --nogpgcheck x\n", [2], None, id="dnf-nogpgcheck"),
    pytest.param("FROM fedora:40\nRUN yum --setopt=gpgcheck=0 install -y x\n", [2], None, id="yum-setopt"),
    pytest.param("FROM fedora:40\nRUN rpm -ivh --nosignature x.rpm\n", [2], None, id="rpm-nosignature"),
    pytest.param("FROM alpine:3.20\nRUN apk add --allow-untrusted /tmp/x.apk\n", [2], None, id="apk-allow-untrusted"),
    pytest.param("FROM opensuse/leap:15\nRUN zypper --no-gpg-checks install -y x\n", [2], None, id="zypper"),
    pytest.param(F + "RUN echo 'deb [trusted=yes] http://repo.example/ stable main' > /etc/apt/sources.list.d/x.list\n",
                 [2], None, id="apt-trusted-yes-source"),
    pytest.param(F + "RUN apt-get update && \\\n    apt-get install -y --allow-unauthenticated x\n", [3], None,
                 id="continuation-line"),
]


@pytest.mark.parametrize("src, lines, columns", FIRES)
def test_fires(src, lines, columns):
    fires("DF303", src, lines=lines, columns=columns)


QUIET = [
    pytest.param(F + "RUN apt-get install -y --no-install-recommends curl\n", id="apt-plain"),
    pytest.param("FROM fedora:40\nRUN rpm --import https://x.example/key && dnf install -y x\n", id="rpm-import"),
    pytest.param("FROM fedora:40\nRUN rpm -V --noverify bash\n", id="near-miss-rpm-verify-query"),
    pytest.param(F + "RUN echo '--allow-unauthenticated is bad'\n", id="near-miss-echo-text"),
    pytest.param("FROM alpine:3.20\nRUN apk add --no-cache curl\n", id="apk-plain"),
    pytest.param(F + "# k8slint ignore=DF303\nRUN apt-get install -y --force-yes x\n", id="suppressed"),
]


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet("DF303", src)


def test_local_file_repository_and_apk_index_are_quiet():
    quiet("DF303", F + "RUN echo \"deb [ trusted=yes ] file://$tempDir ./\" > /etc/apt/sources.list.d/temp.list\n")
    quiet("DF303", "FROM alpine:3.20\nRUN apk index --allow-untrusted -o /tmp/APKINDEX.tar.gz /tmp/*.apk\n")
