from __future__ import annotations

import re
from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, containers, looks_like_literal_secret, report, rule
from linter.secrets import looks_like_secret_flag

# `--password=value`, `-p=value`, `PASSWORD=value` inside one argument (also inside `sh -c` scripts)
_INLINE = r"(?:^|[\s;&|(])(--?[A-Za-z][A-Za-z0-9_.-]*|[A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|'[^']*'|[^\s;&|)]+)"
_FLAG = r"^--?[A-Za-z][A-Za-z0-9_.-]*$"
# `scheme://user:password@host`: a password inlined in a connection URL
_URL_PASSWORD = r"[A-Za-z][A-Za-z0-9+.-]*://[^/\s:@'\"]*:([^/\s@'\"]+)@"


def _literal(value: str) -> bool:
    text = value.strip().strip("'\"")
    return "$" not in text and "{{" not in text and looks_like_literal_secret(text)


@rule(
    id="KS206", name="secret-in-command-args", target=Target.K8S_OBJECT, severity=Severity.ERROR,
    summary="A container passes a literal secret on its command line (`--password=...`)",
    remediation="Read the value from a Secret: an env var with `secretKeyRef` referenced as `$(VAR)`, or a mounted file",
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    The `command` and `args` of every container, init container and ephemeral container for
    flags whose name ends in a credential word (`--password=hunter2`, `--api-key abc123`,
    `-db-token=...`), assignments such as `DB_PASSWORD=...` inside a `sh -c` script and
    connection URLs with an inline password (`postgres://app:s3cret@db/app`), when the
    value is a literal: `$(VAR)`/`$VAR` references, file paths, booleans, numbers and
    placeholders are not secrets. Findings name the flag, never its value.

    ## Why it matters
    A literal on the command line lives in Git, in `kubectl get -o yaml`, in `ps` output on the
    node and in audit logs, readable by anyone who can read the workload.

    ## Example
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: backup}
    spec:
      containers:
        - name: backup
          image: example/backup:1.0.0
          args: ["--host=db", "--password=s3cr3t-Pa55"]
    ```

    ## Use instead
    ```yaml
    apiVersion: v1
    kind: Pod
    metadata: {name: backup}
    spec:
      containers:
        - name: backup
          image: example/backup:1.0.0
          args: ["--host=db", "--password=$(DB_PASSWORD)"]
          env:
            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef: {name: db, key: password}
    ```
    """
    for c in containers(obj):
        for field in ("command", "args"):
            items = c.node.get(field)
            if not isinstance(items, list):
                continue
            for i, item in enumerate(items):
                if not isinstance(item, str):
                    continue
                flag = None
                for m in re.finditer(_INLINE, item):
                    if looks_like_secret_flag(m.group(1)) and _literal(m.group(2)):
                        flag = m.group(1)
                        break
                if flag is None and re.match(_FLAG, item) and looks_like_secret_flag(item) and i + 1 < len(items):
                    nxt = items[i + 1]
                    if isinstance(nxt, str) and not nxt.startswith("-") and _literal(nxt):
                        flag = item
                        i = i + 1
                if flag is None:
                    m = re.search(_URL_PASSWORD, item)
                    if m and _literal(m.group(1)):
                        yield report(c.at(field, i),
                                     f"container `{c.name}` passes a URL with an inline password ({field}[{i}]); read it from a Secret",
                                     redact=True)
                    continue
                yield report(c.at(field, i),
                             f"container `{c.name}` passes a literal secret in `{flag}` ({field}[{i}]); read it from a Secret",
                             redact=True)
