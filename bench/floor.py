"""The parse floor: read and parse files with no rules, as fast as Python can.

    python bench/floor.py FILE_LIST

FILE_LIST holds `kind<TAB>path` lines (kind: dockerfile or yaml). YAML goes through
libyaml (PyYAML's CSafeLoader when installed, else ruamel.yaml.clib's C parser
events), Dockerfiles through dockerfile-parse. Prints how many files and
documents it parsed.
"""
from __future__ import annotations

import io
import sys


def _yaml_loader():  # type: ignore[no-untyped-def]
    try:
        import yaml

        loader = yaml.CSafeLoader

        def load(text: str) -> int:
            return sum(1 for _ in yaml.load_all(text, Loader=loader))

        return "pyyaml-CSafeLoader", load
    except (ImportError, AttributeError):
        from _ruamel_yaml import CParser
        import ruamel.yaml.events as ev

        def load(text: str) -> int:
            parser = CParser(text)
            docs = 0
            while True:
                event = parser.get_event()
                if isinstance(event, ev.DocumentEndEvent):
                    docs += 1
                if isinstance(event, ev.StreamEndEvent):
                    return docs

        return "ruamel-CParser-events", load


def main(argv: list[str]) -> int:
    from dockerfile_parse import DockerfileParser

    name, load_yaml = _yaml_loader()
    files = docs = errors = 0
    with open(argv[0], encoding="utf-8") as fh:
        entries = [line.rstrip("\n").split("\t", 1) for line in fh if line.strip()]
    for kind, path in entries:
        try:
            with open(path, "rb") as fh:
                data = fh.read()
            text = data.decode("utf-8-sig")
            if kind == "dockerfile":
                parser = DockerfileParser(fileobj=io.BytesIO(text.encode("utf-8")))
                docs += len(parser.structure)
            else:
                docs += load_yaml(text)
            files += 1
        except Exception:
            errors += 1
    print(f"{name}: {files} files, {docs} documents/instructions, {errors} errors")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
