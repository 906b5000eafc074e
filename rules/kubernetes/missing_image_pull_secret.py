from __future__ import annotations

from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import Any, Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, containers, parse_image, pod_spec, report, rule

PUBLIC_REGISTRIES = (
    "docker.io", "index.docker.io", "registry-1.docker.io", "registry.k8s.io", "k8s.gcr.io", "gcr.io", "ghcr.io",
    "quay.io", "mcr.microsoft.com", "public.ecr.aws", "registry.access.redhat.com", "docker.elastic.co", "nvcr.io",
    "registry.gitlab.com", "cgr.dev", "registry.istio.io", "docker.mirror.hashicorp.services", "xpkg.upbound.io",
    "registry.opensource.zalan.do", "registry.suse.com", "*.gcr.io", "*-docker.pkg.dev", "*.dkr.ecr.*.amazonaws.com",
    "*.azurecr.io", "localhost", "localhost:*", "127.0.0.1:*",
)


@dataclass(frozen=True)
class Options:
    private_registries: tuple[str, ...] = ()
    public_registries: tuple[str, ...] = PUBLIC_REGISTRIES


def _has(value: Any) -> bool:
    return isinstance(value, list) and any(isinstance(v, dict) and v.get("name") for v in value)


def _same_ns(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


@rule(
    id="KS241", name="missing-image-pull-secret", target=Target.K8S_PROJECT, severity=Severity.WARNING,
    summary="A container pulls from a private registry but neither the pod nor its ServiceAccount has imagePullSecrets",
    remediation="Add `imagePullSecrets` to the pod spec or to the ServiceAccount it runs as",
    options=Options, enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Containers of every pod-bearing kind whose image names a private registry host, when the
    pod spec has no `imagePullSecrets` and the ServiceAccount it runs as, looked up among the
    objects of the run (same name and namespace), has none either. A pod running as a named
    ServiceAccount that the run does not define is not reported (the account may carry the
    secret in the cluster); the `default` account counts as having none unless the run
    defines it with some. Off by default, because which registries need credentials depends
    on the cluster.

    A host is private when it matches `private-registries` or, when that option is empty,
    when it matches none of `public-registries`. The public list covers Docker Hub,
    registry.k8s.io, gcr.io, ghcr.io, quay.io, mcr.microsoft.com, public.ecr.aws and others,
    plus cloud registries that nodes usually reach with their own identity (ECR, Artifact
    Registry, ACR). Images without a registry host (Docker Hub) and templated images are skipped.

    ## Why it matters
    The kubelet cannot pull the image: the pod stays in `ImagePullBackOff` and the rollout
    never completes.

    ## Example
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: api}
    spec:
      containers:
        - name: api
          image: registry.example.com/team/api:1.0.0
    ```

    ## Use instead
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: api}
    spec:
      imagePullSecrets: [{name: registry-example}]
      containers:
        - name: api
          image: registry.example.com/team/api:1.0.0
    ```

    ## Options
    - `private-registries` (default empty): host patterns (shell globs such as
      `registry.example.com` or `*.corp.example`) that need credentials; when set, only
      these are checked.
    - `public-registries`: host patterns that never need credentials (used when
      `private-registries` is empty).
    """
    found = pod_spec(obj)
    if found is None:
        return
    _, spec = found
    if _has(spec.get("imagePullSecrets")):
        return
    opts: Options = ctx.options or Options()

    def private(host: str) -> bool:
        host = host.lower()
        if opts.private_registries:
            return any(fnmatchcase(host, p.lower()) for p in opts.private_registries)
        return not any(fnmatchcase(host, p.lower()) for p in opts.public_registries)

    bad = []
    for c in containers(obj):
        raw = c.node.get("image")
        if not isinstance(raw, str) or not raw.strip() or "{{" in raw or "$" in raw:
            continue
        image = parse_image(raw)
        if image.registry and private(image.registry):
            bad.append((c, image.registry))
    if not bad:
        return
    sa_name = spec.get("serviceAccountName") or spec.get("serviceAccount") or "default"
    sa = None
    if ctx.project is not None:
        sa = next((o for o in ctx.project.objects if o.kind == "ServiceAccount" and not o.group
                   and o.name == str(sa_name) and _same_ns(o.namespace, obj.namespace)), None)
    if sa is None and sa_name != "default":
        return
    if sa is not None and _has(sa.root.get("imagePullSecrets")):
        return
    for c, host in bad:
        yield report(c.at("image"),
                     f"container `{c.name}` pulls from `{host}` but neither the pod nor ServiceAccount `{sa_name}` has imagePullSecrets")
