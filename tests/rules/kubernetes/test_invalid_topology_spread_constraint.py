from __future__ import annotations

import pytest

from linter.testing import fires, for_each_workload, quiet

RULE = "KS161"
SEL = "    labelSelector: {matchLabels: {app: app}}\n"


def spec(constraint: str) -> str:
    return ("topologySpreadConstraints:\n  - topologyKey: topology.kubernetes.io/zone\n" + constraint +
            "containers: [{name: app, image: 'app:1.0'}]\n")


def pod(constraint: str) -> str:
    return for_each_workload(spec(constraint))["Pod"]


FIRES = [
    pytest.param(pod("    maxSkew: 1\n    whenUnsatisfiable: DoNotSchedule\n"), [7], id="no-label-selector"),
    pytest.param(pod("    maxSkew: 0\n    whenUnsatisfiable: DoNotSchedule\n" + SEL), [8], id="max-skew-zero"),
    pytest.param(pod("    maxSkew: 1\n    minDomains: 0\n    whenUnsatisfiable: DoNotSchedule\n" + SEL), [9], id="min-domains-zero"),
    pytest.param(pod("    maxSkew: 1\n    whenUnsatisfiable: Schedule\n" + SEL), [9], id="bad-when-unsatisfiable"),
    pytest.param(pod("    maxSkew: 1\n    whenUnsatisfiable: DoNotSchedule\n" + SEL).replace(
        "topologyKey: topology.kubernetes.io/zone", "topologyKey: ''"), [7], id="empty-topology-key"),
    pytest.param(for_each_workload(spec("    maxSkew: 1\n    whenUnsatisfiable: DoNotSchedule\n"))["Deployment"], [13],
                 id="deployment"),
]

QUIET = [
    pytest.param(pod("    maxSkew: 1\n    whenUnsatisfiable: DoNotSchedule\n" + SEL), id="valid"),
    pytest.param(pod("    maxSkew: 2\n    minDomains: 2\n    whenUnsatisfiable: ScheduleAnyway\n" + SEL), id="valid-with-min-domains"),
    pytest.param(for_each_workload("containers: [{name: app, image: 'app:1.0'}]\n")["Pod"], id="no-constraints"),
    pytest.param(pod("    maxSkew: 1\n    whenUnsatisfiable: '{{ .Values.when }}'\n" + SEL), id="templated-when"),
    pytest.param(pod("    maxSkew: 1\n    whenUnsatisfiable: DoNotSchedule\n").replace(
        "  - topologyKey", "  - topologyKey: z  # k8slint: ignore=KS161\n    x").replace("x: topology.kubernetes.io/zone\n", ""),
        id="suppressed"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src)
