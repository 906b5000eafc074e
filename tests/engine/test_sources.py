"""The source layer: YAML positions, scalars, anchors; Dockerfile instructions, stages, heredocs."""
from __future__ import annotations

from linter.sources.dockerfile import expand_variables, parse_dockerfile
from linter.sources.images import parse_image
from linter.sources.k8s import containers, objects_in
from linter.sources.yaml import YMap, parse_yaml, walk


def test_yaml_positions_of_keys_values_and_items():
    f = parse_yaml("a: 1\nb:\n  - x\n  - {c: d}\n")
    root = f.documents[0].root
    assert root.key_pos["b"] == (1, 0)
    assert root.value_pos["a"] == (0, 3)
    assert root["b"].item_pos == [(2, 4), (3, 4)]
    assert root["b"][1].value_pos["c"] == (3, 8)


def test_yaml_scalars_follow_kubernetes():
    root = parse_yaml("a: [1, 2.5, yes, ~, '1', 0x1f, off, '', 1e3, abc]\n").documents[0].root
    assert root["a"] == [1, 2.5, True, None, "1", 31, False, "", 1000.0, "abc"]


def test_yaml_merge_keys_and_aliases_share_objects():
    root = parse_yaml("base: &b {x: 1, y: 2}\nm:\n  <<: *b\n  y: 3\nref: *b\n").documents[0].root
    assert root["m"] == {"x": 1, "y": 3}
    assert root["ref"] is root["base"]


def test_yaml_multi_documents_and_lists():
    f = parse_yaml("apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata: {name: a}\n---\n# only a comment\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\n")
    assert [d.start_line for d in f.documents] == [1, 7, 9]
    objs = [o for d in f.documents if d.root is not None for o in objects_in(d, "x.yaml")]
    assert [(o.kind, o.name, o.at("kind").locate().line) for o in objs] == [("Service", "a", 5), ("Pod", "p", 11)]


def test_yaml_duplicate_keys_and_syntax_errors_are_problems():
    f = parse_yaml("a: 1\na: 2\n")
    assert [(p.kind, p.line, p.column) for p in f.problems] == [("duplicate-key", 2, 1)]
    f = parse_yaml("a: 'open\n")
    assert f.problems[0].kind == "syntax" and f.problems[0].line == 2


def test_yaml_unknown_tags_are_not_constructed():
    root = parse_yaml("a: !!python/object/apply:os.system ['echo pwned']\n").documents[0].root
    assert root["a"] == ["echo pwned"]


def test_walk_visits_shared_nodes_once_and_deep_trees_without_recursion():
    root = parse_yaml("a: &x [1, 2]\nb: *x\n").documents[0].root
    paths = [p for p, _ in walk(root)]
    assert ("a", 0) in paths and ("b",) in paths and ("b", 0) not in paths
    deep = parse_yaml("[" * 5000 + "]" * 5000).documents[0].root
    assert sum(1 for _ in walk(deep)) == 5000


def test_field_anchor_stops_at_deepest_existing_field():
    f = parse_yaml("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: x\n")
    obj = next(objects_in(f.documents[0], "p.yaml"))
    c = next(containers(obj))
    assert c.at("image").locate().line == 7 and c.at("image").locate().column == 14
    assert c.at("livenessProbe", "httpGet").locate().line == 6  # missing: the container itself
    assert c.at("image", key=True).locate().column == 7


def test_dockerfile_lines_stages_and_args():
    df = parse_dockerfile("# syntax=docker/dockerfile:1\nARG V=1.22\nFROM golang:${V} AS Build\nRUN a && \\\n    b\nFROM build\nUSER app\n")
    assert [(i.keyword, i.line, i.end_line) for i in df.instructions] == [
        ("ARG", 2, 2), ("FROM", 3, 3), ("RUN", 4, 5), ("FROM", 6, 6), ("USER", 7, 7)]
    assert df.directives == {"syntax": "docker/dockerfile:1"}
    assert [s.name for s in df.stages] == ["build", None]
    assert df.stages[0].base == "golang:1.22" and df.stages[1].parent == 0


def test_dockerfile_heredoc_keeps_lines_exact():
    df = parse_dockerfile("FROM alpine:3.20\nRUN <<EOF\napt-get update\necho hi\nEOF\nUSER app\n")
    assert [(i.keyword, i.line, i.end_line) for i in df.instructions] == [("FROM", 1, 1), ("RUN", 2, 5), ("USER", 6, 6)]
    assert df.instructions[1].heredocs == ["apt-get update\necho hi"]


def test_dockerfile_flags_and_exec_form():
    df = parse_dockerfile("FROM --platform=$BUILDPLATFORM alpine:3.20\nCOPY --from=build --chmod=755 a b\nCMD [\"app\", \"-v\"]\n")
    assert df.stages[0].platform == "$BUILDPLATFORM"
    assert df.instructions[1].flags == {"from": "build", "chmod": "755"}
    assert df.instructions[2].exec_form == ["app", "-v"]


def test_expand_variables():
    env = {"A": "1", "B": None}
    assert expand_variables("x:${A}", env) == "x:1"
    assert expand_variables("x:$B", env) is None
    assert expand_variables("x:${B:-2}", env) == "x:2"
    assert expand_variables("x:${A:+y}", env) == "x:y"


def test_parse_image():
    ref = parse_image("localhost:5000/team/app@sha256:abc")
    assert (ref.registry, ref.repository, ref.tag, ref.digest) == ("localhost:5000", "team/app", None, "sha256:abc")
    assert parse_image("nginx").tag is None and parse_image("nginx:1.27").is_pinned
    assert parse_image("ghcr.io/a/b:latest").is_latest


def test_arg_defaults_may_use_earlier_args():
    df = parse_dockerfile("ARG V=latest\nARG IMG=alpine:${V}\nFROM ${IMG}\n")
    assert df.stages[0].base == "alpine:latest"
    df = parse_dockerfile("ARG V\nARG IMG=alpine:${V}\nFROM ${IMG}\n")
    assert df.stages[0].base is None


def test_blank_lines_inside_a_continuation_do_not_end_the_instruction():
    df = parse_dockerfile("FROM alpine:3.20\nRUN apk add a \\\n\n    b \\\n  \n    && echo c\nUSER 1\n")
    assert [(i.keyword, i.line, i.end_line) for i in df.instructions] == [("FROM", 1, 1), ("RUN", 2, 6), ("USER", 7, 7)]
    assert "echo c" in df.instructions[1].value
