from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from linter.api import Context, K8sObject, Report, Severity, Target, report, rule
from linter.sources.yaml import YMap, walk


@dataclass(frozen=True)
class Options:
    recursive: bool = True


def _first_unsorted(node: YMap) -> tuple[Any, Any] | None:
    """(first key written after a key that sorts after it, that key), or None."""
    own = [k for k in node if node.key_pos.get(k, node.pos) >= node.pos]  # keys merged in by `<<` sit elsewhere
    own.sort(key=lambda k: node.key_pos.get(k, node.pos))
    for before, key in zip(own, own[1:]):
        if str(key) < str(before):
            return key, before
    return None


@rule(
    id="KS173", name="unsorted-keys", target=Target.K8S_OBJECT, severity=Severity.INFO,
    summary="The keys of a mapping are not in alphabetical order",
    remediation="Sort the keys alphabetically (e.g. with `yq -P 'sort_keys(..)'`), or turn the rule off",
    aliases=("sorted-keys",), options=Options, enabled_by_default=False,
)
def check(obj: K8sObject, ctx: Context) -> Iterator[Report]:
    """## What it checks
    Every mapping of the object (only the top level with `recursive: false`) whose keys, in the
    order they are written, are not in alphabetical (byte) order: `apiVersion`, `kind`,
    `metadata`, `spec`. Each such mapping is reported once, as kube-linter's `sorted-keys` does,
    at the first key written after one that sorts after it. Keys a `<<` merge brings in and mappings reached a
    second time through an alias are not judged. Off by default, as in kube-linter: it is a
    house style, not a defect.

    ## Why it matters
    Teams that keep keys sorted get smaller, conflict-free diffs and spot a duplicated or
    misplaced field at a glance; a linter keeps the convention from eroding.

    ## Example
    ```yaml
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: settings}
    data:
      zebra: z
      apple: a
    ```

    ## Use instead
    ```yaml
    apiVersion: v1
    data:
      apple: a
      zebra: z
    kind: ConfigMap
    metadata: {name: settings}
    ```

    ## Options
    - `recursive` (default `true`): check nested mappings too, not only the object's top level.
    """
    recursive = (ctx.options or Options()).recursive
    nodes = walk(obj.root) if recursive else iter([((), obj.root)])
    seen: set[int] = set()
    for path, node in nodes:
        if not isinstance(node, YMap) or id(node) in seen or len(node) < 2:
            continue
        seen.add(id(node))
        found = _first_unsorted(node)
        if found is not None:
            key, before = found
            where = ".".join(str(p) for p in path) or "the top level"
            yield report(obj.at(*path, key, key=True), f"key `{key}` should come before `{before}` ({where})")
