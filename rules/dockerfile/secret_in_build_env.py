from __future__ import annotations

import re
from typing import Iterator

from linter.api import (
    Context, Dockerfile, Instruction, Report, Severity, Target, looks_like_literal_secret,
    looks_like_secret_name, report, rule,
)
from linter.sources.dockerfile import TokenAnchor, parse_arg, parse_env_pairs


def _name_anchor(instr: Instruction, name: str) -> TokenAnchor | Instruction:
    """The variable's own name, not an occurrence inside a longer one (`MY_TOKEN` before `TOKEN`)."""
    pattern = re.compile(r"(?<![A-Za-z0-9_=${/.-])" + re.escape(name) + r"(?=[=\s]|$)")
    for offset, text in enumerate(instr.original.split("\n")):
        start = instr.column - 1 + len(instr.keyword) if offset == 0 else 0
        m = pattern.search(text, start)
        if m:
            return TokenAnchor(instr.line + offset, m.start() + 1)
    return instr.at(name)


@rule(
    id="DF006", name="secret-in-build-env", target=Target.DOCKERFILE, severity=Severity.ERROR,
    summary="A secret is written into the image through ENV or an ARG default",
    remediation="Pass secrets at run time (Kubernetes Secret) or at build time with `RUN --mount=type=secret`",
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `ENV` and `ARG` instructions whose name looks like a credential (password, token, API key,
    secret, private key, credentials, ...) and whose value is a literal: not a `$VARIABLE`
    reference, a file path, a placeholder or a flag. Findings name the variable, never the value.

    ## Why it matters
    `ENV` values and `ARG` defaults are stored in the image configuration and history: anyone who
    can pull the image can read them.

    ## Example
    ```dockerfile
    FROM alpine:3.20
    ENV DB_PASSWORD=s3cr3t-Passw0rd
    USER 10001
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.20
    ENV DB_PASSWORD_FILE=/run/secrets/db-password
    USER 10001
    ```
    """
    for instr in df.instructions:
        if instr.keyword == "ENV":
            pairs = parse_env_pairs(instr.args)
        elif instr.keyword == "ARG":
            pairs = [(n, v) for n, v in parse_arg(instr.args) if v is not None]
        else:
            continue
        for name, value in pairs:
            if looks_like_secret_name(name) and looks_like_literal_secret(value):
                yield report(_name_anchor(instr, name),
                             f"{instr.keyword} `{name}` holds a literal secret value that is stored in the image",
                             redact=True)
