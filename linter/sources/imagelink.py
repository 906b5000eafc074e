"""Match the container images of a run's manifests to the Dockerfiles of the same run.

A container image is built by a Dockerfile of the run when
1. the rule option `images` maps the image repository (`registry/repo`, `repo` or its last path
   segment; tag and digest ignored) to that Dockerfile's path (or a path suffix of it), or else
2. exactly one Dockerfile of the run is named after the image's last path segment: by its folder
   (`api/Dockerfile` for `ghcr.io/acme/api:1.2`) or by its file name (`Dockerfile.api`,
   `api.Dockerfile`). Two candidates make the match ambiguous: nothing is matched, and
   digest-pinned images (`@sha256:...`, published artifacts) are not matched by name.
Images with variables (`$TAG`, `{{ }}`) are never matched.
"""
from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterator

from linter.sources.crossref import stored_images
from linter.sources.images import parse_image
from linter.sources.k8s import ContainerRef, K8sObject, containers

if TYPE_CHECKING:  # pragma: no cover - a run without Dockerfiles never imports their parser
    from linter.sources.dockerfile import Dockerfile, Instruction, Stage

_GENERIC = {"dockerfile", "containerfile"}


@dataclass(frozen=True)
class ImageLinkOptions:
    images: dict[str, str] = field(default_factory=dict)  # image repository -> Dockerfile path


def _dockerfile_name(path: str) -> str | None:
    base = posixpath.basename(path)
    low = base.lower()
    if low in _GENERIC:
        folder = posixpath.basename(posixpath.dirname(path))
        return folder.lower() or None
    for generic in _GENERIC:
        if low.startswith(generic + "."):
            return low[len(generic) + 1:] or None
        if low.endswith("." + generic):
            return low[: -len(generic) - 1] or None
    return None


def _by_name(project: Any) -> dict[str, list[Dockerfile]]:
    out: dict[str, list[Dockerfile]] = defaultdict(list)
    for df in project.dockerfiles:
        name = _dockerfile_name(df.path.replace("\\", "/"))
        if name:
            out[name].append(df)
    return out


def _path_matches(df_path: str, wanted: str) -> bool:
    a = posixpath.normpath(df_path.replace("\\", "/"))
    b = posixpath.normpath(wanted.replace("\\", "/"))
    if b.startswith("./"):
        b = b[2:]
    return a == b or a.endswith("/" + b) or b.endswith("/" + a)


def dockerfile_for_image(project: Any, image: str, options: Any) -> Dockerfile | None:
    if not isinstance(image, str) or not image.strip() or "$" in image or "{{" in image:
        return None
    ref = parse_image(image)
    mapping = getattr(options, "images", None)
    if isinstance(mapping, dict) and mapping:
        full = f"{ref.registry}/{ref.repository}" if ref.registry else ref.repository
        for key in (full, ref.repository, ref.short_name):
            wanted = mapping.get(key)
            if isinstance(wanted, str):
                found = [df for df in project.dockerfiles if _path_matches(df.path, wanted)]
                return found[0] if len(found) == 1 else None
    if ref.digest is not None:
        return None  # a digest pins a published artifact, not the local build of a same-named folder
    candidates = project.memo("linter.sources.imagelink.by-name", _by_name).get(ref.short_name.lower(), [])
    return candidates[0] if len(candidates) == 1 else None


def linked_containers(project: Any, obj: K8sObject, options: Any,
                      sections: tuple[str, ...] = ("containers", "initContainers")) -> Iterator[tuple[ContainerRef, Dockerfile]]:
    if not getattr(project, "dockerfiles", None):
        return
    images = stored_images(obj)
    if images is not None and all(dockerfile_for_image(project, image, options) is None for image in images):
        return  # known without unpacking a stored object
    for c in containers(obj, sections):
        df = dockerfile_for_image(project, c.node.get("image"), options)
        if df is not None:
            yield c, df


def stage_chain(df: Dockerfile) -> list[Stage]:
    """The final stage and the earlier stages it builds FROM, final first."""
    chain: list[Stage] = []
    current = df.final_stage
    seen: set[int] = set()
    while current is not None and current.index not in seen:
        seen.add(current.index)
        chain.append(current)
        current = df.stages[current.parent] if current.parent is not None else None
    return chain


def final_user(df: Dockerfile) -> tuple[Instruction | None, Stage | None]:
    """The USER in force in the image (None when no stage of the chain sets one), and the root stage."""
    chain = stage_chain(df)
    for stage in chain:
        users = [i for i in stage.instructions if i.keyword == "USER"]
        if users:
            return users[-1], stage
    return None, chain[-1] if chain else None


_PORT_RE = r"(?i)^(\d{1,5})(?:-(\d{1,5}))?(?:/(tcp|udp|sctp))?$"


def exposed_ports(df: Dockerfile) -> tuple[set[int], bool]:
    """Ports EXPOSEd by the image's stage chain, and whether every EXPOSE could be read."""
    from linter.sources.dockerfile import expand_variables

    ports: set[int] = set()
    complete = True
    env: dict[str, str | None] = dict(df.global_args)
    for stage in reversed(stage_chain(df)):
        for instr in stage.instructions:
            if instr.keyword in ("ARG",):
                from linter.sources.dockerfile import parse_arg

                for name, default in parse_arg(instr.args):
                    env.setdefault(name, default)
            elif instr.keyword == "ENV":
                from linter.sources.dockerfile import parse_env_pairs

                for name, value in parse_env_pairs(instr.args):
                    env[name] = value
            elif instr.keyword == "EXPOSE":
                for word in instr.args.split():
                    text = expand_variables(word, env) if "$" in word else word
                    m = re.match(_PORT_RE, text or "")
                    if not m:
                        complete = False
                        continue
                    low = int(m.group(1))
                    high = int(m.group(2)) if m.group(2) else low
                    ports.update(range(low, min(high, low + 1000) + 1))
    return ports, complete


def healthcheck(df: Dockerfile) -> Instruction | None:
    """The HEALTHCHECK in force in the image (None when none, or `HEALTHCHECK NONE`)."""
    for stage in stage_chain(df):
        checks = [i for i in stage.instructions if i.keyword == "HEALTHCHECK"]
        if checks:
            last = checks[-1]
            return None if last.args.strip().upper().startswith("NONE") else last
    return None
