from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule

_KINDS = ("ValidatingWebhookConfiguration", "MutatingWebhookConfiguration")


@rule(
    id="KS164", name="webhook-fails-open", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="An admission webhook uses `failurePolicy: Ignore`, so requests pass unchecked when it is down",
    remediation="Set `failurePolicy: Fail` and keep the webhook highly available (replicas, PodDisruptionBudget)",
    aliases=("webhook-failure-policy-ignore",), enabled_by_default=False,
    references=("https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#failure-policy",),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Each webhook of a `ValidatingWebhookConfiguration` or `MutatingWebhookConfiguration`
    (admissionregistration.k8s.io) whose `failurePolicy` is `Ignore` (kube-linter
    `webhook-failure-policy-ignore`). An unset policy defaults to `Fail` in
    `admissionregistration.k8s.io/v1` and is not reported. Off by default, as in kube-linter:
    many webhooks (defaulting, metrics injection) fail open on purpose.

    ## Why it matters
    A policy webhook that fails open stops enforcing as soon as it is unreachable: crashing it,
    or flooding it until it times out, is enough to create the objects it was meant to reject.

    ## Example
    ```yaml
    apiVersion: admissionregistration.k8s.io/v1
    kind: ValidatingWebhookConfiguration
    metadata: {name: policy}
    webhooks:
      - name: policy.example.com
        failurePolicy: Ignore
        clientConfig: {service: {name: policy, namespace: policy}}
        admissionReviewVersions: [v1]
        sideEffects: None
    ```

    ## Use instead
    ```yaml
    apiVersion: admissionregistration.k8s.io/v1
    kind: ValidatingWebhookConfiguration
    metadata: {name: policy}
    webhooks:
      - name: policy.example.com
        failurePolicy: Fail
        clientConfig: {service: {name: policy, namespace: policy}}
        admissionReviewVersions: [v1]
        sideEffects: None
    ```
    """
    if obj.kind not in _KINDS or not obj.group.startswith("admissionregistration.k8s.io"):
        return
    hooks = obj.get("webhooks")
    if not isinstance(hooks, list):
        return
    for i, hook in enumerate(hooks):
        if isinstance(hook, dict) and hook.get("failurePolicy") == "Ignore":
            name = hook.get("name") or f"#{i + 1}"
            yield report(obj.at("webhooks", i, "failurePolicy"),
                         f"webhook `{name}` fails open (`failurePolicy: Ignore`)")
