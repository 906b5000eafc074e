from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS233"


def wl(replicas: str, pod: str = "", kind: str = "Deployment", labels: str = "{app: api}") -> str:
    return (f"apiVersion: apps/v1\nkind: {kind}\nmetadata: {{name: api}}\nspec:\n{replicas}"
            f"  selector: {{matchLabels: {{app: api}}}}\n  template:\n    metadata: {{labels: {labels}}}\n    spec:\n{pod}"
            "      containers: []\n")


def anti(kind: str, key: str = "kubernetes.io/hostname", sel: str = "{app: api}") -> str:
    if kind == "required":
        return (f"      affinity:\n        podAntiAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n"
                f"            - topologyKey: {key}\n              labelSelector: {{matchLabels: {sel}}}\n")
    return (f"      affinity:\n        podAntiAffinity:\n          preferredDuringSchedulingIgnoredDuringExecution:\n"
            f"            - weight: 100\n              podAffinityTerm:\n                topologyKey: {key}\n"
            f"                labelSelector: {{matchLabels: {sel}}}\n")


FIRES = [
    pytest.param(wl("  replicas: 3\n"), [5], id="no-affinity"),
    pytest.param(wl("  replicas: 2\n", kind="StatefulSet"), [5], id="statefulset"),
    pytest.param(wl("  replicas: 3\n", anti("preferred", key="topology.kubernetes.io/zone")), [10], id="zone-key-only"),
    pytest.param(wl("  replicas: 3\n", anti("required", sel="{app: other}")), [10], id="selects-other-pods"),
    pytest.param(wl("  replicas: 3\n", "      affinity:\n        nodeAffinity: {}\n"), [10], id="node-affinity-only"),
]

QUIET = [
    pytest.param(wl("  replicas: 3\n", anti("preferred")), id="preferred-on-hostname"),
    pytest.param(wl("  replicas: 3\n", anti("required")), id="required-on-hostname"),
    pytest.param(wl("  replicas: 3\n", "      topologySpreadConstraints:\n        - maxSkew: 1\n          topologyKey: kubernetes.io/hostname\n"
                                       "          whenUnsatisfiable: ScheduleAnyway\n          labelSelector: {matchLabels: {app: api}}\n"),
                 id="topology-spread-on-hostname"),
    pytest.param(wl("  replicas: 3\n", anti("required", key="topology.kubernetes.io/zone")), id="required-on-zone"),
    pytest.param(wl("  replicas: 3\n", anti("required", sel="{app: other}"), labels="{}"), id="patch-without-template-labels"),
    pytest.param(wl("  replicas: 1\n"), id="single-replica"),
    pytest.param(wl(""), id="replicas-unset"),
    pytest.param(wl("", kind="DaemonSet"), id="daemonset"),
    pytest.param(wl("  replicas: 3  # k8slint: ignore=no-anti-affinity\n"), id="suppressed"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src)
