"""Pod-spec rules (KS1xx) never crash on wrong types where the API expects mappings, lists or ints."""
from __future__ import annotations

import itertools

import pytest

from linter.testing import lint

ALL_ON = {"extends": "strict"}

WEIRD = ["null", "true", "0", "-1", '"text"', "[]", "{}", "[1, null, {a: b}]", '"{{ .Values.x }}"', "1.5"]

FIELDS = [
    "securityContext: {V}",
    "securityContext: {{capabilities: {V}}}",
    "securityContext: {{capabilities: {{add: {V}, drop: {V}}}}}",
    "securityContext: {{runAsUser: {V}, runAsGroup: {V}, runAsNonRoot: {V}}}",
    "securityContext: {{seccompProfile: {V}, appArmorProfile: {V}, seLinuxOptions: {V}}}",
    "securityContext: {{privileged: {V}, allowPrivilegeEscalation: {V}, readOnlyRootFilesystem: {V}, procMount: {V}}}",
    "ports: {V}",
    "ports: [{{containerPort: {V}, hostPort: {V}, name: {V}}}]",
    "resources: {V}",
    "resources: {{requests: {V}, limits: {V}}}",
    "resources: {{requests: {{cpu: {V}, memory: {V}}}, limits: {{cpu: {V}, ephemeral-storage: {V}}}}}",
    "livenessProbe: {V}",
    "readinessProbe: {{httpGet: {V}, tcpSocket: {V}}}",
    "startupProbe: {{httpGet: {{port: {V}}}}}",
    "image: {V}",
    "imagePullPolicy: {V}",
    "volumeMounts: {V}",
    "volumeMounts: [{{name: {V}, readOnly: {V}}}]",
]

POD_FIELDS = [
    "securityContext: {V}",
    "securityContext: {{sysctls: {V}, fsGroup: {V}, supplementalGroups: {V}}}",
    "securityContext: {{sysctls: [{{name: {V}}}]}}",
    "hostNetwork: {V}",
    "volumes: {V}",
    "volumes: [{{name: {V}, hostPath: {V}}}]",
    "volumes: [{{name: h, hostPath: {{path: {V}}}}}]",
    "os: {V}",
    "nodeSelector: {V}",
]


def pod(container_line: str, pod_line: str = "hostPID: false") -> str:
    return f"""\
apiVersion: v1
kind: Pod
metadata:
  name: weird
  annotations: {{container.apparmor.security.beta.kubernetes.io/c: unconfined}}
spec:
  {pod_line}
  containers:
    - name: c
      {container_line}
"""


@pytest.mark.parametrize("field, value", list(itertools.product(FIELDS, WEIRD)))
def test_container_fields_of_any_type(field, value):
    findings = lint(pod(field.format(V=value)), config=ALL_ON)
    assert not [f for f in findings if f.rule_id == "KL005"], findings


@pytest.mark.parametrize("field, value", list(itertools.product(POD_FIELDS, WEIRD)))
def test_pod_fields_of_any_type(field, value):
    findings = lint(pod("image: nginx:1.27", field.format(V=value)), config=ALL_ON)
    assert not [f for f in findings if f.rule_id == "KL005"], findings


@pytest.mark.parametrize("value", WEIRD)
def test_containers_list_of_any_type(value):
    findings = lint(f"apiVersion: v1\nkind: Pod\nmetadata: {{name: x}}\nspec:\n  containers: {value}\n", config=ALL_ON)
    assert not [f for f in findings if f.rule_id == "KL005"], findings
