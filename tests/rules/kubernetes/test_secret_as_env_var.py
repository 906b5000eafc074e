from __future__ import annotations

import pytest

from linter.testing import for_each_workload, fires, quiet

RULE = "KS209"
ON = {"rules": {RULE: "on"}}


def pod(body: str, kind: str = "Pod") -> str:
    return for_each_workload("containers:\n  - name: api\n    image: example/api:1.0.0\n" + body)[kind]


REF = "    env:\n      - name: DB_PASSWORD\n        valueFrom:\n          secretKeyRef: {name: db, key: password}\n"
FIRES = [
    pytest.param(pod(REF), [12], id="secret-key-ref"),
    pytest.param(pod("    envFrom:\n      - secretRef: {name: db}\n"), [10], id="env-from-secret"),
    pytest.param(pod(REF, "Deployment"), [18], id="in-deployment"),
]

QUIET = [
    pytest.param(pod("    env:\n      - name: MODE\n        valueFrom:\n          configMapKeyRef: {name: cfg, key: mode}\n"), id="configmap-ref"),
    pytest.param(pod("    envFrom:\n      - configMapRef: {name: cfg}\n"), id="env-from-configmap"),
    pytest.param(pod("    volumeMounts: [{name: db, mountPath: /run/db}]\n"), id="secret-as-volume"),
    pytest.param(pod("    envFrom:\n      - secretRef: {name: db}  # k8slint: ignore=CKV_K8S_35\n"), id="suppressed"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines, config=ON)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src, config=ON)


def test_off_by_default():
    quiet(RULE, pod(REF))
