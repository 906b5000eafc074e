from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS237"


def pdb(spec: str, api: str = "policy/v1") -> str:
    return f"apiVersion: {api}\nkind: PodDisruptionBudget\nmetadata: {{name: api}}\nspec:\n{spec}  selector: {{matchLabels: {{app: api}}}}\n"


FIRES = [
    pytest.param(pdb("  maxUnavailable: 0\n"), [5], id="max-unavailable-zero"),
    pytest.param(pdb("  maxUnavailable: '0%'\n", "policy/v1beta1"), [5], id="zero-percent-old-api"),
    pytest.param(pdb("  minAvailable: 100%\n"), [5], id="min-available-all"),
]

QUIET = [
    pytest.param(pdb("  maxUnavailable: 1\n"), id="one-unavailable"),
    pytest.param(pdb("  maxUnavailable: 10%\n"), id="ten-percent"),
    pytest.param(pdb("  minAvailable: 1\n"), id="min-available-number"),
    pytest.param(pdb("  minAvailable: 99%\n"), id="near-miss-percent"),
    pytest.param(pdb("  maxUnavailable: 0  # k8slint: ignore=pdb-max-unavailable\n"), id="suppressed"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src)
