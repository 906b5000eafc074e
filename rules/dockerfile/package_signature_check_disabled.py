from __future__ import annotations

import re
from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule, run_commands

APT = {"apt-get", "apt", "aptitude"}
APT_FLAGS = ("--allow-unauthenticated", "--allow-insecure-repositories", "--force-yes")
_APT_OPTION = (
    r"(?i)^(APT::Get::AllowUnauthenticated|Acquire::AllowInsecureRepositories|Acquire::AllowDowngradeToInsecureRepositories)"
    r"=['\"]?(1|true|yes)['\"]?$"
)
RPM_FAMILY = {"yum", "dnf", "microdnf", "tdnf", "rpm"}
RPM_FLAGS = ("--nogpgcheck", "--nosignature", "--nodigest", "--nofiledigest", "--noverify")
_GPGCHECK = r"(?i)^(?:[^=\s]+\.)?(?:repo_|localpkg_)?gpgcheck=['\"]?(0|false|no)['\"]?$"
APK_INSTALLS = {"add", "fix", "upgrade"}  # `apk index --allow-untrusted` only builds a local index
_LOCAL_REPO = r"\]\s*(file|copy):"  # a repository of packages built in the same build
_TRUSTED = r"\[[^\]]*\btrusted=yes\b[^\]]*\]"


def _problem(name: str, args: tuple[str, ...]) -> str | None:
    if name in APT:
        for i, a in enumerate(args):
            if a in APT_FLAGS:
                return a
            value = args[i + 1] if a == "-o" and i + 1 < len(args) else (a[2:] if a.startswith("-o") else "")
            if value and re.match(_APT_OPTION, value):
                return value
    elif name in RPM_FAMILY:
        for i, a in enumerate(args):
            if a in RPM_FLAGS and not (name == "rpm" and a == "--noverify" and "-V" in args):
                return a
            value = a[len("--setopt="):] if a.startswith("--setopt=") else (
                a if i > 0 and args[i - 1] == "--setopt" else "")
            if value and re.match(_GPGCHECK, value):
                return a
    elif name == "zypper":
        for a in args:
            if a in ("--no-gpg-checks", "--no-gpg-check"):
                return a
    elif name == "apk":
        sub = next((a for a in args if not a.startswith("-")), "")
        if "--allow-untrusted" in args and sub in APK_INSTALLS:
            return "--allow-untrusted"
    elif name in ("echo", "printf", "tee"):
        for a in args:
            m = re.search(_TRUSTED, a)
            if m and "deb" in a.split() and not re.search(_LOCAL_REPO, a):
                return m.group(0)
    return None


@rule(
    id="DF303", name="package-signature-check-disabled", target=Target.DOCKERFILE, severity=Severity.WARNING,
    summary="A package manager installs packages without checking their signatures",
    remediation="Import the repository's signing key (apt `signed-by=`, `rpm --import`, apk keys) instead of "
                "turning the check off",
    aliases=("CKV2_DOCKER_7", "CKV2_DOCKER_8", "CKV2_DOCKER_9", "CKV2_DOCKER_10", "CKV2_DOCKER_11"),
    references=("https://github.com/bridgecrewio/checkov/tree/main/checkov/dockerfile/checks/graph_checks",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `RUN` commands that turn package signature checks off:
    - apt: `--allow-unauthenticated`, `--allow-insecure-repositories`, `--force-yes`,
      `-o APT::Get::AllowUnauthenticated=true`, `-o Acquire::AllowInsecureRepositories=true`,
      and a `deb [trusted=yes] ...` source line written with `echo`/`printf`/`tee` (except for a
      local `file:` repository of packages built in the same image, as the official images do);
    - yum/dnf/microdnf/tdnf: `--nogpgcheck`, `--setopt=gpgcheck=0`;
    - rpm: `--nogpgcheck`, `--nosignature`, `--nodigest`, `--nofiledigest`, `--noverify`
      (`rpm -V --noverify` is a query, not an install, and is left alone);
    - zypper: `--no-gpg-checks`; apk: `apk add/fix/upgrade --allow-untrusted` (`apk index
      --allow-untrusted` builds a local index and is left alone).

    ## Why it matters
    The signature is what proves a package comes from the distribution or vendor: without it
    a mirror, a proxy or anyone on the network path can serve a modified package, and it runs
    as root during the build.

    ## Example
    ```dockerfile
    FROM debian:12
    RUN apt-get update && apt-get install -y --allow-unauthenticated curl
    ```

    ## Use instead
    ```dockerfile
    FROM debian:12
    RUN apt-get update && apt-get install -y --no-install-recommends curl
    ```
    """
    for instr in df.instructions_of("RUN"):
        for cmd in run_commands(instr):
            token = _problem(cmd.name, cmd.args)
            if token is not None:
                yield report(instr.at(token), f"`{cmd.name}` runs with `{token}`, which skips package signature checks")
