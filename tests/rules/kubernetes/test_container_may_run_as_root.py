"""KS130 container-may-run-as-root: no runAsNonRoot and no non-zero runAsUser, or runAsUser 0."""
from __future__ import annotations

import pytest

from linter.testing import fires, for_each_workload, lint, quiet

RULE = "KS130"

FIRES = [
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27
        """, [6], [7], id="no-security-context"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext: {runAsNonRoot: true}
          containers:
            - name: web
              image: nginx:1.27
              securityContext: {runAsUser: 0}
        """, [9], [36], id="pod-non-root-but-container-user-0"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext: {runAsUser: 0}
          containers:
            - name: web
              image: nginx:1.27
        """, [5], [32], id="pod-level-user-0"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext: {runAsNonRoot: true}
          containers:
            - name: web
              image: nginx:1.27
              securityContext: {runAsNonRoot: false}
        """, [9], [39], id="container-overrides-pod-non-root-with-false"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27
              securityContext: {runAsNonRoot: true}
          initContainers:
            - name: init
              image: busybox:1.36
        """, [10], [7], id="init-container-without-it"),
]

QUIET = [
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext: {runAsNonRoot: true}
          containers:
            - name: web
              image: nginx:1.27
        """, id="pod-level-run-as-non-root"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27
              securityContext: {runAsUser: 101}
        """, id="container-non-zero-user"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext: {runAsUser: 0}
          containers:
            - name: web
              image: nginx:1.27
              securityContext: {runAsUser: 1000}
        """, id="near-miss-container-overrides-pod-root-user"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext: {runAsNonRoot: false}
          containers:
            - name: web
              image: nginx:1.27
              securityContext: {runAsNonRoot: true}
        """, id="container-overrides-pod-false"),
    pytest.param("""\
        apiVersion: example.com/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              containers:
                - name: web
                  image: nginx:1.27
        """, id="custom-resource-named-deployment"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web  # k8slint ignore=KS130 -- the image's USER is 101
              image: nginx:1.27
        """, id="suppressed-by-trailing-comment"),
    pytest.param("""\
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          annotations: {ignore-check.kube-linter.io/run-as-non-root: "image user is 101"}
        spec:
          containers:
            - name: web
              image: nginx:1.27
        """, id="suppressed-by-kube-linter-annotation"),
]

WORKLOADS = for_each_workload("""\
    securityContext: {runAsNonRoot: true}
    containers:
      - name: app
        image: nginx:1.27
        securityContext: {runAsUser: 0}
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
def test_container_user_0_overrides_pod_non_root_in_every_workload_kind(kind):
    source = WORKLOADS[kind]
    fires(RULE, source, lines=[line_of(source, "securityContext: {runAsUser: 0}")])


def test_kube_linter_documented_example_explicit_root_user_fires_even_with_run_as_non_root():
    fires(RULE, """\
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27
              securityContext: {runAsNonRoot: true, runAsUser: 0}
        """, lines=[8])


def test_kube_linter_e2e_objects_behave_as_documented():
    """kube-linter's tests/checks/run-as-non-root.yml: `dont-fire` has runAsNonRoot, `app1` does not
    (its `runAsUser: 0` sits outside securityContext, so it is ignored, as by the API server)."""
    source = """\
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: dont-fire}
        spec:
          selector: {matchLabels: {app.kubernetes.io/name: app1}}
          template:
            spec:
              containers:
                - name: app
                  runAsUser: 1001
                  securityContext:
                    runAsNonRoot: true
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: app1}
        spec:
          selector: {matchLabels: {app.kubernetes.io/name: app1}}
          template:
            spec:
              containers:
                - name: app
                  runAsUser: 0
        """
    fires(RULE, source, lines=[22])


@pytest.mark.parametrize("selector", ["os: {name: windows}", "nodeSelector: {kubernetes.io/os: windows}"])
def test_quiet_for_windows_pods(selector):
    quiet(RULE, f"""\
apiVersion: v1
kind: Pod
metadata: {{name: iis}}
spec:
  {selector}
  containers:
    - name: iis
      image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022
""")
