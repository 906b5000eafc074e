from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule, run_commands

# Images that carry a compiler or SDK, by repository (last path components).
SDK_IMAGES = {
    "golang", "rust", "gcc", "maven", "gradle", "node", "openjdk", "eclipse-temurin",
    "amazoncorretto", "sbt", "swift", "haskell", "elixir", "dotnet/sdk", "dotnet/core/sdk", "mono",
}
# (command, first argument or None) pairs that compile or package an application.
BUILD_COMMANDS = {
    ("go", "build"), ("go", "install"), ("cargo", "build"), ("cargo", "install"), ("mvn", None),
    ("mvnw", None), ("gradle", None), ("gradlew", None), ("dotnet", "publish"), ("dotnet", "build"),
    ("javac", None), ("gcc", None), ("g++", None), ("cc", None), ("make", None), ("cmake", None),
    ("yarn", "build"), ("pnpm", "build"), ("tsc", None), ("swift", "build"),
    ("sbt", None), ("mix", "release"), ("stack", "build"), ("cabal", "build"),
}
# JavaScript package managers run a package.json script: only a `build` script compiles
# (`npm run build`, `yarn run build:prod`); `npm run lint` or `npm test` do not.
SCRIPT_RUNNERS = {"npm": ("run", "run-script"), "yarn": ("run",), "pnpm": ("run", "run-script")}


def _build_command(name: str, args: tuple[str, ...]) -> int | None:
    """How many words (command included) name the build step, or None if it is not one."""
    first = args[0] if args else None
    if (name, first) in BUILD_COMMANDS:
        return 2
    if (name, None) in BUILD_COMMANDS:
        return 1
    if name in SCRIPT_RUNNERS:
        words = [a for a in args if not a.startswith("-")]
        if words and words[0] in SCRIPT_RUNNERS[name]:
            script, shown = (words[1] if len(words) > 1 else ""), 3
        elif name != "npm":  # `yarn build:prod`, `pnpm build:prod`
            script, shown = (words[0] if words else ""), 2
        else:
            return None
        if script == "build" or script.startswith("build:"):
            return shown
    return None


def _sdk_name(repository: str) -> str | None:
    parts = repository.split("/")
    for n in (3, 2, 1):
        name = "/".join(parts[-n:])
        if name in SDK_IMAGES:
            return name
    return None


@rule(
    id="DF004", name="single-stage-sdk-build", target=Target.DOCKERFILE, severity=Severity.WARNING,
    summary="A single-stage build ships the SDK/toolchain it compiled with",
    remediation="Build in a named stage (`FROM golang:1.22 AS build`) and copy the artifact into a minimal runtime stage",
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    A Dockerfile with a single stage whose base image is an SDK or toolchain (golang, rust,
    gcc, maven, gradle, node, JDKs, `dotnet/sdk`, ...) and which compiles or packages the
    application in a `RUN` (`go build`, `cargo build`, `mvn`, `npm run build`, ...). Running other
    package scripts (`npm run lint`, `npm test`) or fetching dependencies (`go mod download`,
    `npm ci`) is not building.

    ## Why it matters
    The image ships compilers, package caches and sources: hundreds of megabytes more to pull
    on every node and a far larger attack surface. A multi-stage build keeps the SDK in a build
    stage and ships only the artifact on a minimal runtime image.

    ## Example
    ```dockerfile
    FROM golang:1.22
    WORKDIR /src
    COPY . .
    RUN go build -o /usr/local/bin/app .
    USER 10001
    ENTRYPOINT ["app"]
    ```

    ## Use instead
    ```dockerfile
    FROM golang:1.22 AS build
    WORKDIR /src
    COPY . .
    RUN CGO_ENABLED=0 go build -o /app .
    FROM gcr.io/distroless/static-debian12:nonroot
    COPY --from=build /app /app
    ENTRYPOINT ["/app"]
    ```
    """
    if len(df.stages) != 1:
        return
    stage = df.stages[0]
    image = stage.image
    if image is None:
        return
    sdk = _sdk_name(image.repository)
    if sdk is None:
        return
    for instr in stage.instructions:
        if instr.keyword != "RUN":
            continue
        for cmd in run_commands(instr):
            shown = _build_command(cmd.name, cmd.args)
            if shown is not None:
                yield report(stage.from_instruction.at(stage.base_raw),
                             f"single-stage build compiles with `{stage.base}` (`{' '.join(cmd.words[:shown])}` on line "
                             f"{instr.line}) and ships the toolchain; use a build stage and a minimal runtime stage")
                return
