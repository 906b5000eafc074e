from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, containers, parse_image, report, rule

_TILLER_PORT = 44134


def _is_tiller_labels(labels: object) -> bool:
    return isinstance(labels, dict) and (labels.get("app") == "helm" and labels.get("name") == "tiller")


@rule(
    id="KS180", name="tiller-deployed", target=Target.K8S_OBJECT, severity=Severity.ERROR,
    summary="Helm v2's Tiller server is deployed",
    remediation="Migrate to Helm 3 (no in-cluster component) and delete Tiller's Deployment and Service",
    aliases=("CKV_K8S_34", "CKV_K8S_44", "CKV_K8S_45", "KSV102"),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A container running the `tiller` image (any registry, e.g. `gcr.io/kubernetes-helm/tiller`),
    and a `Service` selecting Tiller's pods (`app: helm`, `name: tiller`) or exposing its gRPC
    port 44134.

    ## Why it matters
    Helm v2 is unsupported since 2020. Tiller runs with cluster-admin rights and, by default,
    answers unauthenticated gRPC on port 44134: any pod that can reach it can install anything
    into the cluster.

    ## Example
    ```yaml
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: tiller-deploy, namespace: kube-system}
    spec:
      selector: {matchLabels: {app: helm, name: tiller}}
      template:
        metadata: {labels: {app: helm, name: tiller}}
        spec:
          containers:
            - name: tiller
              image: gcr.io/kubernetes-helm/tiller:v2.16.12
    ```

    ## Use instead
    ```yaml
    apiVersion: batch/v1
    kind: Job
    metadata: {name: deploy, namespace: ci}
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
            - name: helm
              image: alpine/helm:3.15.2
    ```
    """
    if obj.kind == "Service" and obj.group == "":
        selector = obj.get("spec", "selector")
        if _is_tiller_labels(selector):
            yield report(obj.at("spec", "selector"), f"Service `{obj.name}` exposes Helm v2's Tiller")
            return
        ports = obj.get("spec", "ports")
        for i, port in enumerate(ports if isinstance(ports, list) else []):
            if isinstance(port, dict) and _TILLER_PORT in (port.get("port"), port.get("targetPort")):
                yield report(obj.at("spec", "ports", i), f"Service `{obj.name}` exposes Tiller's port {_TILLER_PORT}")
                return
        return
    for c in containers(obj):
        image = c.node.get("image")
        if isinstance(image, str) and image.strip() and parse_image(image).short_name == "tiller":
            yield report(c.at("image"), f"container `{c.name}` runs Helm v2's Tiller (`{image}`)")
