"""How charts are rendered (`--values`, `--set`, `helm:` in the configuration...), apart from the
rendering machinery of linter.sources.helm so that every run can build its configuration without
importing it."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class HelmSettings:
    """What `--values`, `--set`, `--release-name`, `--namespace`, `--helm-ci-values` (or config) say."""

    values: list[str] = field(default_factory=list)  # values files, in order (later wins)
    set: list[str] = field(default_factory=list)  # `--set` strings, applied after the files
    release_name: str = "release-name"  # as `helm template` names it
    namespace: str = "default"
    ci_values: bool = False  # also render once per ci/*-values.yaml
