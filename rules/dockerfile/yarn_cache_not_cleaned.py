from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Instruction, Report, Severity, Target, report, rule
from linter.sources.buildsteps import mounts, runs
from linter.sources.buildsteps import shipped_stages
from linter.sources.shell import Command

NOT_INSTALL = {"--version", "-v", "--help", "-h"}


def _yarn_install(cmd: Command) -> bool:
    if cmd.name != "yarn":
        return False
    ops = [a for a in cmd.args if not a.startswith("-")]
    if ops:
        return ops[0] == "install"
    return not any(a in NOT_INSTALL for a in cmd.args)


def _cleans(cmd: Command) -> bool:
    if cmd.name == "yarn":
        ops = [a for a in cmd.args if not a.startswith("-")]
        return ops[:2] == ["cache", "clean"]
    return cmd.name == "rm" and any("yarn" in a and "cache" in a.lower() for a in cmd.args)


def _yarn_cache_mount(instr: Instruction) -> bool:
    return any(m.get("type") == "cache" and "yarn" in (m.get("target") or m.get("dst") or m.get("destination") or "")
               for m in mounts(instr))


@rule(
    id="DF225", name="yarn-cache-not-cleaned", target=Target.DOCKERFILE, severity=Severity.INFO,
    summary="`yarn install` leaves its package cache in the layer",
    remediation="End the RUN with `&& yarn cache clean`, or mount a cache on yarn's cache folder",
    aliases=("DL3060",), references=("https://github.com/hadolint/hadolint/wiki/DL3060",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A `RUN` (or `ONBUILD RUN`) that runs `yarn install` (or a bare `yarn`, which installs; `yarn --version` does not)
    without `yarn cache clean` (or `rm -rf` of the yarn cache) in the same instruction.
    A cache mount on yarn's cache folder (`RUN --mount=type=cache,target=/usr/local/share/.cache/yarn`)
    is a valid alternative that hadolint does not recognise.
    A named builder stage that only feeds `COPY --from` is not checked (as in hadolint): its cache never
    reaches a built image.

    ## Why it matters
    Yarn's global cache holds a copy of every package tarball: often larger than
    `node_modules` itself.

    ## Example
    ```dockerfile
    FROM node:22-alpine
    WORKDIR /app
    COPY package.json yarn.lock ./
    RUN yarn install --frozen-lockfile
    ```

    ## Use instead
    ```dockerfile
    FROM node:22-alpine
    WORKDIR /app
    COPY package.json yarn.lock ./
    RUN yarn install --frozen-lockfile && yarn cache clean
    ```
    """
    shipped = shipped_stages(df)
    for instr, cmds in runs(df):
        if instr.stage not in shipped:
            continue
        if any(_yarn_install(c) for c in cmds) and not any(_cleans(c) for c in cmds) and not _yarn_cache_mount(instr):
            yield report(instr, "`yarn install` without `yarn cache clean` in the same RUN")
