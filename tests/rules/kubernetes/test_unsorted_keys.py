from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS173"
ON = {"rules": {RULE: "on"}}

SORTED = """\
apiVersion: v1
data:
  apple: a
  zebra: z
kind: ConfigMap
metadata:
  labels: {app: api, tier: web}
  name: settings
"""

FIRES = [
    pytest.param("apiVersion: v1\nmetadata: {name: s}\nkind: ConfigMap\n", [3], ON, id="kind-after-metadata"),
    pytest.param(SORTED.replace("  apple: a\n  zebra: z\n", "  zebra: z\n  apple: a\n"), [4], ON, id="nested-data"),
    pytest.param(SORTED.replace("{app: api, tier: web}", "{tier: web, app: api}"), [7], ON, id="flow-mapping"),
    pytest.param("apiVersion: v1\nmetadata: {name: s}\nkind: ConfigMap\ndata:\n  b: 1\n  a: 2\n", [3, 6], ON,
                 id="one-finding-per-mapping"),
    pytest.param("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: app\n    image: app:1\n", [7], ON,
                 id="name-before-image-in-list-item"),
    pytest.param("apiVersion: v1\nmetadata: {name: s}\nkind: ConfigMap\ndata:\n  b: 1\n  a: 2\n", [3],
                 {"rules": {RULE: {"recursive": False}}}, id="top-level-only"),
]

QUIET = [
    pytest.param(SORTED, ON, id="sorted"),
    pytest.param(SORTED.replace("  apple: a\n  zebra: z\n", "  Zebra: z\n  apple: a\n"), ON, id="byte-order-uppercase-first"),
    pytest.param("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: s}\n", None, id="off-by-default"),
    pytest.param("apiVersion: v1\ndata:\n  base: &b {x: 1, y: 2}\n  other:\n    <<: *b\n    a: 3\nkind: ConfigMap\nmetadata: {name: s}\n",
                 ON, id="merge-key-brings-keys-from-elsewhere"),
    pytest.param("apiVersion: v1\nmetadata: {name: s}\nkind: ConfigMap  # k8slint: ignore=sorted-keys\n", ON, id="suppressed"),
]


@pytest.mark.parametrize("src, lines, config", FIRES)
def test_fires(src, lines, config):
    fires(RULE, src, lines=lines, config=config)


@pytest.mark.parametrize("src, config", QUIET)
def test_quiet(src, config):
    quiet(RULE, src, config=config)
