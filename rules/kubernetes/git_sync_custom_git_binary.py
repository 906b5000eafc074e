from __future__ import annotations

from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, containers, report, rule

_VARS = frozenset({"GITSYNC_GIT", "GIT_SYNC_GIT"})


@rule(
    id="KS186", name="git-sync-custom-git-binary", target=Target.K8S_OBJECT, severity=Severity.WARNING,
    summary="A container sets git-sync's `GITSYNC_GIT`, which chooses the binary git-sync executes",
    remediation="Remove `GITSYNC_GIT` / `GIT_SYNC_GIT` and use the git binary shipped in the git-sync image",
    aliases=("CKV_K8S_159",),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    An `env` entry named `GITSYNC_GIT` (git-sync v4) or `GIT_SYNC_GIT` (v3) in any container.

    ## Why it matters
    git-sync runs whatever program the variable names, as git. Anyone who can edit the
    workload's environment (or a ConfigMap it reads) gets command execution in the pod, with
    its service account and the repository credentials (Akamai, DEF CON 32, 2024).

    ## Example
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: docs}
    spec:
      containers:
        - name: git-sync
          image: registry.k8s.io/git-sync/git-sync:v4.2.4
          env:
            - {name: GITSYNC_REPO, value: "https://github.com/example/docs"}
            - {name: GITSYNC_GIT, value: /tmp/git}
    ```

    ## Use instead
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: docs}
    spec:
      containers:
        - name: git-sync
          image: registry.k8s.io/git-sync/git-sync:v4.2.4
          env:
            - {name: GITSYNC_REPO, value: "https://github.com/example/docs"}
    ```
    """
    for c in containers(obj):
        env = c.node.get("env")
        for i, var in enumerate(env if isinstance(env, list) else []):
            if isinstance(var, dict) and var.get("name") in _VARS:
                yield report(c.at("env", i, "name"), f"container `{c.name}` sets `{var.get('name')}`: git-sync will run that program as git")
