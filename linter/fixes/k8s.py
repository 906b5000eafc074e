"""Kubernetes fixers.

Parsing goes through ruamel.yaml's round-trip loader (comments and positions kept); the edit itself is
applied to the source text at the positions ruamel reports, so comments, key order, quoting and
indentation of everything else stay byte-identical (a round-trip *dump* may re-indent or re-wrap).
"""
from __future__ import annotations

import json
import re
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

OLD_DEPLOYMENT_APIS = ("extensions/v1beta1", "apps/v1beta1", "apps/v1beta2")
KINDS = ("Deployment", "DaemonSet", "StatefulSet", "ReplicaSet")  # apps/v1 requires spec.selector for each
_PLAIN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]*$")
_RESERVED = re.compile(r"^(?:true|false|yes|no|on|off|null|~|[-+]?[0-9][0-9._eE+-]*)$", re.I)


def _scalar(value: Any) -> str:
    text = str(value)
    return text if _PLAIN.match(text) and not _RESERVED.match(text) else json.dumps(text)


def _documents(text: str) -> list[Any]:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    return [d for d in yaml.load_all(text)]


def deployment_apps_v1(text: str, lines: set[int] | None) -> str:
    """A Deployment (DaemonSet, StatefulSet, ReplicaSet) on extensions/v1beta1 or apps/v1beta1/2 moves to apps/v1, gaining the required
    `spec.selector.matchLabels` from the pod template's labels when it has no selector."""
    try:
        docs = _documents(text)
    except Exception:
        return text
    src = text.splitlines(True)
    edits: list[tuple[int, int, str, str]] = []  # (line, col, old, new); inserts have old == ""
    for doc in docs:
        if not isinstance(doc, CommentedMap) or doc.get("kind") not in KINDS:
            continue
        api = doc.get("apiVersion")
        if api not in OLD_DEPLOYMENT_APIS:
            continue
        line, col = doc.lc.value("apiVersion")
        if lines is not None and line + 1 not in lines and doc.lc.line + 1 not in lines:
            continue
        spec = doc.get("spec")
        if not isinstance(spec, CommentedMap) or spec.fa.flow_style():
            continue
        insert: str | None = None
        if spec.get("selector") is None:
            template = spec.get("template")
            meta = template.get("metadata") if isinstance(template, CommentedMap) else None
            labels = meta.get("labels") if isinstance(meta, CommentedMap) else None
            if not isinstance(labels, dict) or not labels or "template" not in spec:
                continue  # no labels to select on: not unambiguous
            t_line, t_col = spec.lc.key("template")
            pad = " " * t_col
            body = "".join(f"{pad}    {_scalar(k)}: {_scalar(v)}\n" for k, v in labels.items())
            insert = f"{pad}selector:\n{pad}  matchLabels:\n{body}"
            edits.append((t_line, 0, "", insert))
        edits.append((line, col, str(api), "apps/v1"))
    for line, col, old, new in sorted(edits, reverse=True):
        if old == "":
            src.insert(line, new)
            continue
        row = src[line]
        quote = row[col] if row[col:col + 1] in ("'", '"') else ""
        start = col + len(quote)
        if row[start:start + len(old)] != old:
            return text  # positions do not match the text: change nothing
        src[line] = row[:start] + new + row[start + len(old):]
    return "".join(src)
