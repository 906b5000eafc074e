"""Findings the engine itself raises (KL family): documented like rules, emitted by the engine."""
from __future__ import annotations

from typing import Iterator

from linter.api import Report, Severity, Target, rule

_COMMON = dict(target=Target.ENGINE, references=())


@rule(id="KL001", name="parse-error", severity=Severity.ERROR,
      summary="The file cannot be read or parsed", remediation="Fix the syntax error at the reported position",
      **_COMMON)
def parse_error(*_: object) -> Iterator[Report]:
    """## What it checks
A Dockerfile or Kubernetes manifest that cannot be decoded or parsed (bad YAML syntax, invalid
UTF-8, unreadable file). One finding is reported at the best known position and every other file
is still linted.

## Why it matters
A manifest that does not parse will not apply, and nothing in it can be checked.

## Example
```yaml
apiVersion: v1
kind: Service
metadata: {name: web
```

## Use instead
```yaml
apiVersion: v1
kind: Service
metadata: {name: web}
```
"""
    return iter(())


@rule(id="KL002", name="unknown-suppression", severity=Severity.WARNING,
      summary="A `# k8slint ignore=` comment or annotation names no known rule",
      remediation="Use a rule id, name or alias listed by `k8slint rules`", **_COMMON)
def unknown_suppression(*_: object) -> Iterator[Report]:
    """## What it checks
A suppression comment (`# k8slint ignore=...`) or the `k8slint.io/ignore` annotation that names a
rule k8slint does not know, usually a typo.

## Why it matters
A misspelt suppression silently suppresses nothing, or hides that a rule was renamed.

## Example
```dockerfile
# k8slint ignore=latest-tagg
FROM alpine:3.20
```

## Use instead
```dockerfile
# k8slint ignore=latest-base-image
FROM alpine:3.20
```
"""
    return iter(())


@rule(id="KL003", name="duplicate-key", severity=Severity.WARNING,
      summary="A YAML mapping repeats a key; only the last value is used",
      remediation="Remove or merge the duplicate key", **_COMMON)
def duplicate_key(*_: object) -> Iterator[Report]:
    """## What it checks
A mapping in a Kubernetes manifest with the same key twice.

## Why it matters
Kubernetes keeps one of the values (strict decoders reject the object), so half of what was
written is silently lost.

## Example
```yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: app
  name: app2
```

## Use instead
```yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: app
```
"""
    return iter(())


@rule(id="KL004", name="alias-bomb", severity=Severity.ERROR,
      summary="YAML aliases expand to an unreasonable size (billion laughs)",
      remediation="Remove the recursive aliases; the document was not linted", **_COMMON)
def alias_bomb(*_: object) -> Iterator[Report]:
    """## What it checks
A YAML document whose anchors and aliases would expand to millions of nodes. k8slint measures the
expanded size without expanding it and refuses the document.

## Why it matters
Such a document exhausts the memory of the API server's clients and of every tool that reads it.

## Example
```yaml
apiVersion: v1
kind: ConfigMap
metadata: {name: lol}
data:
  a: &a ["x","x","x","x","x","x","x","x","x","x"]
  b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]
  c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]
  d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]
  e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]
  f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]
  g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]
```

## Use instead
```yaml
apiVersion: v1
kind: ConfigMap
metadata: {name: lol}
data:
  a: "x"
```
"""
    return iter(())


@rule(id="KL005", name="internal-error", severity=Severity.ERROR,
      summary="A rule failed on this file; the rest of the run went on",
      remediation="Report the bug with the file that triggers it", **_COMMON)
def internal_error(*_: object) -> Iterator[Report]:
    """## What it checks
Nothing in your file: a rule raised an exception while checking it. The finding names the rule;
every other rule and file was still checked, and the run exits non-zero so CI notices.

## Why it matters
A silently skipped rule would make a clean report a lie.

## Example
```yaml
# (no example: this finding means a bug in a rule)
```

## Use instead
```yaml
# (report it)
```
"""
    return iter(())


@rule(id="KL006", name="file-skipped", severity=Severity.INFO,
      summary="A file was skipped: too large, unreadable or not a regular file",
      remediation="Raise `max-file-size` in the configuration or fix the file's permissions", **_COMMON)
def file_skipped(*_: object) -> Iterator[Report]:
    """## What it checks
A file named on the command line or found in a folder that k8slint did not read: larger than
`max-file-size` (10 MiB by default), unreadable, a dangling symlink, or a FIFO or device (never
opened, so k8slint cannot block on it).

## Why it matters
A skipped file is not checked; the notice says so instead of passing silently.

## Example
```yaml
# (depends on the file system, not on the file's text)
```

## Use instead
```yaml
# (a readable regular file under the size limit)
```
"""
    return iter(())


@rule(id="KL007", name="unrendered-template", severity=Severity.INFO,
      summary="A YAML file holds template syntax and cannot be parsed before rendering",
      remediation="Lint the rendered output (Helm charts are rendered by k8slint), or exclude the file", **_COMMON)
def unrendered_template(*_: object) -> Iterator[Report]:
    """## What it checks
A `.yaml` file outside a Helm chart's `templates/` folder that contains `{{ ... }}` template
syntax and is not valid YAML as written, such as a CRD wrapped in `{{- if .Values.crds.create }}`.

## Why it matters
Nothing in the file can be checked until it is rendered; the notice says so instead of
reporting a misleading syntax error or passing silently.

## Example
```yaml
{{- if .Values.enabled }}
apiVersion: v1
kind: ConfigMap
metadata: {name: {{ .Release.Name }}}
{{- end }}
```

## Use instead
```yaml
apiVersion: v1
kind: ConfigMap
metadata: {name: app}
```
"""
    return iter(())
