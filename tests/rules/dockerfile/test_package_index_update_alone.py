"""DF305 package-index-update-alone."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

F = "FROM debian:12\n"

FIRES = [
    pytest.param(F + "RUN apt-get update\nRUN apt-get install -y curl\n", [2], [5], id="apt-get-update-alone"),
    pytest.param(F + "RUN apt update && echo done\n", [2], None, id="apt-update-with-other-command"),
    pytest.param("FROM alpine:3.20\nRUN apk update\n", [2], None, id="apk-update"),
    pytest.param(F + "RUN set -eux; \\\n    apt-get -q update\n", [3], None, id="continuation-with-flag"),
    pytest.param(F + "RUN apt-get update && apk add curl\n", [2], None, id="install-of-another-family"),
]


@pytest.mark.parametrize("src, lines, columns", FIRES)
def test_fires(src, lines, columns):
    fires("DF305", src, lines=lines, columns=columns)


QUIET = [
    pytest.param(F + "RUN apt-get update && apt-get install -y curl\n", id="update-and-install"),
    pytest.param(F + "RUN apt-get update && apt-get upgrade -y\n", id="update-and-upgrade"),
    pytest.param(F + "RUN apt-get update \\\n && apt install -y curl\n", id="apt-get-update-apt-install"),
    pytest.param("FROM alpine:3.20\nRUN apk add --update curl\n", id="apk-add-update"),
    pytest.param(F + "RUN echo apt-get update\n", id="near-miss-echo"),
    pytest.param(F + "# k8slint ignore=CKV_DOCKER_5\nRUN apt-get update\n", id="suppressed"),
]


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet("DF305", src)
