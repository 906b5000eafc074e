"""Lighter event classes for ruamel.yaml.clib's C parser (the five kinds that are ~all of a stream).

libyaml parses in C, but `_ruamel_yaml.CParser` builds each event as an instance of ruamel.yaml's
Python classes, whose `__init__` chains through three levels (Event, NodeEvent, the kind's own):
~20 % of the event stream's cost, ~10 % of `parse_yaml`'s. The parser looks the classes up by name
in its module's globals on every event; `install` points those names at subclasses that set the
same slots in one `__init__`. They are still ruamel's classes to any `isinstance` (ruamel's own
loaders in this process see no difference), and each event carries the same attributes.

Nothing is replaced unless ruamel's classes have exactly the slots these set (another ruamel.yaml
release may add some): `parse_yaml` then reads ruamel's own classes, as before.
"""
from __future__ import annotations

from types import SimpleNamespace
from typing import Any

_EXPECTED_SLOTS = {
    "Event": ("start_mark", "end_mark", "comment"),
    "NodeEvent": ("anchor",),
    "ScalarEvent": ("ctag", "implicit", "value", "style"),
    "CollectionStartEvent": ("ctag", "implicit", "flow_style", "nr_items"),
    "CollectionEndEvent": (),
    "MappingStartEvent": (),
    "SequenceStartEvent": (),
    "MappingEndEvent": (),
    "SequenceEndEvent": (),
}
FLAT_KINDS = ("ScalarEvent", "MappingStartEvent", "SequenceStartEvent", "MappingEndEvent", "SequenceEndEvent")


def _flat_classes(ev: Any) -> dict[str, type]:
    def scalar_init(self: Any, anchor: Any, tag: Any, implicit: Any, value: Any, start_mark: Any = None,
                    end_mark: Any = None, style: Any = None, comment: Any = None) -> None:
        self.anchor, self.ctag, self.implicit, self.value, self.style = anchor, tag, implicit, value, style
        self.start_mark, self.end_mark, self.comment = start_mark, end_mark, comment

    def start_init(self: Any, anchor: Any, tag: Any, implicit: Any, start_mark: Any = None, end_mark: Any = None,
                   flow_style: Any = None, comment: Any = None, nr_items: Any = None) -> None:
        self.anchor, self.ctag, self.implicit, self.flow_style, self.nr_items = anchor, tag, implicit, flow_style, nr_items
        self.start_mark, self.end_mark, self.comment = start_mark, end_mark, comment

    def end_init(self: Any, start_mark: Any = None, end_mark: Any = None, comment: Any = None) -> None:
        self.start_mark, self.end_mark, self.comment = start_mark, end_mark, comment

    made: dict[str, type] = {}
    for name, init in (("ScalarEvent", scalar_init), ("MappingStartEvent", start_init), ("SequenceStartEvent", start_init),
                       ("MappingEndEvent", end_init), ("SequenceEndEvent", end_init)):
        made[name] = type(name, (getattr(ev, name),), {"__slots__": (), "__init__": init,
                                                       "__module__": __name__, "__qualname__": name})
    return made


def install(parser_module: Any, ev: Any) -> Any:
    """The event classes `parser_module`'s CParser now makes (a namespace with ruamel's names)."""
    names = {n: getattr(ev, n) for n in dir(ev) if n.endswith("Event")}
    current = {n: getattr(parser_module, n, None) for n in FLAT_KINDS}
    flat_already = all(c is not None and c.__module__ == __name__ for c in current.values())
    if not flat_already:
        fits = all(getattr(getattr(ev, n, None), "__dict__", {}).get("__slots__") == s
                   for n, s in _EXPECTED_SLOTS.items())
        if not fits or any(current[n] is not names[n] for n in FLAT_KINDS):
            return SimpleNamespace(**names)
        for name, cls in _flat_classes(ev).items():
            setattr(parser_module, name, cls)
    names.update({n: getattr(parser_module, n) for n in FLAT_KINDS})
    return SimpleNamespace(**names)
