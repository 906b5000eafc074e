"""DF302 tls-verification-disabled."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

F = "FROM debian:12\n"

FIRES = [
    pytest.param(F + "RUN curl -fsSLk https://x.example/a -o /a\n", [2], [10], id="curl-grouped-k"),
    pytest.param(F + "RUN curl --insecure https://x.example/a\n", [2], [10], id="curl-insecure"),
    pytest.param(F + "RUN wget --no-check-certificate https://x.example/a\n", [2], [10], id="wget"),
    pytest.param(F + "RUN pip install --trusted-host pypi.example -r req.txt\n", [2], None, id="pip-trusted-host"),
    pytest.param(F + "RUN python3 -m pip install --trusted-host=pypi.example x\n", [2], None, id="python-m-pip"),
    pytest.param(F + "RUN npm config set strict-ssl false\n", [2], None, id="npm-strict-ssl"),
    pytest.param(F + "RUN git -c http.sslVerify=false clone https://x.example/r.git\n", [2], None, id="git-c"),
    pytest.param(F + "RUN git config --global http.sslverify false\n", [2], None, id="git-config"),
    pytest.param(F + "ENV NODE_TLS_REJECT_UNAUTHORIZED=0\n", [2], [5], id="env-node-tls"),
    pytest.param(F + "ARG PYTHONHTTPSVERIFY=0\n", [2], None, id="arg-default-python"),
    pytest.param(F + "ENV GIT_SSL_NO_VERIFY=1\n", [2], None, id="env-git-ssl-no-verify"),
    pytest.param(F + "RUN NODE_TLS_REJECT_UNAUTHORIZED=0 npm ci\n", [2], None, id="command-prefix"),
    pytest.param(F + "RUN export PYTHONHTTPSVERIFY=0 && python x.py\n", [2], None, id="export"),
    pytest.param(F + "RUN dnf config-manager --setopt=myrepo.sslverify=0 --save\n", [2], None, id="dnf-sslverify"),
    pytest.param(F + "RUN apt-get update && \\\n    curl -k https://x.example/a\n", [3], [10], id="continuation-line"),
]


@pytest.mark.parametrize("src, lines, columns", FIRES)
def test_fires(src, lines, columns):
    fires("DF302", src, lines=lines, columns=columns)


QUIET = [
    pytest.param(F + "RUN curl -fsSL https://x.example/a -o /a\n", id="curl-verified"),
    pytest.param(F + "RUN echo 'use curl -k to skip' && wget https://x.example/a\n", id="near-miss-text-in-echo"),
    pytest.param(F + "RUN curl -fsSL https://x.example/kube -o kubectl\n", id="near-miss-k-in-url"),
    pytest.param(F + "ENV NODE_TLS_REJECT_UNAUTHORIZED=1 PYTHONHTTPSVERIFY=1\n", id="verification-on"),
    pytest.param(F + "RUN npm config set strict-ssl true\n", id="npm-strict-ssl-true"),
    pytest.param(F + "ARG GIT_SSL_NO_VERIFY\n", id="arg-without-default"),
    pytest.param(F + "RUN pip install --index-url https://pypi.example/simple x\n", id="pip-index-url"),
    pytest.param(F + "# k8slint ignore=tls-verification-disabled\nRUN curl -k https://x.example/a\n", id="suppressed"),
    pytest.param(F + "# hadolint ignore=CKV2_DOCKER_2\nRUN curl -k https://x.example/a\n", id="suppressed-by-alias"),
]


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet("DF302", src)
