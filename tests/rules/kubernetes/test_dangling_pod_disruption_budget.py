import pytest

from linter.testing import fires, for_each_workload, quiet

POD = """\
containers: [{name: api, image: "example/api:1.2.0"}]
"""


def pdb(selector: str) -> str:
    return f"apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {{name: api}}\nspec:\n  maxUnavailable: 1\n  selector: {selector}\n---\n"


FIRES = [
    pytest.param(pdb("{matchLabels: {app: api-server}}") + src, [6], id=f"misspelt-label-{kind}")
    for kind, src in for_each_workload(POD, name="api").items() if kind != "Pod"
] + [
    pytest.param(pdb("{matchExpressions: [{key: app, operator: NotIn, values: [api]}]}") + for_each_workload(POD, "api")["Deployment"],
                 [6], id="notin-excludes-the-only-template"),
]

QUIET = [
    pytest.param(pdb("{matchLabels: {app: api}}") + for_each_workload(POD, "api")["Deployment"], id="matches"),
    pytest.param(pdb("{}") + for_each_workload(POD, "api")["Deployment"], id="empty-selector"),
    pytest.param(pdb("{matchLabels: {app: api-server}}"), id="no-workload-in-run"),
    pytest.param(pdb("{matchLabels: {app: api-server}}").replace("name: api}", "name: api, namespace: other}")
                 + for_each_workload(POD, "api")["Deployment"], id="workloads-only-in-other-namespace"),
    pytest.param(pdb("{matchLabels: {app: api-server}}  # k8slint: ignore=KS305") + for_each_workload(POD, "api")["Deployment"],
                 id="suppressed"),
]


@pytest.mark.parametrize("src,lines", FIRES)
def test_fires(src, lines):
    fires("dangling-pod-disruption-budget", src, lines=lines)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet("dangling-pod-disruption-budget", src)
