"""The public surface for rule modules and plugins: import from here only.

A rule is one generator function decorated with :func:`rule`; its docstring is
Markdown with the sections *What it checks*, *Why it matters*, *Example*,
*Use instead* (and *Options* when it takes options).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Callable, Iterator, TypeVar

from linter.model import (
    Context,
    Finding,
    ObjectRef,
    Position,
    Report,
    Rule,
    RuleMeta,
    Severity,
    Status,
    Target,
    report,
)

# The rest of the API is imported on first use (PEP 562 module `__getattr__` below), so a
# Kubernetes rule never pays for the Dockerfile and shell parsers, nor a Dockerfile rule for the
# YAML ones; `from linter.api import Dockerfile` works as always. name -> (module, attribute)
_LAZY: dict[str, tuple[str, str]] = {
    "looks_like_secret_name": ("linter.secrets", "looks_like_secret_name"),
    "looks_like_literal_secret": ("linter.secrets", "looks_like_literal_secret"),
    "Dockerfile": ("linter.sources.dockerfile", "Dockerfile"),
    "Instruction": ("linter.sources.dockerfile", "Instruction"),
    "Stage": ("linter.sources.dockerfile", "Stage"),
    "ImageRef": ("linter.sources.images", "ImageRef"),
    "parse_image": ("linter.sources.images", "parse_image"),
    "run_commands": ("linter.sources.buildsteps", "run_commands_of"),
    "Command": ("linter.sources.shell", "Command"),
    "parse_commands": ("linter.sources.shell", "parse_commands"),
    "ContainerRef": ("linter.sources.k8s", "ContainerRef"),
    "K8sObject": ("linter.sources.k8s", "K8sObject"),
    "LONG_RUNNING_KINDS": ("linter.sources.k8s", "LONG_RUNNING_KINDS"),
    "POD_BEARING_KINDS": ("linter.sources.k8s", "POD_BEARING_KINDS"),
    "containers": ("linter.sources.k8s", "containers"),
    "long_running_containers": ("linter.sources.k8s", "long_running_containers"),
    "pod_spec": ("linter.sources.k8s", "pod_spec"),
    # Dockerfile rule helpers (ONBUILD, RUN mounts, package managers), for the hadolint-family rules
    "cache_mount_targets": ("linter.instructions", "cache_mount_targets"),
    "copy_paths": ("linter.instructions", "copy_paths"),
    "has_cache_mount": ("linter.instructions", "has_cache_mount"),
    "mounts": ("linter.instructions", "mounts"),
    "onbuild_inner": ("linter.instructions", "onbuild_inner"),
    "stages_in_final_image": ("linter.instructions", "stages_in_final_image"),
    "with_onbuild": ("linter.instructions", "with_onbuild"),
    "packages": ("linter.sources.packages", ""),  # the module itself
}

if TYPE_CHECKING:  # pragma: no cover - type checkers and IDEs see plain imports
    from linter.instructions import (cache_mount_targets, copy_paths, has_cache_mount, mounts, onbuild_inner,
                                     stages_in_final_image, with_onbuild)
    from linter.secrets import looks_like_literal_secret, looks_like_secret_name
    from linter.sources import packages
    from linter.sources.buildsteps import run_commands_of as run_commands
    from linter.sources.dockerfile import Dockerfile, Instruction, Stage
    from linter.sources.images import ImageRef, parse_image
    from linter.sources.k8s import (LONG_RUNNING_KINDS, POD_BEARING_KINDS, ContainerRef, K8sObject, containers,
                                    long_running_containers, pod_spec)
    from linter.sources.shell import Command, parse_commands


def __getattr__(name: str) -> Any:
    try:
        module_name, attr = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    import importlib

    module = importlib.import_module(module_name)
    value = getattr(module, attr) if attr else module
    globals()[name] = value  # from now on a plain module attribute
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


__all__ = [
    "Context", "Finding", "ObjectRef", "Position", "Report", "Rule", "RuleMeta", "Severity",
    "Status", "Target", "report", "rule", "RULE_ATTR", *_LAZY,
]

RULE_ATTR = "__k8slint_rule__"
ID_RE = re.compile(r"^[A-Z]{2,5}[0-9]{3,4}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")

F = TypeVar("F", bound=Callable[..., Iterator[Report]])


def rule(
    *,
    id: str,
    name: str,
    target: Target,
    severity: Severity,
    summary: str,
    remediation: str,
    aliases: tuple[str, ...] = (),
    options: type | None = None,
    enabled_by_default: bool = True,
    status: Status = Status.STABLE,
    since: str = "0.1.0",
    references: tuple[str, ...] = (),
) -> Callable[[F], F]:
    """Declare a rule: the metadata sits beside the check it describes."""
    if not ID_RE.match(id):
        raise ValueError(f"rule id {id!r} must look like DF001")
    if not NAME_RE.match(name):
        raise ValueError(f"rule name {name!r} must be kebab-case")

    def decorate(fn: F) -> F:
        meta = RuleMeta(
            id=id, name=name, target=target, severity=severity, summary=summary,
            remediation=remediation, aliases=tuple(aliases), options=options,
            enabled_by_default=enabled_by_default, status=status, since=since,
            references=tuple(references), docstring=fn.__doc__ or "",
        )
        setattr(fn, RULE_ATTR, Rule(meta, fn))
        return fn

    return decorate
