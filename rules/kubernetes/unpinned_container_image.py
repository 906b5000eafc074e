from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, containers, parse_image, report, rule


@rule(
    id="KS003", name="unpinned-container-image", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="A container image uses `latest` or no tag",
    remediation="Pin the image to a version tag or a digest (`nginx:1.27.2`, `nginx@sha256:...`)",
    aliases=("latest-tag", "tagNotSpecified", "CKV_K8S_14", "container-image-tag", "KSV013"),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    The `image` of every container, init container and ephemeral container of every pod-bearing
    kind (Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob)
    that has the tag `latest` or no tag and no digest.

    ## Why it matters
    Nodes pull whatever `latest` is when a pod starts: replicas of one Deployment can run different
    code, and a rollback does not bring the old code back.

    ## Example
    ```yaml
    apiVersion: batch/v1
    kind: CronJob
    metadata: {name: backup}
    spec:
      schedule: "0 3 * * *"
      jobTemplate:
        spec:
          template:
            spec:
              restartPolicy: OnFailure
              containers:
                - name: backup
                  image: example/backup:latest
    ```

    ## Use instead
    ```yaml
    apiVersion: batch/v1
    kind: CronJob
    metadata: {name: backup}
    spec:
      schedule: "0 3 * * *"
      jobTemplate:
        spec:
          template:
            spec:
              restartPolicy: OnFailure
              containers:
                - name: backup
                  image: example/backup:2.4.1
    ```
    """
    for c in containers(obj):
        raw = c.node.get("image")
        if not isinstance(raw, str) or not raw.strip() or "{{" in raw or "$" in raw:
            continue
        image = parse_image(raw)
        if image.is_pinned:
            continue
        what = "the `latest` tag" if image.is_latest else "no tag"
        yield report(c.at("image"), f"container `{c.name}` uses image `{raw}` with {what}; pin a version")
