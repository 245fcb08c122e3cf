"""Python's cyclic garbage collector paused while a large graph is built or read.

Building the mirror or a projection allocates hundreds of thousands of dicts, tuples and lists,
almost none of them in reference cycles. Each allocation burst lets the collector run, and each
of its full passes walks every object alive, the whole mirror included: on the 1M-triple
benchmark graph, the partnership projection spent more than half its time there (1.25 s of
processor time, 0.46 s with the collector paused). :func:`paused_gc` pauses it for the length of
a block (or of a function, as a decorator) and restores it after, so nothing is kept from it:
the objects made meanwhile are examined at its next pass.

>>> import gc
>>> with paused_gc():
...     gc.isenabled()
False
>>> gc.isenabled()
True
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector inside the block; leave it as it was after (usable as a decorator)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
