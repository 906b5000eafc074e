"""JUnit XML: one testsuite per file, one failing testcase per finding.

A linted file without findings gets one passing testcase, so CI dashboards
count it.
"""
from __future__ import annotations

from itertools import groupby
from typing import TextIO
from xml.etree import ElementTree as ET

from linter.engine import RunResult


def render(result: RunResult, stream: TextIO, color: bool = False) -> None:
    suites = ET.Element("testsuites", name="k8slint", tests="0", failures="0")
    by_path = {p: list(g) for p, g in groupby(result.findings, key=lambda f: f.path)}
    paths = sorted(set(result.files) | set(by_path))
    total = failures = 0
    for path in paths:
        found = by_path.get(path, [])
        suite = ET.SubElement(suites, "testsuite", name=path, tests=str(max(len(found), 1)),
                              failures=str(len(found)), errors="0", skipped="0")
        if not found:
            ET.SubElement(suite, "testcase", name="k8slint", classname=path)
            total += 1
        for f in found:
            case = ET.SubElement(suite, "testcase", name=f"{f.rule_id} {f.rule_name} ({f.line}:{f.column})",
                                 classname=path, file=f.path, line=str(f.line))
            failure = ET.SubElement(case, "failure", message=f.message, type=f.severity.value)
            failure.text = f"{f.path}:{f.line}:{f.column}: {f.severity.value} {f.rule_id} {f.rule_name}: {f.message}"
            total += 1
            failures += 1
    suites.set("tests", str(total))
    suites.set("failures", str(failures))
    ET.indent(suites)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(suites, encoding="unicode"))
    stream.write("\n")
