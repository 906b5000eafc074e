from __future__ import annotations

from typing import Any, Iterator

from linter.api import Context, Report, Severity, Target, report, rule
from linter.sources.helm_values import HelmValues


@rule(
    id="HC010", name="values-image-latest-tag", target=Target.HELM_VALUES, severity=Severity.WARNING,
    summary="An image block in values.yaml uses tag `latest`, or an empty tag with no appVersion to fall back to",
    remediation="Set `tag:` to a version (or leave it empty and set `appVersion` in Chart.yaml), or pin a digest",
    references=("https://helm.sh/docs/chart_best_practices/values/",),
)
def check(values: HelmValues, ctx: Context) -> Iterator[Report]:
    """## What it checks
    In a chart's `values.yaml`, every `image:`-style block that has a `repository` and a `tag`
    (`image: {repository: nginx, tag: latest}`, `images.gateway.tag`, Bitnami's
    `registry`/`repository`/`tag`/`digest`): the tag is `latest`, or it is empty while the
    chart's `Chart.yaml` has no `appVersion` (or `appVersion: latest`), the usual fallback of
    `{{ .Values.image.tag | default .Chart.AppVersion }}`. A block with a `digest` is pinned.

    ## Why it matters
    `latest` moves: two installs of the same chart version run different code, and a rollback
    does not roll the image back. The finding points at the values line every user of the chart
    inherits, not only at the rendered manifest.

    ## Example
    ```yaml
    image:
      repository: ghcr.io/openfaas/gateway
      tag: latest
    ```

    ## Use instead
    ```yaml
    image:
      repository: ghcr.io/openfaas/gateway
      tag: 0.27.12
    ```
    """
    app_version = values.app_version
    for path, node in values.mappings():
        repo = node.get("repository")
        if not isinstance(repo, str) or not repo or "tag" not in node or "{{" in repo:
            continue
        if node.get("digest"):
            continue
        tag = node.get("tag")
        if isinstance(tag, str) and tag.strip().lower() == "latest":
            yield report(values.at(*path, "tag"), f"image `{repo}` ({_dotted(path)}) uses tag `latest`")
        elif tag in (None, "") and (app_version is None or app_version.lower() == "latest"):
            why = "Chart.yaml has no appVersion" if app_version is None else "Chart.yaml's appVersion is `latest`"
            yield report(values.at(*path, "tag"),
                         f"image `{repo}` ({_dotted(path)}) has an empty tag and {why} to fall back to")


def _dotted(path: tuple[Any, ...]) -> str:
    from linter.sources.k8s import dotted_path

    return dotted_path(path) or "values"
