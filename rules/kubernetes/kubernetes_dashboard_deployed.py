from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, containers, parse_image, report, rule



def _is_dashboard(image: str) -> bool:
    ref = parse_image(image)
    if ref.short_name == "kubernetes-dashboard" or ref.short_name.startswith("kubernetes-dashboard-"):
        return True
    # kubernetesui/dashboard (v2) and docker.io/kubernetesui/dashboard-api|web|auth (v3)
    owner = ref.repository.rsplit("/", 2)
    return len(owner) >= 2 and owner[-2] == "kubernetesui" and ref.short_name.startswith("dashboard")


@rule(
    id="KS181", name="kubernetes-dashboard-deployed", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="The Kubernetes Dashboard is deployed",
    remediation="Use `kubectl` or a read-only, SSO-protected console instead; if you must, expose it only via `kubectl proxy`",
    aliases=("CKV_K8S_33",), enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A container running the Kubernetes Dashboard image (`kubernetesui/dashboard*`,
    `k8s.gcr.io/kubernetes-dashboard-amd64`). Off by default (`extends: strict` turns it on):
    deploying the dashboard can be a deliberate choice.

    ## Why it matters
    The dashboard is a web UI with the rights of its service account; exposed or bound to a
    powerful role it has been the entry point of real cluster takeovers (Tesla, 2018).

    ## Example
    ```yaml
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: kubernetes-dashboard, namespace: kubernetes-dashboard}
    spec:
      selector: {matchLabels: {k8s-app: kubernetes-dashboard}}
      template:
        metadata: {labels: {k8s-app: kubernetes-dashboard}}
        spec:
          containers:
            - name: kubernetes-dashboard
              image: kubernetesui/dashboard:v2.7.0
    ```

    ## Use instead
    ```yaml
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: grafana, namespace: monitoring}
    spec:
      selector: {matchLabels: {app: grafana}}
      template:
        metadata: {labels: {app: grafana}}
        spec:
          containers:
            - name: grafana
              image: grafana/grafana:11.1.0
    ```
    """
    for c in containers(obj):
        image = c.node.get("image")
        if isinstance(image, str) and image.strip() and _is_dashboard(image):
            yield report(c.at("image"), f"container `{c.name}` runs the Kubernetes Dashboard (`{image}`)")
