"""Packages whose names load on first use (PEP 562), so that importing one part imports only that part.

The command line, for one, needs the kinds of map and the projections for its options; it should
not pay for the mirror, the layout and the drawing code each time it starts.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Sequence


def lazy_exports(package: str, parts: Sequence[str]) -> tuple[Callable, Callable]:
    """The ``__getattr__`` and ``__dir__`` of ``package``: a public name comes from the first of its
    ``parts`` (submodules, or whole module names) that has it, imported when the name is first used.

    >>> import sys, types
    >>> sys.modules["demo"] = types.ModuleType("demo")
    >>> getattr_, dir_ = lazy_exports("demo", ["graph.namespaces"])
    >>> getattr_("shorten")("https://w3id.org/spacekg/id/nasa"), "shorten" in vars(sys.modules.pop("demo"))
    ('kg:nasa', True)
    """
    modules = [part if "." in part else f"{package}.{part}" for part in parts]

    def __getattr__(name: str):
        if not name.startswith("_"):
            for module_name in modules:
                module = importlib.import_module(module_name)
                if hasattr(module, name):
                    value = getattr(module, name)
                    setattr(sys.modules[package], name, value)
                    return value
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    def __dir__() -> list[str]:
        names = {n for m in modules for n in vars(importlib.import_module(m)) if not n.startswith("_")}
        return sorted({*vars(sys.modules[package]), *names})

    return __getattr__, __dir__
