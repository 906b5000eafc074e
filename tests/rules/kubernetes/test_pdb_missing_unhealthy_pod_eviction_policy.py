from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS238"


def pdb(spec: str, api: str = "policy/v1") -> str:
    return f"apiVersion: {api}\nkind: PodDisruptionBudget\nmetadata: {{name: api}}\nspec:\n{spec}  selector: {{matchLabels: {{app: api}}}}\n"


FIRES = [
    pytest.param(pdb("  minAvailable: 1\n"), [4], id="min-available"),
    pytest.param(pdb("  maxUnavailable: 1\n"), [4], id="max-unavailable"),
    pytest.param(pdb(""), [4], id="selector-only"),
]

QUIET = [
    pytest.param(pdb("  minAvailable: 1\n  unhealthyPodEvictionPolicy: AlwaysAllow\n"), id="always-allow"),
    pytest.param(pdb("  unhealthyPodEvictionPolicy: IfHealthyBudget\n"), id="explicit-default"),
    pytest.param(pdb("  minAvailable: 1\n", "policy/v1beta1"), id="beta-api-predates-field"),
    pytest.param(pdb("  minAvailable: 1\n").replace("spec:\n", "spec:  # k8slint: ignore=KS238\n"), id="suppressed"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src)
