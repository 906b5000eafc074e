"""The objects of kube-linter's e2e tests (tests/checks/*.yml) and kube-score's test data
(score/testdata/*.yaml), rewritten as our own small fixtures: k8slint's rule carrying the upstream
check id fires where the upstream tool reports and stays quiet where it does not.

Each case names the upstream file it mirrors. The upstream binaries cannot be installed here, so
the expectations come from the upstream tests (bats expectations, `testExpectedScore` grades).
Rules that ship off by default are switched on, as the upstream test enables its check.
"""
from __future__ import annotations

import textwrap

import pytest

from linter.testing import default_registry, lint_files

REGISTRY = default_registry()


def deployment(name: str, containers: str, replicas: int | None = None, labels: str = "", pod: str = "") -> str:
    rep = f"  replicas: {replicas}\n" if replicas is not None else ""
    labels = labels or f"{{app: {name}}}"
    return (f"apiVersion: apps/v1\nkind: Deployment\nmetadata: {{name: {name}}}\nspec:\n{rep}"
            f"  selector: {{matchLabels: {labels}}}\n  template:\n    metadata: {{labels: {labels}}}\n    spec:\n"
            + textwrap.indent(pod + "containers:\n" + containers, "      "))


C = "- {name: app, image: 'app:1.0'}\n"

# (upstream tool and file, upstream check id, expected number of findings, fixture, rule options)
CASES = [
    # kube-linter tests/checks/duplicate-env-var.yaml
    ("kube-linter duplicate-env-var.yaml fire-deployment", "duplicate-env-var", 1,
     deployment("web", "- name: fire\n  image: app:1.0\n  env: [{name: PORT, value: '8080'}, {name: PORT, value: '9090'}]\n"), None),
    ("kube-linter duplicate-env-var.yaml dont-fire-deployment", "duplicate-env-var", 0,
     deployment("web", "- name: ok\n  image: app:1.0\n  env: [{name: PORT, value: '8080'}, {name: HOST, value: localhost}]\n"), None),
    # kube-linter tests/checks/dangling-servicemonitor.yml
    ("kube-linter dangling-servicemonitor.yml app1", "dangling-servicemonitor", 1,
     "apiVersion: v1\nkind: Service\nmetadata: {name: app1, labels: {app.kubernetes.io/name: app1}}\n---\n"
     "apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata: {name: app1}\n"
     "spec: {selector: {matchLabels: {app.kubernetes.io/name: app}}}\n", None),
    ("kube-linter dangling-servicemonitor.yml dont-fire", "dangling-servicemonitor", 0,
     "apiVersion: v1\nkind: Service\nmetadata: {name: ok, namespace: dontfire, labels: {app.kubernetes.io/name: dontfire}}\n---\n"
     "apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata: {name: ok}\n"
     "spec: {selector: {matchLabels: {app.kubernetes.io/name: dontfire}}, namespaceSelector: {matchNames: [dontfire]}}\n", None),
    # kube-linter tests/checks/pdb-min-available.yaml (replicas 1; HPA minReplicas 1; KEDA minReplicaCount 1)
    ("kube-linter pdb-min-available.yaml baz", "pdb-min-available", 1,
     "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: baz, namespace: bar}\n"
     "spec: {minAvailable: 1, selector: {matchLabels: {name: op}}}\n---\n"
     "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: foo, namespace: bar}\nspec: {replicas: 1, selector: {matchLabels: {name: op}}}\n",
     None),
    ("kube-linter pdb-min-available.yaml baz2 (HPA)", "pdb-min-available", 1,
     "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: baz2}\nspec: {minAvailable: 1, selector: {matchLabels: {name: op2}}}\n---\n"
     "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: app2}\n"
     "spec: {minReplicas: 1, maxReplicas: 100, scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: foo2}}\n---\n"
     + deployment("foo2", C, 1, "{name: op2}"), None),
    ("kube-linter pdb-min-available.yaml baz3 (KEDA)", "pdb-min-available", 1,
     "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: baz3}\nspec: {minAvailable: 1, selector: {matchLabels: {name: op3}}}\n---\n"
     "apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata: {name: app3}\nspec: {minReplicaCount: 1, maxReplicaCount: 2, scaleTargetRef: {name: foo3}}\n---\n"
     + deployment("foo3", C, 1, "{name: op3}"), None),
    # kube-linter tests/checks/webhook-failure-policy-ignore.yml
    ("kube-linter webhook-failure-policy-ignore.yml fire-ignore-policy", "webhook-failure-policy-ignore", 1,
     "apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingWebhookConfiguration\nmetadata: {name: fire}\n"
     "webhooks: [{name: validate.example.com, failurePolicy: Ignore, sideEffects: None}]\n", None),
    ("kube-linter webhook-failure-policy-ignore.yml dont-fire", "webhook-failure-policy-ignore", 0,
     "apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingWebhookConfiguration\nmetadata: {name: ok}\n"
     "webhooks: [{name: validate.example.com, failurePolicy: Fail, sideEffects: None}]\n", None),
    # kube-linter tests/checks/scc-deny-privileged-container.yml
    ("kube-linter scc-deny-privileged-container.yml", "scc-deny-privileged-container", 1,
     "apiVersion: security.openshift.io/v1\nkind: SecurityContextConstraints\nmetadata: {name: fire}\nallowPrivilegedContainer: true\n", None),
    # kube-linter tests/checks/insecure-route-termination.yml
    ("kube-linter insecure-route-termination.yml", "insecure-route-termination", 1,
     "apiVersion: route.openshift.io/v1\nkind: Route\nmetadata: {name: fire}\n"
     "spec: {to: {kind: Service, name: web}, tls: {termination: edge, insecureEdgeTerminationPolicy: Allow}}\n", None),
    # kube-linter tests/checks/dnsconfig-options-ndots.yml
    ("kube-linter dnsconfig-options-ndots.yml fire", "dnsconfig-options", 1, deployment("web", C), None),
    ("kube-linter dnsconfig-options-ndots.yml dont-fire", "dnsconfig-options", 0,
     deployment("web", C, pod="dnsConfig: {options: [{name: ndots, value: '2'}]}\n"), None),
    # kube-linter tests/checks/priority-class-name.yaml
    ("kube-linter priority-class-name.yaml fire", "priority-class-name", 1, deployment("web", C, pod="priorityClassName: bad\n"), None),
    ("kube-linter priority-class-name.yaml dont-fire", "priority-class-name", 0,
     deployment("web", C, pod="priorityClassName: system-cluster-critical\n"), None),
    # kube-linter tests/checks/required-label-owner.yml and required-annotation-email.yml
    ("kube-linter required-label-owner.yml", "required-label-owner", 1, deployment("web", C), None),
    ("kube-linter required-annotation-email.yml", "required-annotation-email", 1,
     "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm, annotations: {email: not-an-address}}\n", None),
    # kube-linter tests/checks/pdb-max-unavailable.yaml, host-network.yml, latest-tag.yml
    ("kube-linter pdb-max-unavailable.yaml", "pdb-max-unavailable", 1,
     "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: p}\nspec: {maxUnavailable: 0, selector: {matchLabels: {app: web}}}\n", None),
    ("kube-linter host-network.yml", "host-network", 1, deployment("web", C, pod="hostNetwork: true\n"), None),
    ("kube-linter latest-tag.yml", "latest-tag", 1, deployment("web", "- {name: app, image: 'app:latest'}\n"), None),
    # kube-linter tests/checks/unset-memory-requirements.yml: requirementsType limit
    ("kube-linter unset-memory-requirements.yml", "unset-memory-requirements", 1,
     deployment("web", "- name: app\n  image: app:1.0\n  resources: {requests: {memory: 64Mi}}\n"), None),
    # kube-linter tests/checks/init-container-security-gap.yml: an init container overriding runAsNonRoot
    ("kube-linter init-container-security-gap.yml override", "init-container-security-gap", 1,
     "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  securityContext: {runAsNonRoot: true}\n"
     "  initContainers: [{name: init, image: 'busybox:1.36', securityContext: {runAsNonRoot: false}}]\n"
     "  containers: [{name: app, image: 'app:1.0'}]\n", None),
    # kube-linter tests/checks/sorted-keys.yaml test cases 5 (unsorted ConfigMap) and 10 (sorted NetworkPolicy)
    ("kube-linter sorted-keys.yaml case 5", "sorted-keys", 2,
     "apiVersion: v1\nkind: ConfigMap\ndata:\n  zebra: z\n  apple: a\nmetadata:\n  name: unsorted-configmap\n", None),
    ("kube-linter sorted-keys.yaml case 10", "sorted-keys", 0,
     "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: api\n  namespace: production\nspec:\n"
     "  ingress:\n    - from: [{podSelector: {matchLabels: {app: web}}}]\n      ports: [{port: 8080, protocol: TCP}]\n"
     "  podSelector:\n    matchLabels: {app: api}\n  policyTypes: [Ingress]\n", None),
    # kube-score score/testdata/pod-env-duplicated.yaml (bar and baz repeated) / pod-env-ok.yaml
    ("kube-score pod-env-duplicated.yaml", "environment-variable-key-duplication", 2,
     "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: c:1\n"
     "    env: [{name: foo, value: f}, {name: bar, value: b}, {name: bar, value: b}, {name: baz, value: z}, {name: baz, value: z}]\n", None),
    ("kube-score pod-env-ok.yaml", "environment-variable-key-duplication", 0,
     "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: c, image: 'c:1', env: [{name: foo, value: f}, {name: bar, value: b}]}\n", None),
    # kube-score pod-container-ports-duplicate-names.yaml / pod-container-ports-ok.yaml
    ("kube-score pod-container-ports-duplicate-names.yaml", "container-ports-check", 1,
     deployment("app", "- name: app\n  image: app:dev\n  ports: [{name: app, containerPort: 80}, {name: app, containerPort: 8080}]\n"), None),
    ("kube-score pod-container-ports-ok.yaml", "container-ports-check", 0,
     deployment("app", "- name: app\n  image: app:dev\n  ports: [{name: app, containerPort: 80}, {name: metrics, containerPort: 8080}]\n"), None),
    # kube-score deployment-poddisruptionbudget-v1-no-policy.yaml / -v1-matches.yaml
    ("kube-score deployment-poddisruptionbudget-v1-no-policy.yaml", "poddisruptionbudget-has-policy", 1,
     "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: b}\nspec: {selector: {matchLabels: {app: foo}}}\n", None),
    ("kube-score deployment-poddisruptionbudget-v1-matches.yaml", "poddisruptionbudget-has-policy", 0,
     "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: b}\nspec: {minAvailable: 2, selector: {matchLabels: {app: foo}}}\n", None),
    # kube-score cronjob-batchv1-restartpolicy-invalid.yaml (misspelt `RestartPolicy`) / -beta1-restartpolicy-valid.yaml
    ("kube-score cronjob-batchv1-restartpolicy-invalid.yaml", "cronjob-restartpolicy", 1,
     "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  schedule: '* * * * *'\n  startingDeadlineSeconds: 5\n"
     "  jobTemplate:\n    spec:\n      template:\n        spec:\n          RestartPolicy: Once\n          containers: [{name: c, image: 'c:7'}]\n", None),
    ("kube-score cronjob-batchv1beta1-restartpolicy-valid.yaml", "cronjob-restartpolicy", 0,
     "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  schedule: '* * * * *'\n"
     "  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers: [{name: c, image: 'c:7'}]\n", None),
    # kube-score cronjob-deadline-not-set.yaml / cronjob-deadline-set.yaml
    ("kube-score cronjob-deadline-not-set.yaml", "cronjob-has-deadline", 1,
     "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  schedule: '* * * * *'\n"
     "  jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: c, image: 'c:1'}]}}}}\n", None),
    ("kube-score cronjob-deadline-set.yaml", "cronjob-has-deadline", 0,
     "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  schedule: '* * * * *'\n  startingDeadlineSeconds: 100\n"
     "  jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: c, image: 'c:1'}]}}}}\n", None),
    # kube-score hpa-min-replicas-nok.yaml / hpa-min-replicas-ok.yaml (--min-replicas-hpa 2)
    ("kube-score hpa-min-replicas-nok.yaml", "horizontalpodautoscaler-replicas", 1,
     "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: php}\n"
     "spec: {minReplicas: 1, maxReplicas: 10, scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: php}}\n", None),
    ("kube-score hpa-min-replicas-ok.yaml", "horizontalpodautoscaler-replicas", 0,
     "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: php}\n"
     "spec: {minReplicas: 2, maxReplicas: 10, scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: php}}\n", None),
    # kube-score hpa-has-no-target.yaml
    ("kube-score hpa-has-no-target.yaml", "horizontalpodautoscaler-has-target", 1,
     "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: php}\n"
     "spec: {minReplicas: 2, maxReplicas: 10, scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: not-found}}\n---\n"
     + deployment("php", C), None),
    # kube-score pod-probes-identical-http.yaml
    ("kube-score pod-probes-identical-http.yaml", "pod-probes-identical", 1,
     deployment("web", "- name: app\n  image: app:1.0\n  readinessProbe: {httpGet: {path: /health, port: 8080}}\n"
                "  livenessProbe: {httpGet: {path: /health, port: 8080}}\n"), None),
    # kube-score pod-probes-all-missing.yaml (a Service targets the pod)
    ("kube-score pod-probes-all-missing.yaml", "pod-probes", 1,
     deployment("web", C) + "---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {selector: {app: web}, ports: [{port: 80}]}\n", None),
    # kube-score label-values (meta/labels_test.go: invalid value)
    ("kube-score meta/labels_test.go invalid value", "label-values", 1,
     "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm, labels: {foo: 'bar baz'}}\n", None),
    # kube-score podtopologyspreadconstraints_test.go: no labelSelector
    ("kube-score pod-topology-spread-constraints no-labelselector", "pod-topology-spread-constraints", 1,
     deployment("web", C, pod="topologySpreadConstraints: [{maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule}]\n"), None),
    ("kube-score pod-topology-spread-constraints valid", "pod-topology-spread-constraints", 0,
     deployment("web", C, pod="topologySpreadConstraints: [{maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule, "
                              "labelSelector: {matchLabels: {app: web}}}]\n"), None),
]


@pytest.mark.parametrize("origin, upstream_id, expected, fixture, options", CASES, ids=[c[0] for c in CASES])
def test_upstream_example_behaves_as_upstream_documents(origin, upstream_id, expected, fixture, options):
    rule = REGISTRY.resolve(upstream_id)
    assert rule is not None, f"no k8slint rule carries {upstream_id!r}"
    config = {"rules": {rule.id: options or "on"}}
    found = [f for f in lint_files({"manifest.yaml": fixture}, config=config) if f.rule_id == rule.id]
    assert len(found) == expected, f"{origin}: {rule.id} ({upstream_id}) expected {expected} finding(s), got {found}"


def test_enough_upstream_objects():
    assert len(CASES) >= 20


# Upstream objects where k8slint deliberately answers differently; each difference is stated in the
# rule's docs and in docs/coverage/<tool>.tsv. (origin, upstream id, upstream findings, k8slint findings, fixture)
DIFFERENCES = [
    # kube-linter tests/checks/init-container-security-gap.yml: the pod-level runAsNonRoot applies to init
    # containers, so an init container that does not override it is not a gap.
    ("kube-linter init-container-security-gap.yml fire-no-init-context", "init-container-security-gap", 1, 0,
     "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  securityContext: {runAsNonRoot: true}\n"
     "  initContainers: [{name: init, image: 'busybox:1.36'}]\n  containers: [{name: app, image: 'app:1.0'}]\n"),
    # kube-linter tests/checks/dangling-servicemonitor.yml app1/test2: no Service of the run in test2, so the
    # Service may be deployed elsewhere; kube-linter reports it.
    ("kube-linter dangling-servicemonitor.yml app1 in test2", "dangling-servicemonitor", 1, 0,
     "apiVersion: v1\nkind: Service\nmetadata: {name: app1, namespace: test1}\n---\n"
     "apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata: {name: app1}\n"
     "spec: {selector: {matchLabels: {app.kubernetes.io/name: app1}}, namespaceSelector: {matchNames: [test2]}}\n"),
    # kube-score pod-probes: only pods targeted by a Service need probes; k8slint asks every long-running container.
    ("kube-score pod-probes-all-missing.yaml without a Service", "pod-probes", 0, 1, deployment("web", C)),
]


@pytest.mark.parametrize("origin, upstream_id, upstream, ours, fixture", DIFFERENCES, ids=[c[0] for c in DIFFERENCES])
def test_documented_difference(origin, upstream_id, upstream, ours, fixture):
    rule = REGISTRY.resolve(upstream_id)
    assert rule is not None
    found = [f for f in lint_files({"manifest.yaml": fixture}, config={"rules": {rule.id: "on"}}) if f.rule_id == rule.id]
    assert upstream != ours and len(found) == ours, f"{origin}: expected {ours} (upstream: {upstream}), got {found}"
