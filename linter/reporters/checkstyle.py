"""Checkstyle XML (Jenkins warnings-ng, reviewdog, many IDE plugins)."""
from __future__ import annotations

from itertools import groupby
from typing import TextIO
from xml.etree import ElementTree as ET

from linter import __version__
from linter.engine import RunResult


def render(result: RunResult, stream: TextIO, color: bool = False) -> None:
    root = ET.Element("checkstyle", version=f"k8slint-{__version__}")
    by_path = {p: list(g) for p, g in groupby(result.findings, key=lambda f: f.path)}
    for path in sorted(set(result.files) | set(by_path)):
        node = ET.SubElement(root, "file", name=path)
        for f in by_path.get(path, []):
            ET.SubElement(node, "error", line=str(f.line), column=str(f.column), severity=f.severity.value,
                          message=f.message, source=f"k8slint.{f.rule_id}.{f.rule_name}")
    ET.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(root, encoding="unicode"))
    stream.write("\n")
