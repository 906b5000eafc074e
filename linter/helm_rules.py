"""Findings about rendering charts and kustomizations (HC family): documented like rules, raised by the engine."""
from __future__ import annotations

from typing import Iterator

from linter.api import Report, Severity, Target, rule

_COMMON = dict(target=Target.ENGINE, references=("https://helm.sh/docs/helm/helm_template/",))


@rule(id="HC001", name="helm-render-failed", severity=Severity.WARNING,
      summary="Helm could not render the chart, so nothing in it was linted",
      remediation="Fix the template, or pass the values it needs with --values/--set (or `helm:` in the configuration)",
      **_COMMON)
def helm_render_failed(*_: object) -> Iterator[Report]:
    """## What it checks
A chart that Helm's own engine cannot render with its default values (plus any `--values`,
`--set` or `ci/*-values.yaml` set): `{{ fail }}`, a `required` value that is missing, a template
syntax error, a values file that does not parse, values that break `values.schema.json`.
The finding carries Helm's message (values of secret-looking keys are replaced by `***`) and
points at the template and line Helm names; the rest of the run goes on.

## Why it matters
A chart that does not render is not linted at all; CI should say so rather than pass.

## Example
```yaml
# templates/secret.yaml
data:
  password: {{ required "db.password is required" .Values.db.password }}
```

## Use instead
```yaml
# templates/secret.yaml, with `--set db.password=...` or a values file in CI
data:
  password: {{ .Values.db.password | b64enc }}
```
"""
    return iter(())


@rule(id="HC002", name="helm-missing-dependency", severity=Severity.WARNING,
      summary="A dependency in Chart.yaml is not vendored under charts/",
      remediation="Run `helm dependency build` (and commit charts/ or run it before k8slint)", **_COMMON)
def helm_missing_dependency(*_: object) -> Iterator[Report]:
    """## What it checks
A chart whose `Chart.yaml` declares a dependency with no matching subchart (folder or `.tgz`)
in `charts/`. The message is Helm's. k8slint never downloads dependencies. With the `helm`
binary the chart is then not rendered (Helm refuses); with helm-python-sdk the chart is
rendered without the dependency when its templates allow it.

## Why it matters
What is linted is not what `helm install` would apply; a subchart's objects go unchecked.

## Example
```yaml
# Chart.yaml, with an empty charts/ folder
apiVersion: v2
name: app
version: 1.0.0
dependencies:
  - name: redis
    version: 19.x
    repository: oci://registry-1.docker.io/bitnamicharts
```

## Use instead
```yaml
# the same Chart.yaml after `helm dependency build` (charts/redis-19.6.4.tgz exists)
apiVersion: v2
name: app
version: 1.0.0
```
"""
    return iter(())


@rule(id="HC003", name="helm-unavailable", severity=Severity.WARNING,
      summary="A chart was found but neither the helm binary nor helm-python-sdk is installed",
      remediation="Install helm, or `pip install 'k8slint[helm]'`", **_COMMON)
def helm_unavailable(*_: object) -> Iterator[Report]:
    """## What it checks
A Helm chart (a folder with `Chart.yaml`) when k8slint has no Helm engine to render it: no
`helm` on PATH and no working `helm-python-sdk` (a platform without a prebuilt wheel). The
message says what to install.

## Why it matters
The chart's templates are not linted; a silent pass would be a lie.

## Example
```yaml
# Chart.yaml (with no helm installed)
apiVersion: v2
name: app
version: 1.0.0
```

## Use instead
```yaml
# the same chart after `pip install 'k8slint[helm]'`
apiVersion: v2
name: app
version: 1.0.0
```
"""
    return iter(())


@rule(id="HC004", name="kustomize-build-failed", severity=Severity.WARNING,
      summary="kustomize could not build the folder; its files were linted as plain manifests",
      remediation="Fix the kustomization (run `kubectl kustomize <folder>` to see the error)", **_COMMON)
def kustomize_build_failed(*_: object) -> Iterator[Report]:
    """## What it checks
A folder with a `kustomization.yaml` that `kustomize build` (or `kubectl kustomize`) cannot
build: a missing resource, a bad patch, a field kustomize does not know. The message is
kustomize's.

## Why it matters
What `kubectl apply -k` would apply cannot be known, so only the plain files are checked.

## Example
```yaml
# kustomization.yaml
resources:
  - deployment.yaml   # no such file
```

## Use instead
```yaml
# kustomization.yaml
resources:
  - deploy.yaml
```
"""
    return iter(())


@rule(id="HC005", name="kustomize-unavailable", severity=Severity.INFO,
      summary="Kustomizations were found but neither kustomize nor kubectl is installed",
      remediation="Install kubectl or kustomize", **_COMMON)
def kustomize_unavailable(*_: object) -> Iterator[Report]:
    """## What it checks
Said once per run: the run found kustomizations and no tool to build them. Their resource
files are linted as plain manifests instead.

## Why it matters
Overlays (patches, name prefixes, images) are not applied, so what is linted may differ
from what is deployed.

## Example
```yaml
# kustomization.yaml (with no kubectl installed)
resources: [deploy.yaml]
```

## Use instead
```yaml
# the same file, with kubectl on PATH
resources: [deploy.yaml]
```
"""
    return iter(())


@rule(id="HC006", name="kustomize-remote-resource", severity=Severity.INFO,
      summary="A kustomization names a remote resource, which k8slint never fetches",
      remediation="Vendor the remote base, or lint the built output (`kubectl kustomize . | k8slint -`)", **_COMMON)
def kustomize_remote_resource(*_: object) -> Iterator[Report]:
    """## What it checks
A kustomization (or one of its local bases) whose `resources` name a git or HTTP URL.
k8slint does not build it, since building would fetch code from the network; its local files
are linted as plain manifests.

## Why it matters
Linting must not reach the network or run anything from elsewhere.

## Example
```yaml
resources:
  - https://github.com/org/repo//deploy?ref=v1.2.0
```

## Use instead
```yaml
resources:
  - ../vendored/deploy
```
"""
    return iter(())
