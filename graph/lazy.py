"""Packages whose names load on first use (PEP 562), so that importing one part imports only that part.

The command line, for one, needs the kinds of map and the projections for its options; it should
not pay for the mirror, the layout and the drawing code each time it starts.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable


def lazy_exports(package: str, exports: dict[str, str]) -> tuple[Callable, Callable]:
    """The ``__getattr__`` and ``__dir__`` of ``package``, which exports each name from its module.

    >>> getattr_, dir_ = lazy_exports("graph", {"shorten": "graph.namespaces"})
    >>> getattr_("shorten")("https://w3id.org/spacekg/id/nasa")
    'kg:nasa'
    """

    def __getattr__(name: str):
        if name not in exports:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(exports[name]), name)
        setattr(sys.modules[package], name, value)
        return value

    def __dir__() -> list[str]:
        return sorted([*vars(sys.modules[package]), *exports])

    return __getattr__, __dir__
