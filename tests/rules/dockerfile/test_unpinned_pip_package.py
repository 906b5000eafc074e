"""DF109 unpinned-pip-package: pip install without version pins (hadolint DL3013)."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "DF109"

FIRES = [
    pytest.param("""\
        FROM python:3.12-slim
        RUN pip install flask
        """, [2], [1], id="unpinned"),
    pytest.param("""\
        FROM python:3.12-slim
        RUN pip3 install --no-cache-dir flask==3.0.3 requests
        """, [2], [1], id="pip3-one-of-two"),
    pytest.param("""\
        FROM python:3.12-slim
        RUN python3 -m pip install --user black
        """, [2], [1], id="python-m-pip"),
    pytest.param("""\
        FROM python:3.12-slim
        RUN pipx install --python "$(which python)" poetry
        """, [2], [1], id="pipx-python-value-is-not-a-package"),
    pytest.param("""\
        FROM python:3.12-slim
        RUN pip install --index-url https://pypi.example/simple flask
        """, [2], [1], id="index-url-value-then-package"),
    pytest.param("""\
        FROM python:3.12-slim
        ONBUILD RUN pip install flask
        """, [2], [1], id="in-onbuild")
]

QUIET = [
    pytest.param("""\
        FROM python:3.12-slim
        RUN pip install "flask==3.0.3" 'requests>=2,<3' django~=5.0 ./wheels/app-1.0-py3-none-any.whl
        """, id="pinned-variants"),
    pytest.param("""\
        FROM python:3.12-slim
        RUN pip install --no-cache-dir -r requirements.txt
        """, id="requirements-file"),
    pytest.param("""\
        FROM python:3.12-slim
        RUN pip install .
        """, id="local-project"),
    pytest.param("""\
        FROM python:3.12-slim
        RUN pip install git+https://github.com/org/repo@v1.2.3
        """, id="vcs-pinned"),
    pytest.param("""\
        FROM python:3.12-slim
        RUN pip install --upgrade pip setuptools wheel
        """, id="near-miss-upgrading-pip-itself"),
    pytest.param("""\
        FROM python:3.12-slim
        RUN pip install -c constraints.txt flask
        """, id="constraints-file"),
    pytest.param("""\
        FROM python:3.12-slim
        # k8slint ignore=unpinned-pip-package
        RUN pip install flask
        """, id="suppressed-by-name")
]


@pytest.mark.parametrize("source, lines, columns", FIRES)
def test_fires(source, lines, columns):
    fires(RULE, source, lines=lines, columns=columns)


@pytest.mark.parametrize("source", QUIET)
def test_quiet(source):
    quiet(RULE, source)
