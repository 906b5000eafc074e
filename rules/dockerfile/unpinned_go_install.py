from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule
from linter.sources.buildsteps import runs
from linter.sources.pkgspec import go_install_targets


def _pinned(target: str) -> bool:
    _, at, version = target.partition("@")
    return bool(at) and bool(version) and version not in ("latest", "master", "main", "HEAD", "upgrade", "patch")


@rule(
    id="DF227", name="unpinned-go-install", target=Target.DOCKERFILE, severity=Severity.WARNING,
    summary="`go install`/`go get`/`go run` of a remote module without a fixed version",
    remediation="Pin the module: `go install example.com/tool@v1.2.3`",
    aliases=("DL3062",), references=("https://github.com/hadolint/hadolint/wiki/DL3062",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `go install`, `go get` and `go run` of a remote module path (`example.com/x/cmd/tool`)
    without `@<version>`, or with a moving one (`@latest`, `@master`, `@main`, `@HEAD`), in a
    `RUN` or `ONBUILD RUN`. Local packages (`./...`, `.`) and `*.go` files are fine; a
    version in a variable (`tool@${VERSION}`) counts as pinned.

    ## Why it matters
    An unpinned tool changes under the build: a new release can break it or, for a
    compromised module, inject code.

    ## Example
    ```dockerfile
    FROM golang:1.23
    RUN go install golang.org/x/tools/gopls@latest
    ```

    ## Use instead
    ```dockerfile
    FROM golang:1.23
    RUN go install golang.org/x/tools/gopls@v0.16.2
    ```
    """
    for instr, cmds in runs(df):
        loose = [t for c in cmds for t in go_install_targets(c) if not _pinned(t)]
        if loose:
            yield report(instr, f"`{loose[0]}` is not pinned to a version")
