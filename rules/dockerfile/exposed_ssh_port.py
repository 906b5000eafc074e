from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule

SSH_PORTS = {"22", "22/tcp"}


@rule(
    id="DF306", name="exposed-ssh-port", target=Target.DOCKERFILE, severity=Severity.WARNING,
    summary="The image exposes the SSH port 22",
    remediation="Do not run sshd in containers; use `docker exec` / `kubectl exec` to get a shell",
    aliases=("CKV_DOCKER_1", "DS004"),
    references=("https://github.com/bridgecrewio/checkov/blob/main/checkov/dockerfile/checks/ExposePort22.py",
                "https://avd.aquasec.com/misconfig/ds004"),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    An `EXPOSE` that lists port 22 (`22` or `22/tcp`).

    ## Why it matters
    Port 22 means an SSH daemon in the container: one more long-running process, host keys
    and credentials baked into the image, and a remote login surface that `docker exec` and
    `kubectl exec` make unnecessary.

    ## Example
    ```dockerfile
    FROM debian:12
    EXPOSE 22 8080
    ```

    ## Use instead
    ```dockerfile
    FROM debian:12
    EXPOSE 8080
    ```
    """
    for instr in df.instructions_of("EXPOSE"):
        words = instr.args.split()
        for idx, word in enumerate(words):
            if word.lower() in SSH_PORTS:
                # point at the token unless an earlier word (`8022`) contains the same text
                clash = any(word in w for w in words[:idx])
                yield report(instr if clash else instr.at(word), "`EXPOSE 22` publishes an SSH port")
                break
