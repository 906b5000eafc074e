from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, pod_spec, report, rule


@dataclass(frozen=True)
class Options:
    max_expiration_seconds: int = 86400


@rule(
    id="KS246", name="long-lived-projected-token", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="A projected service account token volume asks for a token valid longer than a day",
    remediation="Set `expirationSeconds` to 3600 or less; the kubelet refreshes the token before it expires",
    aliases=("projected-token-long-expiration",), options=Options,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `projected` volumes of every pod-bearing kind with a `serviceAccountToken` source whose
    `expirationSeconds` is above `max-expiration-seconds` (default 86400, 24 hours).

    ## Why it matters
    A token stolen from the pod stays valid for its whole lifetime; the kubelet rotates
    projected tokens automatically, so a short lifetime costs nothing.

    ## Example
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: api}
    spec:
      containers: []
      volumes:
        - name: token
          projected:
            sources:
              - serviceAccountToken: {path: token, audience: vault, expirationSeconds: 604800}
    ```

    ## Use instead
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: api}
    spec:
      containers: []
      volumes:
        - name: token
          projected:
            sources:
              - serviceAccountToken: {path: token, audience: vault, expirationSeconds: 3600}
    ```

    ## Options
    - `max-expiration-seconds` (default `86400`): the longest accepted token lifetime.
    """
    found = pod_spec(obj)
    if found is None:
        return
    path, spec = found
    limit = (ctx.options or Options()).max_expiration_seconds
    volumes = spec.get("volumes")
    if not isinstance(volumes, list):
        return
    for i, v in enumerate(volumes):
        sources = v.get("projected", {}).get("sources") if isinstance(v, dict) and isinstance(v.get("projected"), dict) else None
        if not isinstance(sources, list):
            continue
        for j, s in enumerate(sources):
            tok = s.get("serviceAccountToken") if isinstance(s, dict) else None
            exp = tok.get("expirationSeconds") if isinstance(tok, dict) else None
            if isinstance(exp, int) and not isinstance(exp, bool) and exp > limit:
                yield report(obj.at(*path, "volumes", i, "projected", "sources", j, "serviceAccountToken", "expirationSeconds"),
                             f"volume `{v.get('name')}` projects a service account token valid for {exp} s (more than {limit} s)")
