from __future__ import annotations

from typing import Iterator

from linter.api import Command, Context, Dockerfile, Report, Severity, Target, report, rule, run_commands

# manager -> (sub-commands that refresh the index, sub-commands that install or upgrade)
MANAGERS = {
    "apt-get": ({"update"}, {"install", "upgrade", "dist-upgrade", "full-upgrade", "build-dep", "source",
                             "reinstall"}),
    "apt": ({"update"}, {"install", "upgrade", "dist-upgrade", "full-upgrade", "build-dep", "source", "reinstall"}),
    "aptitude": ({"update"}, {"install", "upgrade", "safe-upgrade", "full-upgrade", "build-dep", "reinstall"}),
    "apk": ({"update"}, {"add", "upgrade", "fix"}),
    "zypper": ({"refresh", "ref"}, {"install", "in", "update", "up", "dist-upgrade", "dup", "patch", "source-install",
                                    "si"}),
}
FAMILY = {"apt": "apt-get", "aptitude": "apt-get"}


def _sub(cmd: Command) -> str | None:
    words = [w for w in cmd.args if not w.startswith("-")]
    return words[0] if words else None


@rule(
    id="DF305", name="package-index-update-alone", target=Target.DOCKERFILE, severity=Severity.WARNING,
    summary="A RUN refreshes the package index without installing anything in the same RUN",
    remediation="Update and install in one RUN: `RUN apt-get update && apt-get install -y ...`",
    aliases=("CKV_DOCKER_5", "DS017"),
    references=("https://docs.docker.com/build/building/best-practices/#apt-get",
                "https://avd.aquasec.com/misconfig/ds017"),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `RUN` that runs `apt-get update` (or `apt update`, `apk update`, `zypper refresh`)
    while no command of the same package manager family installs or upgrades a package in
    that `RUN`. `apk add --update` and `apt-get update && apt-get install` are fine.

    ## Why it matters
    Docker caches each `RUN` as a layer: the `update` layer is reused as long as its line does
    not change, so a later `RUN apt-get install` edited months later installs from a stale
    index, fails with 404s or gets outdated packages, and the index lists bloat the image.

    ## Example
    ```dockerfile
    FROM debian:12
    RUN apt-get update
    RUN apt-get install -y --no-install-recommends curl
    ```

    ## Use instead
    ```dockerfile
    FROM debian:12
    RUN apt-get update && apt-get install -y --no-install-recommends curl \\
        && rm -rf /var/lib/apt/lists/*
    ```
    """
    for instr in df.instructions_of("RUN"):
        updates: dict[str, str] = {}
        installs: set[str] = set()
        for cmd in run_commands(instr):
            spec = MANAGERS.get(cmd.name)
            if spec is None:
                continue
            sub = _sub(cmd)
            family = FAMILY.get(cmd.name, cmd.name)
            if sub in spec[0]:
                updates.setdefault(family, f"{cmd.name} {sub}")
            elif sub in spec[1]:
                installs.add(family)
        for family, what in updates.items():
            if family not in installs:
                anchor = instr.at(what)
                yield report(anchor if anchor is not instr else instr.at(what.split()[0]), f"`{what}` runs alone: install in the same RUN so the index is fresh")
