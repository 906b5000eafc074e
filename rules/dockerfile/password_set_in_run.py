from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule, run_commands

# passwd options that lock, expire or query an account instead of setting a password
HARMLESS_PASSWD = {"-l", "--lock", "-S", "--status", "-e", "--expire", "-n", "-x", "-w", "-i", "--mindays",
                   "--maxdays", "--warndays", "--inactive", "-a", "--all", "-h", "--help"}


@rule(
    id="DF304", name="password-set-in-run", target=Target.DOCKERFILE, severity=Severity.WARNING,
    summary="A RUN sets or removes an account password with chpasswd, passwd or usermod -p",
    remediation="Do not give image accounts passwords: lock them (`passwd -l`), use key-based access or "
                "inject credentials at run time",
    aliases=("CKV2_DOCKER_17",),
    references=("https://github.com/bridgecrewio/checkov/blob/main/checkov/dockerfile/checks/graph_checks/RunChpasswd.yaml",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `RUN` commands that set or delete a password: `chpasswd` (usually fed `user:password` by
    `echo`), `passwd` (also `passwd -d`, which leaves the account without a password) and
    `usermod -p/--password`. `passwd -l` (lock), `-S` (status) and the ageing options
    (`-e`, `-n`, `-x`, `-w`, `-i`) do not set a password and are left alone.

    ## Why it matters
    The password is written into the Dockerfile and the image history (`docker history`
    shows every `RUN`), and every container started from the image shares it. An empty
    password (`passwd -d`) is worse: anyone with a shell in the container can become that user.

    ## Example
    ```dockerfile
    FROM debian:12
    RUN useradd -m app && echo 'app:changeme' | chpasswd
    ```

    ## Use instead
    ```dockerfile
    FROM debian:12
    RUN useradd -m app && passwd -l app
    USER app
    ```
    """
    for instr in df.instructions_of("RUN"):
        for cmd in run_commands(instr):
            if cmd.name == "chpasswd":
                yield report(instr.at("chpasswd"), "`chpasswd` sets a password that is baked into the image")
            elif cmd.name == "passwd" and not any(a in HARMLESS_PASSWD for a in cmd.args):
                what = "removes the password of" if cmd.has_flag("-d", "--delete") else "sets a password for"
                yield report(instr.at("passwd"), f"`passwd` {what} an account of the image")
            elif cmd.name == "usermod" and cmd.has_flag("-p", "--password"):
                yield report(instr.at("usermod"), "`usermod -p` sets a password that is baked into the image")
