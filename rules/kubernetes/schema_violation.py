from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.apiversions import lifecycle
from linter.sources.crossref import is_kustomized
from linter.sources.k8s_compact import prepared
from linter.sources.schema import builtin_groups, problems, schema_release


@dataclass(frozen=True)
class Options:
    unknown_kinds: bool = True  # report built-in API groups' apiVersion/kind pairs that the release lacks


@rule(
    id="KS340", name="schema-violation", target=Target.K8S_PROJECT, severity=Severity.ERROR,
    summary="The object does not match the Kubernetes API schema (unknown field, wrong type, missing field)",
    remediation="Fix the field named in the message; `kubectl explain <kind>.<path>` shows the schema",
    aliases=("schema-validation",),
    options=Options,
    references=("https://pypi.org/project/kubernetes-validate/",),
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Built-in objects against the strict JSON schemas of the target Kubernetes release
    (`--kubernetes-version`, default 1.34; the newest schemas not newer than it), as shipped by
    the `kubernetes-validate` package: unknown fields (a typo like `imagePullPolice`, `ports`
    at pod level instead of in a container), wrong types (`replicas: "3"`, a number as a label
    or env value), missing required fields and values outside an enum, each at the line of the
    offending key or value. Custom resources, and CRDs reusing a built-in kind name in their own
    group, are skipped, and so are unrendered placeholders (`${VAR}`, `{{ x }}`) and kustomize
    patch directives (`$patch`). An `apiVersion`/`kind` pair of a built-in API group that the release
    does not know (`kind: Deploymnet`) is reported too, unless `removed-api-version` covers it.
    Missing required fields are not reported in kustomize inputs (a folder with a
    `Kustomization` of the run, or a file it lists as a patch, or named `*patch*`): kustomize
    adds selectors and patches are partial by design.

    ## Why it matters
    The API server rejects wrong types and, with strict field validation (the kubectl default),
    unknown fields; with lenient validation a misspelt field is silently dropped, so the setting
    the author meant never applies.

    ## Example
    ```yaml
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: api}
    spec:
      selector: {matchLabels: {app: api}}
      template:
        metadata: {labels: {app: api}}
        spec:
          containers:
            - name: api
              image: "example/api:1.2.0"
              imagePullPolice: Always
    ```

    ## Use instead
    ```yaml
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: api}
    spec:
      selector: {matchLabels: {app: api}}
      template:
        metadata: {labels: {app: api}}
        spec:
          containers:
            - name: api
              image: "example/api:1.2.0"
              imagePullPolicy: Always
    ```

    ## Options
    - `unknown-kinds` (bool, default true): report `apiVersion`/`kind` pairs of built-in API
      groups that the target release does not define.
    """
    release = schema_release(ctx.kubernetes_version)
    if release is None:
        return
    found = _problems(obj, release)
    if found is None:
        opts: Options = ctx.options or Options()
        if (opts.unknown_kinds and obj.group in builtin_groups() and not obj.kind.endswith("List")
                and (obj.group or obj.api_version.startswith("v")) and not _templated(obj.kind + obj.api_version)
                and lifecycle(obj.api_version, obj.kind) is None):
            yield report(obj.at("kind"), f"Kubernetes 1.{release} has no kind `{obj.kind}` in `{obj.api_version}`")
        return
    partial = None
    for p in found:
        if p.message.startswith("missing required field"):
            if partial is None:
                partial = ctx.project is not None and is_kustomized(ctx.project, obj)
            if partial or "patch" in obj.file.rsplit("/", 1)[-1].lower():
                continue
        if any(isinstance(step, str) and (step.startswith("$") or _templated(step)) for step in p.path):
            continue  # strategic-merge patch directives ($patch) and unrendered placeholders
        if _templated(obj.get(*p.path)):
            continue
        where = _dotted(p.path[:-1] if p.message.startswith("unknown field") else p.path)
        yield report(obj.at(*p.path, key=p.key), f"`{where}`: {p.message}" if where else p.message)


def _templated(value: object) -> bool:
    """An unrendered placeholder: `${VAR}`, `{{ x }}` (which YAML reads as a nested flow mapping)."""
    if isinstance(value, str):
        return "${" in value or "{{" in value
    return isinstance(value, dict) and any(isinstance(k, dict) or k == "<complex key>" for k in value)


def _dotted(path: tuple) -> str:  # type: ignore[type-arg]
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out


_UNSET = object()


def _problems(obj: K8sObject, release: int) -> object:
    pre = prepared(obj, __name__, _UNSET)  # validated when the file was linted (in a worker)
    if isinstance(pre, tuple) and pre[0] == (release, obj.api_version, obj.kind):
        return pre[1]
    return problems(obj.root, release, obj.api_version, obj.kind)


def _prepare(obj: K8sObject, ctx: Context) -> object:
    release = schema_release(ctx.kubernetes_version)
    if release is None:
        return None
    return ((release, obj.api_version, obj.kind), problems(obj.root, release, obj.api_version, obj.kind))


check.prepare = _prepare  # type: ignore[attr-defined]
