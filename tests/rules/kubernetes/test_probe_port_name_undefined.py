"""KS112 probe-port-name-undefined: a named probe port no port of the container defines."""
from __future__ import annotations

import pytest

from linter.testing import fires, for_each_workload, lint, quiet

RULE = "KS112"

FIRES = [
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          containers:
            - name: api
              image: example/api:1.4.0
              ports: [{name: http, containerPort: 8080}]
              livenessProbe: {httpGet: {path: /livez, port: healthcheck}}
        """, [9], [53], id="kube-linter-mismatched-name"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          containers:
            - name: api
              image: example/api:1.4.0
              readinessProbe:
                tcpSocket: {port: db}
        """, [9], [27], id="no-ports-at-all"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          containers:
            - name: api
              image: example/api:1.4.0
              ports: [{name: metrics, containerPort: 9090}]
            - name: proxy
              image: envoyproxy/envoy:v1.31.0
              ports: [{name: admin, containerPort: 9901}]
              startupProbe:
                httpGet: {path: /ready, port: metrics}
        """, [13], [39], id="name-of-another-container"),
]

QUIET = [
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          containers:
            - name: api
              image: example/api:1.4.0
              ports: [{name: http, containerPort: 8080}]
              livenessProbe: {httpGet: {path: /livez, port: http}}
        """, id="defined-name"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          containers:
            - name: api
              image: example/api:1.4.0
              livenessProbe: {httpGet: {path: /livez, port: 9999}}
        """, id="near-miss-numeric-port"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          containers:
            - name: api
              image: example/api:1.4.0
              livenessProbe: {httpGet: {path: /livez, port: "8080"}}
        """, id="numeric-string"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          containers:
            - name: api
              image: example/api:1.4.0
              livenessProbe: {httpGet: {path: /livez, port: "{{ .Values.port }}"}}
        """, id="templated"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: api}
        spec:
          containers:
            - name: api
              image: example/api:1.4.0
              livenessProbe: {httpGet: {path: /livez, port: healthcheck}}  # k8slint ignore=KS112
        """, id="suppressed-by-trailing-comment"),
]

WORKLOADS = for_each_workload("""\
    containers:
      - name: app
        image: nginx:1.27
        ports: [{name: web, containerPort: 80}]
        readinessProbe:
          httpGet: {path: /, port: http}
    """)


def line_of(source: str, text: str) -> int:
    (line,) = [n for n, content in enumerate(source.splitlines(), 1) if content.strip() == text]
    return line


@pytest.mark.parametrize("source, lines, columns", FIRES)
def test_fires(source, lines, columns):
    fires(RULE, source, lines=lines, columns=columns)


@pytest.mark.parametrize("source", QUIET)
def test_quiet(source):
    assert not [f for f in lint(source) if f.rule_id == "KL001"], "the case must parse"
    quiet(RULE, source)


@pytest.mark.parametrize("kind", sorted(WORKLOADS))
def test_fires_in_every_workload_kind(kind):
    source = WORKLOADS[kind]
    fires(RULE, source, lines=[line_of(source, "httpGet: {path: /, port: http}")])


def test_kube_linter_e2e_objects_behave_as_documented():
    """kube-linter's tests/checks/probe-port.yml: only `startupProbe-str-container-port-ko` fires."""
    objects = []
    for name, probe in [
        ("no-probe", ""),
        ("livenessProbe-int", "livenessProbe: {httpGet: {port: 1234}}"),
        ("readinessProbe-int-str", 'readinessProbe: {tcpSocket: {port: "1234"}}'),
        ("startupProbe-str-container-port-ok", "startupProbe: {httpGet: {port: foo}}"),
        ("startupProbe-str-container-port-ko", "startupProbe: {httpGet: {port: bar}}"),
    ]:
        ports = "ports: [{containerPort: 1234, name: foo}]" if "container-port" in name else ""
        objects.append(f"""\
apiVersion: apps/v1
kind: Deployment
metadata: {{name: {name}}}
spec:
  selector: {{matchLabels: {{app: myapp}}}}
  template:
    metadata: {{labels: {{app: myapp}}}}
    spec:
      containers:
      - name: myapp
        image: myimage
        {ports}
        {probe}
""")
    source = "---\n".join(objects)
    fires(RULE, source, lines=[source.splitlines().index("        startupProbe: {httpGet: {port: bar}}") + 1])
