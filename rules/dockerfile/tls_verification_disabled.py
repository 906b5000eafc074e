from __future__ import annotations

import re
from typing import Iterator

from linter.api import Context, Dockerfile, Instruction, Report, Severity, Target, report, rule, run_commands
from linter.sources.dockerfile import parse_arg, parse_env_pairs

FALSE = {"0", "false", "no", "off"}
# environment variables that switch certificate checks off: name -> predicate on the value
ENV_VARS = {
    "NODE_TLS_REJECT_UNAUTHORIZED": lambda v: v.strip() == "0",
    "PYTHONHTTPSVERIFY": lambda v: v.strip() == "0",
    "NPM_CONFIG_STRICT_SSL": lambda v: v.strip().lower() == "false",
    "YARN_STRICT_SSL": lambda v: v.strip().lower() == "false",
    "GIT_SSL_NO_VERIFY": lambda v: True,  # git checks only that it is set
    "PIP_TRUSTED_HOST": lambda v: bool(v.strip()),
    "GOINSECURE": lambda v: bool(v.strip()),
    "CURL_INSECURE": lambda v: v.strip().lower() not in FALSE and bool(v.strip()),
}
_SSLVERIFY = r"(?i)^(?:[^=\s]+\.)?sslverify=['\"]?(0|false|no)['\"]?$"
_GIT_SSLVERIFY = r"(?i)^http(\..+)?\.sslverify$"


def _env_problem(name: str, value: str | None) -> bool:
    check = ENV_VARS.get(name.upper())
    return check is not None and value is not None and check(value)


def _command_problem(name: str, words: tuple[str, ...]) -> str | None:
    """The offending token of one command, or None."""
    args = words[1:]
    if name == "curl":
        for a in args:
            if a == "--insecure" or (a.startswith("-") and not a.startswith("--") and "k" in a[1:]):
                return a
    elif name == "wget":
        if "--no-check-certificate" in args:
            return "--no-check-certificate"
    elif name.startswith("pip") or (name.startswith("python") and args[:2] == ("-m", "pip")):
        for i, a in enumerate(args):
            if a == "--trusted-host" or a.startswith("--trusted-host="):
                return "--trusted-host"
            if a.endswith("trusted-host") and i > 0 and args[i - 1] == "set" and "config" in args[:i]:
                return a
    elif name in ("npm", "yarn", "pnpm"):
        for i, a in enumerate(args):
            if a in ("--strict-ssl=false", "--no-strict-ssl"):
                return a
            if a.strip("'\"") == "strict-ssl" and i + 1 < len(args) and args[i + 1].strip("'\"") == "false":
                return a
            if a.strip("'\"") == "strict-ssl=false" and "set" in args[:i]:
                return a
    elif name == "git":
        for i, a in enumerate(args):
            key, eq, val = a.partition("=")
            if eq and re.match(_GIT_SSLVERIFY, key) and i > 0 and args[i - 1] == "-c" and val.lower() in FALSE:
                return a
            if not eq and re.match(_GIT_SSLVERIFY, a) and "config" in args[:i] and i + 1 < len(args) \
                    and args[i + 1].lower() in FALSE:
                return a
    elif name in ("yum", "dnf", "microdnf", "yum-config-manager", "dnf-config-manager"):
        for i, a in enumerate(args):
            value = a[len("--setopt="):] if a.startswith("--setopt=") else (
                a if i > 0 and args[i - 1] == "--setopt" else "")
            if value and re.match(_SSLVERIFY, value):
                return a
    return None


@rule(
    id="DF302", name="tls-verification-disabled", target=Target.DOCKERFILE, severity=Severity.WARNING,
    summary="TLS certificate verification is switched off for a download tool or package manager",
    remediation="Keep certificate checks on; install the CA certificate you need (e.g. into "
                "/usr/local/share/ca-certificates and run update-ca-certificates) instead",
    aliases=("CKV2_DOCKER_2", "CKV2_DOCKER_3", "CKV2_DOCKER_4", "CKV2_DOCKER_5", "CKV2_DOCKER_6",
             "CKV2_DOCKER_12", "CKV2_DOCKER_13", "CKV2_DOCKER_14", "CKV2_DOCKER_15", "CKV2_DOCKER_16",
             "CKV2_DOCKER_18"),
    references=("https://github.com/bridgecrewio/checkov/tree/main/checkov/dockerfile/checks/graph_checks",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Certificate verification turned off in the build:
    - `curl -k`/`--insecure`, `wget --no-check-certificate`;
    - `pip --trusted-host` (also `pip config set global.trusted-host`), `PIP_TRUSTED_HOST`;
    - `npm`/`yarn config set strict-ssl false`, `--strict-ssl=false`, `NPM_CONFIG_STRICT_SSL=false`;
    - `git -c http.sslVerify=false`, `git config http.sslVerify false`, `GIT_SSL_NO_VERIFY`;
    - `yum`/`dnf` `--setopt=sslverify=0` (also through `config-manager`);
    - `NODE_TLS_REJECT_UNAUTHORIZED=0`, `PYTHONHTTPSVERIFY=0`, `GOINSECURE`,
    set by `ENV`, by an `ARG` default, by `export` or as a command prefix in `RUN`.

    The checks are on the parsed shell commands, so `curl -fsSLk` is caught and a URL or a
    message that merely contains `-k` is not.

    ## Why it matters
    Without certificate checks, anyone on the network path of the build (a proxy, a
    compromised mirror, a hostile Wi-Fi) can swap the downloaded installer, package or module
    for their own, and the image ships it.

    ## Example
    ```dockerfile
    FROM debian:12
    RUN curl -fsSLk https://example.com/install.sh -o /tmp/install.sh
    ENV NODE_TLS_REJECT_UNAUTHORIZED=0
    ```

    ## Use instead
    ```dockerfile
    FROM debian:12
    COPY corp-ca.crt /usr/local/share/ca-certificates/corp-ca.crt
    RUN update-ca-certificates && curl -fsSL https://example.com/install.sh -o /tmp/install.sh
    ENV NODE_EXTRA_CA_CERTS=/usr/local/share/ca-certificates/corp-ca.crt
    ```
    """
    for instr in df.instructions:
        if instr.keyword in ("ENV", "ARG"):
            pairs = parse_env_pairs(instr.args) if instr.keyword == "ENV" else parse_arg(instr.args)
            for name, value in pairs:
                if _env_problem(name, value):
                    yield report(instr.at(name), f"`{name}` turns off TLS certificate verification")
        elif instr.keyword == "RUN":
            yield from _run(instr)


def _run(instr: Instruction) -> Iterator[Report]:
    for cmd in run_commands(instr):
        for assignment in cmd.assignments:
            name, _, value = assignment.partition("=")
            if _env_problem(name, value):
                yield report(instr.at(name), f"`{name}` turns off TLS certificate verification")
        if cmd.name == "export":
            for word in cmd.args:
                name, eq, value = word.partition("=")
                if eq and _env_problem(name, value):
                    yield report(instr.at(name), f"`{name}` turns off TLS certificate verification")
            continue
        token = _command_problem(cmd.name, cmd.words)
        if token is not None:
            yield report(instr.at(token), f"`{cmd.name} {token}` turns off TLS certificate verification")
