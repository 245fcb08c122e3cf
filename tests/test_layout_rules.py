"""Modules that fit in a head: no module over 500 lines and no function over 80 in graph/ and scripts/.

The project aims at ~400 lines a module and ~60 a function; these limits are the hard stop.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 80
FILES = sorted([*(ROOT / "graph").rglob("*.py"), *(ROOT / "scripts").glob("*.py")])
# Modules being reworked in another branch: split once that work is merged (strict: a fixed one fails here).
PENDING: dict[str, str] = {}
CASES = [
    pytest.param(p, marks=pytest.mark.xfail(strict=True, reason=PENDING[name])) if name in PENDING else p
    for p in FILES
    for name in [p.relative_to(ROOT).as_posix()]
]


def long_functions(source: str, limit: int) -> list[tuple[str, int, int]]:
    """``(name, first line, length)`` of each function or method longer than ``limit`` lines.

    >>> long_functions("def f():\\n    return 1\\n", 1)
    [('f', 1, 2)]
    """
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            length = node.end_lineno - first + 1
            if length > limit:
                found.append((node.name, node.lineno, length))
    return found


@pytest.mark.parametrize("path", CASES, ids=lambda p: str(p.relative_to(ROOT)))
def test_modules_and_functions_fit_in_a_head(path: Path):
    source = path.read_text(encoding="utf-8")
    lines = source.count("\n")
    assert lines <= MAX_MODULE_LINES, f"{path.relative_to(ROOT)} has {lines} lines (at most {MAX_MODULE_LINES})"
    assert long_functions(source, MAX_FUNCTION_LINES) == []
