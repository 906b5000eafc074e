from __future__ import annotations

from typing import Iterator

from linter.api import Context, Dockerfile, Report, Severity, Target, report, rule


@rule(
    id="DF222", name="missing-healthcheck", target=Target.DOCKERFILE, severity=Severity.INFO,
    summary="The final image defines no `HEALTHCHECK`",
    remediation="Add `HEALTHCHECK CMD <probe>`, or `HEALTHCHECK NONE` to state that none is wanted",
    aliases=("DL3057", "CKV_DOCKER_2"), enabled_by_default=False,
    references=("https://github.com/hadolint/hadolint/wiki/DL3057",),
)
def check(df: Dockerfile, ctx: Context) -> Iterator[Report]:
    """## What it checks
    The final stage (with the stages it builds `FROM`) has no `HEALTHCHECK` instruction.
    `HEALTHCHECK NONE` counts as a decision. Builder stages are not checked: their health is
    never observed. Off by default, as in hadolint: Kubernetes ignores `HEALTHCHECK` and uses
    probes instead (see the liveness and readiness probe rules).

    ## Why it matters
    Docker and Swarm use the health check to restart or route around a wedged container.

    ## Example
    ```dockerfile
    FROM nginx:1.27
    COPY site /usr/share/nginx/html
    ```

    ## Use instead
    ```dockerfile
    FROM nginx:1.27
    COPY site /usr/share/nginx/html
    HEALTHCHECK CMD curl -fsS http://localhost/ || exit 1
    ```
    """
    final = df.final_stage
    if final is None:
        return
    stage, seen = final, set()
    while stage is not None and stage.index not in seen:
        seen.add(stage.index)
        if any(i.keyword == "HEALTHCHECK" for i in stage.instructions):
            return
        stage = df.stages[stage.parent] if stage.parent is not None else None
    yield report(final.from_instruction, "the final stage has no HEALTHCHECK")
