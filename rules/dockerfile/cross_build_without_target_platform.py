from __future__ import annotations

import re
from typing import Iterator

from linter.api import Context, Dockerfile, Instruction, Report, Severity, Stage, Target, report, rule, run_commands
from linter.sources.dockerfile import parse_arg, parse_env_pairs

# toolchain -> the variables that choose the target, and the wrappers that set them (tonistiigi/xx, cross)
TARGET_VARS = {
    "go": {"GOOS", "GOARCH"},
    "cargo": {"CARGO_BUILD_TARGET"},
    "dotnet": {"RUNTIMEIDENTIFIER"},
}
TARGET_FLAGS = {
    "cargo": ("--target",),
    "dotnet": ("-r", "--runtime", "-a", "--arch", "--os", "--ucr", "--use-current-runtime"),
}
BUILDS = {"go": ("build", "install"), "cargo": ("build", "install", "zigbuild"), "dotnet": ("publish", "build")}
_RID_PROP = r"(?i)^[-/]p(roperty)?:RuntimeIdentifiers?="


def _on_build_platform(df: Dockerfile, stage: Stage) -> bool:
    seen: set[int] = set()
    current: Stage | None = stage
    while current is not None and current.index not in seen:
        seen.add(current.index)
        if current.platform is not None:
            return "BUILDPLATFORM" in current.platform
        current = df.stages[current.parent] if current.parent is not None else None
    return False


def _ships(df: Dockerfile, stage: Stage, seen: set[int]) -> bool:
    """True when the stage's files reach an image built for the target platform."""
    if stage.index in seen:
        return False
    seen.add(stage.index)
    if stage is df.final_stage:
        return True
    for other in df.stages[stage.index + 1:]:
        if other.parent == stage.index and _ships(df, other, seen):
            return True
        if _on_build_platform(df, other):
            continue  # copied into another build-platform stage: a tool run at build time
        for instr in other.instructions:
            ref = instr.flags.get("from") if instr.keyword in ("COPY", "ADD") else None
            if ref is not None and df.stage_by_ref(ref) is stage:
                if (other.base or "").lower() == "scratch" and other is not df.final_stage:
                    if _ships(df, other, seen):  # a scratch stage that only relays files
                        return True
                    break
                return True
    return False


def _sets_target(tool: str, instr: Instruction) -> bool:
    """Does an ENV or ARG (with a default) set one of the toolchain's target variables?"""
    names: list[tuple[str, str | None]] = []
    if instr.keyword == "ENV":
        names = [(n, v) for n, v in parse_env_pairs(instr.args)]
    elif instr.keyword == "ARG":
        names = parse_arg(instr.args)
    return any(n.upper() in TARGET_VARS[tool] and v for n, v in names)


def _command_targets(tool: str, name: str, words: tuple[str, ...], assignments: tuple[str, ...]) -> bool:
    if name.startswith("xx-") or name == "cross":
        return True
    if any(a.split("=", 1)[0].upper() in TARGET_VARS[tool] for a in assignments):
        return True
    if name == "export" or (name == "go" and words[1:3] == ("env", "-w")):
        return any(w.split("=", 1)[0].upper() in TARGET_VARS[tool] for w in words[1:])
    if name == tool:
        for w in words[1:]:
            if w in TARGET_FLAGS.get(tool, ()) or any(w.startswith(f + "=") for f in TARGET_FLAGS.get(tool, ())):
                return True
            if tool == "dotnet" and re.match(_RID_PROP, w):
                return True
    return False


@rule(
    id="DF301", name="cross-build-without-target-platform", target=Target.DOCKERFILE, severity=Severity.WARNING,
    summary="A `--platform=$BUILDPLATFORM` stage compiles without choosing the target OS/architecture",
    remediation="Declare `ARG TARGETOS TARGETARCH` and build with `GOOS=$TARGETOS GOARCH=$TARGETARCH` "
                "(`cargo build --target`, `dotnet publish -r`), or use tonistiigi/xx",
    references=("https://docs.docker.com/build/building/multi-platform/#cross-compilation",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A stage that runs on the build machine (`FROM --platform=$BUILDPLATFORM ...`, the
    cross-compilation pattern of multi-platform builds) whose output ends up in the image
    (it is the final stage, or a later target-platform stage copies from it), and that
    compiles with `go build`/`go install`, `cargo build` or `dotnet publish`/`dotnet build`
    while nothing in the stage chooses the target: no `GOOS`/`GOARCH` (as ENV, ARG default,
    `export`, command prefix or `go env -w`), no `cargo build --target`/`CARGO_BUILD_TARGET`,
    no `dotnet -r/--runtime/-a/--arch`, and no `xx-go`/`xx-cargo`/`cross` wrapper.

    Stages whose output is only copied into other build-platform stages (code generators,
    linters and other tools that run during the build), also through an intermediate
    `FROM scratch` stage, are left alone.

    ## Why it matters
    `$BUILDPLATFORM` makes the compiler run natively (fast, no QEMU), but then the compiler
    targets the build machine too: `docker buildx build --platform linux/arm64` on an amd64
    runner ships an amd64 binary in an arm64 image, which fails with `exec format error`.
    State the target OS and architecture explicitly.

    ## Example
    ```dockerfile
    FROM --platform=$BUILDPLATFORM golang:1.22 AS build
    WORKDIR /src
    COPY . .
    RUN CGO_ENABLED=0 go build -o /out/app .
    FROM alpine:3.20
    COPY --from=build /out/app /app
    ```

    ## Use instead
    ```dockerfile
    FROM --platform=$BUILDPLATFORM golang:1.22 AS build
    ARG TARGETOS TARGETARCH
    WORKDIR /src
    COPY . .
    RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app .
    FROM alpine:3.20
    COPY --from=build /out/app /app
    ```
    """
    for stage in df.stages:
        if not _on_build_platform(df, stage) or not _ships(df, stage, set()):
            continue
        chain: list[Stage] = []
        current: Stage | None = stage
        while current is not None and current not in chain:
            chain.append(current)
            current = df.stages[current.parent] if current.parent is not None else None
        instructions = [i for s in reversed(chain) for i in s.instructions]
        for tool in TARGET_VARS:
            if any(_sets_target(tool, i) for i in instructions):
                continue
            first: tuple[Instruction, str] | None = None
            targeted = False
            for instr in stage.instructions:
                if instr.keyword != "RUN":
                    continue
                for cmd in run_commands(instr):
                    if _command_targets(tool, cmd.name, cmd.words, cmd.assignments):
                        targeted = True
                    elif first is None and cmd.name == tool and cmd.args[:1] and cmd.args[0] in BUILDS[tool]:
                        first = (instr, f"{tool} {cmd.args[0]}")
            if first is not None and not targeted:
                instr, what = first
                yield report(instr.at(what), f"`{what}` runs in a `--platform=$BUILDPLATFORM` stage without a "
                                             f"target OS/architecture, so it builds for the build machine")
