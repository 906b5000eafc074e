"""Import bashlex without rebuilding its LALR tables on every start.

bashlex vendors a PLY `yacc` that builds the parse tables from the grammar each time
`bashlex.parser` is imported (~0.13 s, ~40 % of a `k8slint Dockerfile` call); it writes a
`parsetab.py` but never reads it. `import_bashlex()` runs bashlex's own import with
`yacc.yacc` wrapped: the first time, the wrapper builds the tables as usual and stores them
(marshal: plain dicts, tuples and strings) in k8slint's cache folder, keyed by the bashlex
and Python files' stamps; later imports build the same parser object from that file.
bashlex's own post-processing (its state corrections) still runs on the result. Before any
cache file exists (the first call on a machine), the tables shipped in
`linter/sources/bashlex_parsetab.py` serve when they were generated from bashlex files with the
same content (`scripts/gen_bashlex_parsetab.py` regenerates them). Any problem
(no cache folder, a corrupt or stale file, another bashlex layout) falls back to the plain
import, so parsing results never differ (tests/test_fastcli.py checks the tables agree).
"""
from __future__ import annotations

import os
import sys
from typing import Any

FORMAT = "1"


class _Production:
    __slots__ = ("name", "len", "func", "str", "callable")

    def __init__(self, name: str, length: int, func: str | None, text: str) -> None:
        self.name, self.len, self.func, self.str = name, length, func, text
        self.callable = None

    def bind(self, pdict: dict[str, Any]) -> None:
        if self.func:
            self.callable = pdict[self.func]


class _Tables:
    def __init__(self, action: dict, goto: dict, productions: list) -> None:
        self.lr_action, self.lr_goto, self.lr_productions = action, goto, productions


def content_key(folder: str) -> str | None:
    """What the tables depend on: the grammar (parser.py), the token list (tokenizer.py) and PLY's
    table generator (yacc.py), by content, so the key is the same in every install."""
    import hashlib

    h = hashlib.sha256(FORMAT.encode())
    for name in ("parser.py", "yacc.py", "tokenizer.py"):
        try:
            with open(os.path.join(folder, name), "rb") as fh:
                h.update(fh.read())
        except OSError:
            return None
        h.update(b"\0")
    return h.hexdigest()


def _shipped(folder: str) -> tuple[dict, dict, list] | None:
    try:
        from linter.sources import bashlex_parsetab as shipped
    except ImportError:
        return None
    if shipped.KEY != content_key(folder):
        return None
    return shipped.ACTION, shipped.GOTO, shipped.PRODUCTIONS


def _cache_file(folder: str) -> str | None:
    import hashlib

    parts = [FORMAT, sys.version]
    for name in ("parser.py", "yacc.py", "tokenizer.py"):
        try:
            st = os.stat(os.path.join(folder, name))
        except OSError:
            return None
        parts.append(f"{name}:{st.st_mtime_ns}:{st.st_size}")
    from linter.cachedir import default_cache_dir

    key = hashlib.sha256("\0".join(parts).encode()).hexdigest()[:24]
    return os.path.join(str(default_cache_dir()), f"bashlex-tables-{key}.marshal")


def tables_of(parser: Any) -> tuple[dict, dict, list]:
    """(action, goto, productions) of a PLY parser, as plain dicts, lists and tuples."""
    productions = [(p.name, p.len, p.func, getattr(p, "str", "")) for p in parser.productions]
    return ({k: dict(v) for k, v in parser.action.items()},
            {k: dict(v) for k, v in parser.goto.items()},
            productions)


def _dump(parser: Any) -> bytes:
    import marshal

    return marshal.dumps(tables_of(parser))


def import_bashlex() -> Any:
    """The `bashlex` module, imported with cached parse tables when possible."""
    if "bashlex.parser" in sys.modules:
        return sys.modules["bashlex"]
    try:
        return _import_cached()
    except Exception:  # any surprise: forget the half-import and take the ordinary road
        for name in [m for m in sys.modules if m == "bashlex" or m.startswith("bashlex.")]:
            del sys.modules[name]
        import bashlex

        return bashlex


def _import_cached() -> Any:
    import importlib
    import importlib.util
    import marshal

    spec = importlib.util.find_spec("bashlex")
    if spec is None or spec.loader is None or not spec.submodule_search_locations:
        raise ImportError("bashlex")
    folder = list(spec.submodule_search_locations)[0]
    path = _cache_file(folder)
    if path is None:
        raise ImportError("bashlex layout")
    package = importlib.util.module_from_spec(spec)
    sys.modules["bashlex"] = package  # yacc's `from bashlex import utils` finds the package
    yacc = importlib.import_module("bashlex.yacc")
    original = yacc.yacc

    def cached_yacc(*args: Any, **kwargs: Any) -> Any:
        module = sys.modules[sys._getframe(1).f_globals["__name__"]]
        pdict = vars(module)
        try:
            if os.path.isfile(path):
                with open(path, "rb") as fh:
                    action, goto, productions = marshal.load(fh)
            else:
                shipped = _shipped(folder)
                if shipped is None:
                    raise OSError("neither cached nor shipped tables")
                action, goto, productions = shipped
            prods = [_Production(*p) for p in productions]
            tables = _Tables(action, goto, prods)
            for p in prods:
                p.bind(pdict)
            parser = yacc.LRParser(tables, pdict.get("p_error"))
        except (OSError, EOFError, ValueError, TypeError, KeyError):
            parser = original(*args, module=module, **kwargs)
            from linter.atomic import write_atomic

            write_atomic(path, _dump(parser))  # no writable cache folder: built each time, as bashlex does
        yacc.parse = parser.parse
        return parser

    yacc.yacc = cached_yacc
    try:
        spec.loader.exec_module(package)
    finally:
        yacc.yacc = original
    return package
