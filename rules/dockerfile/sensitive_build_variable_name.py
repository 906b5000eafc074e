from __future__ import annotations

import re
from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule
from linter.sources.buildsteps import with_onbuild
from linter.sources.dockerfile import parse_arg, parse_env_pairs

KNOWN = frozenset("""
ACCESS_TOKEN APPLICATION_KEY APP_SECRET AUTH_TOKEN AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY BITTREX_API_KEY
BITTREX_API_SECRET CF_PASSWORD CF_USERNAME CIRCLE_TOKEN CI_DEPLOY_PASSWORD CI_DEPLOY_USER DOCKERHUB_PASSWORD
DOCKER_EMAIL DOCKER_PASSWORD DOCKER_USERNAME FACEBOOK_ACCESS_TOKEN FACEBOOK_APP_ID FACEBOOK_APP_SECRET
FIREBASE_API_TOKEN FIREBASE_TOKEN FOSSA_API_KEY GH_ENTERPRISE_TOKEN GH_TOKEN GITHUB_ENTERPRISE_TOKEN GITHUB_TOKEN
HEROKU_API_KEY HEROKU_API_USER NPM_AUTH_TOKEN NPM_TOKEN OKTA_AUTHN_GROUPID OKTA_CLIENT_ORGURL OKTA_CLIENT_TOKEN
OKTA_OAUTH2_CLIENTID OKTA_OAUTH2_CLIENTSECRET OPENAI_API_KEY OS_PASSWORD OS_USERNAME POSTGRES_PASSWORD SLACK_TOKEN
STRIPE_API_KEY STRIPE_DEVICE_NAME TRAVIS_OS_NAME TRAVIS_SECURE_ENV_VARS TRAVIS_SUDO VAULT_CLIENT_KEY VAULT_TOKEN
""".split())
SUSPICIOUS = ("api_key", "client_key", "password", "private", "secret", "token", "username")
# Names that point at a secret instead of holding one (`POSTGRES_PASSWORD_FILE=/run/secrets/db`).
REFERENCE_SUFFIX = r"(?i)_(FILE|FILES|PATH|DIR|URL|URI|ENDPOINT|HOST|PORT|LENGTH|EXPIRY|TTL|ENABLED)$"


def sensitive(name: str) -> bool:
    if re.search(REFERENCE_SUFFIX, name):
        return False
    low = name.lower()
    return name.upper() in KNOWN or any(s in low for s in SUSPICIOUS)


@rule(
    id="DF228", name="sensitive-build-variable-name", target=Target.DOCKERFILE, severity=Severity.WARNING,
    summary="An `ARG` or `ENV` name suggests it carries a secret",
    remediation="Pass secrets with `RUN --mount=type=secret,id=...` (BuildKit) or at run time",
    aliases=("DL3064",), references=("https://github.com/hadolint/hadolint/wiki/DL3064",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    `ARG` and `ENV` (also in `ONBUILD`) whose name is a well-known credential variable
    (`GITHUB_TOKEN`, `AWS_SECRET_ACCESS_KEY`, ...) or contains `password`, `secret`, `token`,
    `api_key`, `client_key`, `private` or `username`, whatever its value. Names that point at
    a secret instead of holding it (`*_FILE`, `*_PATH`, `*_DIR`, `*_URL`, ...) are fine:
    hadolint flags `POSTGRES_PASSWORD_FILE=/run/secrets/db`, the pattern that avoids the
    problem. The value itself is judged by `secret-in-build-env`.

    ## Why it matters
    Build arguments and ENV values are stored in the image history and config: anyone who
    can pull the image can read them.

    ## Example
    ```dockerfile
    FROM node:22-alpine
    ARG NPM_TOKEN
    RUN npm ci
    ```

    ## Use instead
    ```dockerfile
    FROM node:22-alpine
    RUN --mount=type=secret,id=npm_token NPM_CONFIG_TOKEN="$(cat /run/secrets/npm_token)" npm ci
    ```
    """
    for instr in with_onbuild(df.instructions):
        if instr.keyword == "ARG":
            names = [n for n, _ in parse_arg(instr.args)]
        elif instr.keyword == "ENV":
            names = [n for n, _ in parse_env_pairs(instr.args)]
        else:
            continue
        hits = [n for n in names if n and sensitive(n)]
        if hits:
            yield report(instr, f"`{instr.keyword} {hits[0]}` may carry a secret into the image", redact=True)
