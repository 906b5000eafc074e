from __future__ import annotations

import pytest

from linter.testing import fires, for_each_workload, quiet

RULE = "KS157"


def pod(env: str, section: str = "containers") -> str:
    return (f"apiVersion: v1\nkind: Pod\nmetadata: {{name: api}}\nspec:\n  {section}:\n"
            f"    - name: api\n      image: api:1.4.2\n      env:\n{env}")


DUP = "        - {name: A, value: '1'}\n        - {name: B, value: '2'}\n        - {name: A, value: '3'}\n"
WORKLOADS = for_each_workload("containers:\n  - name: api\n    image: api:1.4.2\n    env:\n      - {name: A, value: '1'}\n      - {name: A, value: '2'}\n")

FIRES = [
    pytest.param(pod(DUP), [11], id="same-name-twice"),
    pytest.param(pod(DUP + "        - {name: A, value: '4'}\n"), [11, 12], id="three-times-reports-each-repeat"),
    pytest.param(pod("        - {name: A, value: '1'}\n        - name: A\n          valueFrom: {secretKeyRef: {name: s, key: k}}\n"), [10],
                 id="literal-and-secret-ref"),
    pytest.param(pod(DUP, "initContainers"), [11], id="init-container"),
    pytest.param(WORKLOADS["CronJob"], [16], id="cronjob"),
    pytest.param(WORKLOADS["Deployment"], [17], id="deployment"),
]

QUIET = [
    pytest.param(pod("        - {name: A, value: '1'}\n        - {name: a, value: '2'}\n"), id="names-differ-in-case"),
    pytest.param(pod("        - {name: A, value: '1'}\n        - {name: B, value: '1'}\n"), id="same-value-different-names"),
    pytest.param("apiVersion: v1\nkind: Pod\nmetadata: {name: api}\nspec:\n  containers:\n"
                 "    - name: a\n      image: a:1\n      env: [{name: A, value: '1'}]\n"
                 "    - name: b\n      image: b:1\n      env: [{name: A, value: '2'}]\n", id="same-name-in-two-containers"),
    pytest.param(pod("        - {name: A, value: '1'}\n      envFrom: [{configMapRef: {name: cm}}]\n"), id="override-of-env-from"),
    pytest.param(pod("        - {value: '1'}\n        - {value: '2'}\n        - 42\n"), id="entries-without-names"),
    pytest.param(pod(DUP.replace("'3'}", "'3'}  # k8slint: ignore=duplicate-env-var")), id="suppressed"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src)
