from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "values-image-latest-tag"
KW = dict(kind="helm-values", path="values.yaml")  # no Chart.yaml beside it: no appVersion

FIRES = [
    pytest.param("image:\n  repository: nginx\n  tag: latest\n", [3], id="explicit-latest"),
    pytest.param("image:\n  repository: nginx\n  tag: LATEST\n", [3], id="latest-any-case"),
    pytest.param("image:\n  repository: nginx\n  tag: ''\n", [3], id="empty-tag-without-app-version"),
    pytest.param("image:\n  repository: nginx\n  tag:\n", [3], id="null-tag-without-app-version"),
    pytest.param("images:\n  gateway:\n    repository: a/gw\n    tag: latest\n  nats:\n    repository: nats\n    tag: latest\n",
                 [4, 7], id="nested-image-blocks"),
    pytest.param("image:\n  registry: docker.io\n  repository: bitnami/redis\n  tag: latest\n  digest: ''\n", [4],
                 id="bitnami-style-empty-digest"),
]
QUIET = [
    pytest.param("image:\n  repository: nginx\n  tag: 1.27.0\n", id="pinned-tag"),
    pytest.param("image:\n  repository: nginx\n  tag: latest\n  digest: sha256:abc\n", id="digest-pins-it"),
    pytest.param("image:\n  repository: nginx\n", id="no-tag-key-near-miss"),
    pytest.param("image: nginx:latest\n", id="plain-string-left-to-rendered-rules"),
    pytest.param("chart:\n  tag: latest\n", id="tag-without-repository"),
    pytest.param("image:\n  repository: nginx\n  tag: latest  # k8slint ignore=HC010 -- dev chart\n", id="suppressed"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines, **KW)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src, **KW)


def test_empty_tag_falls_back_to_app_version(tmp_path):
    from linter.config import build_config
    from linter.engine import Linter
    from linter.testing import default_registry

    (tmp_path / "Chart.yaml").write_text("apiVersion: v2\nname: c\nversion: 1.0.0\nappVersion: 1.2.3\n")
    registry = default_registry()
    linter = Linter(registry, build_config(registry, {}))
    values = str(tmp_path / "values.yaml")
    found = linter.lint_text("image:\n  repository: nginx\n  tag: ''\n", values, "helm-values")
    assert not [f for f in found if f.rule_id == "HC010"]
    (tmp_path / "Chart.yaml").write_text("apiVersion: v2\nname: c\nversion: 1.0.0\nappVersion: latest\n")
    linter = Linter(registry, build_config(registry, {}))
    found = linter.lint_text("image:\n  repository: nginx\n  tag: ''\n", values, "helm-values")
    assert [f.line for f in found if f.rule_id == "HC010"] == [3]
