from __future__ import annotations

import re
from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule
from linter.sources.buildsteps import has_cache_mount, runs
from linter.sources.buildsteps import shipped_stages
from linter.sources.dockerfile import parse_env_pairs
from linter.sources.shell import Command

PIP_RE = re.compile(r"^pip(\d+(\.\d+)*)?$")
PYTHON_RE = re.compile(r"^python(\d+(\.\d+)*)?$")
CACHES = ("/root/.cache/pip", "/root/.cache", "/home")


def _pip_install(cmd: Command) -> bool:
    args = cmd.args
    if PIP_RE.match(cmd.name):
        ops = [a for a in args if not a.startswith("-")]
        return bool(ops) and ops[0] == "install"
    if PYTHON_RE.match(cmd.name) and len(args) >= 3 and args[0] == "-m" and PIP_RE.match(args[1]):
        return "install" in args[2:]
    return False


def _exports_no_cache(cmd: Command) -> bool:
    """`export PIP_NO_CACHE_DIR=1` (a plain shell assignment is not seen by pip)."""
    return cmd.name in ("export", "declare", "typeset") and any(a.startswith("PIP_NO_CACHE_DIR=") for a in cmd.args)


def _env_disables_cache(df: Dockerfile, stage_index: int) -> set[int]:
    """Stages whose environment sets PIP_NO_CACHE_DIR (inherited through `FROM <stage>`)."""
    out: set[int] = set()
    for stage in df.stages:
        if stage.parent is not None and stage.parent in out:
            out.add(stage.index)
        for instr in stage.instructions:
            if instr.keyword == "ENV" and any(k == "PIP_NO_CACHE_DIR" and v for k, v in parse_env_pairs(instr.args)):
                out.add(stage.index)
    return out


@rule(
    id="DF207", name="pip-cache-not-disabled", target=Target.DOCKERFILE, severity=Severity.WARNING,
    summary="`pip install` keeps its download cache in the layer",
    remediation="Use `pip install --no-cache-dir`, set `ENV PIP_NO_CACHE_DIR=1`, or mount a cache on /root/.cache/pip",
    aliases=("DL3042",), references=("https://github.com/hadolint/hadolint/wiki/DL3042",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `pip install` (`pip3`, `pip3.12`, `python -m pip install`) in a `RUN` or `ONBUILD RUN`
    without `--no-cache-dir`. Quiet when the stage (or a stage it builds `FROM`) sets
    `ENV PIP_NO_CACHE_DIR`, when the command sets `PIP_NO_CACHE_DIR=...` itself (prefix,
    `env` or an earlier `export`), for `pipx` and
    `pipenv`, and when the RUN mounts a cache on `/root/.cache` (`--mount=type=cache`), which
    hadolint does not recognise.
    A named builder stage that only feeds `COPY --from` is not checked (hadolint checks them): its cache never
    reaches a built image.

    ## Why it matters
    pip's wheel cache stays in the layer: often as large as the packages themselves.

    ## Example
    ```dockerfile
    FROM python:3.12-slim
    RUN pip install requests==2.32.3
    ```

    ## Use instead
    ```dockerfile
    FROM python:3.12-slim
    RUN pip install --no-cache-dir requests==2.32.3
    ```
    """
    env_stages = _env_disables_cache(df, -1)
    shipped = shipped_stages(df)
    for instr, cmds in runs(df):
        if instr.stage not in shipped:
            continue
        if instr.stage in env_stages or has_cache_mount(instr, *CACHES):
            continue
        if any(_exports_no_cache(c) for c in cmds):
            continue
        for cmd in cmds:
            if _pip_install(cmd) and "--no-cache-dir" not in cmd.args \
                    and not any(a.startswith("PIP_NO_CACHE_DIR=") for a in cmd.assignments):
                yield report(instr, f"`{cmd.name} install` without `--no-cache-dir`")
                break
