from __future__ import annotations

from typing import Any, Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.imagelink import ImageLinkOptions, final_user, linked_containers
from linter.sources.k8s import pod_spec

ROOT_USERS = {"root", "0"}
NON_ROOT_HINTS = ("nonroot", "non-root", "rootless")


def _effective(container: dict[str, Any], pod: dict[str, Any], key: str) -> tuple[Any, str]:
    """A securityContext setting of the container, else of the pod; and which one set it."""
    csc = container.get("securityContext")
    if isinstance(csc, dict) and key in csc and csc[key] is not None:
        return csc[key], "container"
    psc = pod.get("securityContext")
    if isinstance(psc, dict) and key in psc:
        return psc[key], "pod"
    return None, ""


@rule(
    id="KS320", name="run-as-non-root-with-root-image", target=Target.K8S_PROJECT, severity=Severity.ERROR,
    summary="runAsNonRoot is set but the image built by the run's Dockerfile runs as root or a non-numeric user",
    remediation="Set a numeric non-root `USER` in the Dockerfile (e.g. `USER 10001`), or `runAsUser` in the securityContext",
    options=ImageLinkOptions,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A container with `runAsNonRoot: true` (its own securityContext, else the pod's) and no
    `runAsUser`, whose image is built by a Dockerfile of the same run, when that Dockerfile's
    final stage (following `FROM <earlier stage>`) sets no `USER`, sets `root`/`0`, or sets a
    user **name** rather than a number. Base images tagged `nonroot`/`rootless` are trusted when
    no `USER` is set.

    Image matching: the option `images` maps an image repository (`registry/repo`, `repo` or its
    last segment) to a Dockerfile path; otherwise the one Dockerfile of the run whose folder
    (`api/Dockerfile`) or file name (`Dockerfile.api`, `api.Dockerfile`) equals the image's last
    path segment is used. Ambiguous, digest-pinned (by name) or variable images are not matched.

    ## Why it matters
    The kubelet refuses to start the container: `container has runAsNonRoot and image will run
    as root`, or `image has non-numeric user (app), cannot verify user is non-root`. The pod
    stays in `CreateContainerConfigError` although both files look right on their own.

    ## Example
    ```dockerfile api/Dockerfile
    FROM alpine:3.20
    COPY api /usr/local/bin/api
    ENTRYPOINT ["api"]
    ```
    ```yaml deploy.yaml
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: api}
    spec:
      selector: {matchLabels: {app: api}}
      template:
        metadata: {labels: {app: api}}
        spec:
          securityContext: {runAsNonRoot: true}
          containers: [{name: api, image: "ghcr.io/acme/api:1.4.0"}]
    ```

    ## Use instead
    ```dockerfile api/Dockerfile
    FROM alpine:3.20
    COPY api /usr/local/bin/api
    ENTRYPOINT ["api"]
    ```
    ```yaml deploy.yaml
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: api}
    spec:
      selector: {matchLabels: {app: api}}
      template:
        metadata: {labels: {app: api}}
        spec:
          securityContext: {runAsNonRoot: true, runAsUser: 10001}
          containers: [{name: api, image: "ghcr.io/acme/api:1.4.0"}]
    ```

    ## Options
    - `images` (mapping, default `{}`): image repository -> Dockerfile path, e.g.
      `{"ghcr.io/acme/api": "services/api/Dockerfile"}`.
    """
    links = list(linked_containers(ctx.project, obj, ctx.options))  # first: most workloads link no Dockerfile
    found = pod_spec(obj) if links else None
    if found is None:
        return
    base, pod = found
    for c, df in links:
        non_root, level = _effective(c.node, pod, "runAsNonRoot")
        if non_root is not True:
            continue
        user_id, _ = _effective(c.node, pod, "runAsUser")
        if isinstance(user_id, int) and not isinstance(user_id, bool):
            continue
        anchor = c.at("securityContext", "runAsNonRoot") if level == "container" else obj.at(*base, "securityContext", "runAsNonRoot")
        user, origin = final_user(df)
        if user is None:
            image = ((origin.base or origin.base_raw) if origin else "").lower()
            if any(h in image for h in NON_ROOT_HINTS):
                continue
            yield report(anchor, f"container `{c.name}` requires a non-root user but its image ({df.path}) sets no USER "
                                 f"and runs as root: the kubelet will refuse to start it")
            continue
        name = user.args.strip().split(":", 1)[0].strip()
        if name.lower() in ROOT_USERS:
            yield report(anchor, f"container `{c.name}` requires a non-root user but its image ({df.path}, line "
                                 f"{user.line}) runs as `{user.args.strip()}`: the kubelet will refuse to start it")
        elif not name.isdigit() and "$" not in name:
            yield report(anchor, f"container `{c.name}` requires a non-root user but its image ({df.path}, line "
                                 f"{user.line}) sets the non-numeric user `{name}`, which the kubelet cannot verify; "
                                 f"set `runAsUser` or a numeric USER")
