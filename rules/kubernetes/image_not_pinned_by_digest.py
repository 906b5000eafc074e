from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, containers, parse_image, report, rule
from linter.sources.workload import is_templated


@rule(
    id="KS103", name="image-not-pinned-by-digest", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="A container image is referenced by tag, not by digest",
    remediation="Reference the image by digest (`nginx:1.27@sha256:...`); let a bot such as Renovate update it",
    aliases=("image-sha", "CKV_K8S_43"),
    enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Containers, init containers and ephemeral containers whose `image` has no `@sha256:` digest
    (kube-linter's `image-not-pinned-by-digest` and `image-sha`, checkov's CKV_K8S_43). A
    `latest` or untagged image is `unpinned-container-image`'s and is not reported again. Off by
    default, as in kube-linter.

    ## Why it matters
    A tag can be moved to another image at any time, by the publisher or by whoever compromises
    the registry account; a digest names exactly one image.

    ## Example
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27.2
    ```

    ## Use instead
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27.2@sha256:2d194184b067db3598771b4cf326cfe6ad5051937ba1132b8b7d4b0184e0d0a6
    ```
    """
    for c in containers(obj):
        raw = c.node.get("image")
        if not isinstance(raw, str) or not raw.strip() or is_templated(raw) or "$" in raw:
            continue
        image = parse_image(raw)
        if image.digest is None and image.is_pinned:
            yield report(c.at("image"), f"container `{c.name}` uses `{raw}` by tag, not by digest")
