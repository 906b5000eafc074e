"""Small readers shared by per-object Kubernetes rules: label selectors, RBAC rules, int-or-percent values.

All functions take raw YAML values and tolerate any shape (None, strings where mappings are
expected, ints as names): bad input yields "no answer", never an exception.
"""
from __future__ import annotations

import re
from typing import Any, Iterator

from linter.sources.yaml import YMap

_PERCENT = r"^\s*(\d+)\s*%\s*$"


def as_str_list(value: Any) -> list[str]:
    """A YAML list of scalars as strings (`["get", 1]` -> `["get", "1"]`); anything else -> []."""
    if isinstance(value, list):
        return [str(v) for v in value if isinstance(v, (str, int, float)) and not isinstance(v, bool)]
    return []


def int_or_percent(value: Any) -> tuple[int, bool] | None:
    """(number, is_percent) of an IntOrString field such as `maxUnavailable`; None when unreadable."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value, False
    if isinstance(value, str):
        m = re.match(_PERCENT, value)
        if m:
            return int(m.group(1)), True
        if value.strip().isdigit():
            return int(value.strip()), False
    return None


def is_templated(value: Any) -> bool:
    return isinstance(value, str) and ("{{" in value or "${" in value)


def selector_matches(selector: Any, labels: Any) -> bool | None:
    """Does a LabelSelector (`matchLabels`/`matchExpressions`) select `labels`? None when unknowable."""
    if not isinstance(selector, dict) or not isinstance(labels, dict):
        return None
    labels = {str(k): str(v) for k, v in labels.items() if v is not None}
    match_labels = selector.get("matchLabels")
    if match_labels is not None:
        if not isinstance(match_labels, dict):
            return None
        for k, v in match_labels.items():
            if is_templated(k) or is_templated(v):
                return None
            if labels.get(str(k)) != str(v):
                return False
    exprs = selector.get("matchExpressions")
    if exprs is not None:
        if not isinstance(exprs, list):
            return None
        for expr in exprs:
            if not isinstance(expr, dict):
                return None
            key, op = str(expr.get("key", "")), str(expr.get("operator", ""))
            values = as_str_list(expr.get("values"))
            if op == "In":
                ok = key in labels and labels[key] in values
            elif op == "NotIn":
                ok = key not in labels or labels[key] not in values
            elif op == "Exists":
                ok = key in labels
            elif op == "DoesNotExist":
                ok = key not in labels
            else:
                return None
            if not ok:
                return False
    return True


def rbac_rules(obj_root: Any) -> Iterator[tuple[int, YMap]]:
    """(index, rule) of the `rules` of a Role or ClusterRole."""
    rules = obj_root.get("rules") if isinstance(obj_root, dict) else None
    if not isinstance(rules, list):
        return
    for i, r in enumerate(rules):
        if isinstance(r, YMap):
            yield i, r


def rule_grants(r: Any, resources: set[str], verbs: set[str], api_groups: set[str] | None = None) -> bool:
    """Does one RBAC rule grant any of `verbs` on any of `resources` (wildcards count)?

    `api_groups` restricts the groups considered (None: any group); "*" in the rule matches all.
    """
    if not isinstance(r, dict):
        return False
    rule_resources = set(as_str_list(r.get("resources")))
    rule_verbs = set(as_str_list(r.get("verbs")))
    if api_groups is not None:
        groups = set(as_str_list(r.get("apiGroups")))
        if "*" not in groups and not (groups & api_groups):
            return False
    res_ok = "*" in rule_resources or bool(rule_resources & resources)
    verb_ok = "*" in rule_verbs or bool(rule_verbs & verbs)
    return res_ok and verb_ok


# trivy's "manage" verbs: any write to a resource (KSV049, KSV056, KSV115)
MANAGE_VERBS = frozenset({"create", "update", "patch", "delete", "deletecollection", "impersonate", "*"})


def granted_verbs(r: Any, verbs: "set[str] | frozenset[str]") -> list[str]:
    """The verbs of `verbs` that one RBAC rule grants, sorted (empty: none)."""
    return sorted(set(as_str_list(r.get("verbs"))) & verbs) if isinstance(r, dict) else []


def is_rbac_role(obj: Any) -> bool:
    return getattr(obj, "kind", None) in ("Role", "ClusterRole") and str(getattr(obj, "api_version", "")).startswith("rbac.authorization.k8s.io/")


def is_rbac_binding(obj: Any) -> bool:
    return getattr(obj, "kind", None) in ("RoleBinding", "ClusterRoleBinding") and str(getattr(obj, "api_version", "")).startswith("rbac.authorization.k8s.io/")


REPLICATED_KINDS = frozenset({"Deployment", "StatefulSet", "ReplicaSet", "ReplicationController"})


def explicit_replicas(obj: Any) -> int | None:
    """`spec.replicas` of a replicated workload when it is a literal integer, else None."""
    if getattr(obj, "kind", None) not in REPLICATED_KINDS or not getattr(obj, "is_workload", False):
        return None
    value = obj.get("spec", "replicas")
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def in_groups(r: Any, groups: set[str]) -> bool:
    """Does an RBAC rule apply to one of `groups` (or to every group with `*`)?"""
    rule_groups = set(as_str_list(r.get("apiGroups"))) if isinstance(r, dict) else set()
    return "*" in rule_groups or bool(rule_groups & groups)
