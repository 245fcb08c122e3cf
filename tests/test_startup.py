"""Lazy start-up: the fast commands import none of the heavy libraries.

Each check runs the command line in a fresh interpreter with ``-X importtime`` and reads
``sys.modules`` at the end, so the answer does not depend on what this test session imported.
No timing is asserted; when a heavy module is imported, the message shows the chain of imports
that pulled it in.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("matplotlib", "pyshacl", "networkx", "rdflib", "spacy", "trafilatura")
MARK = "@@modules@@"
PROGRAM = f"""
import json, sys
from graph.cli import main
try:
    main(sys.argv[1:], prog_name="spacekg", standalone_mode=False)
except SystemExit:
    pass
print({MARK!r} + json.dumps(sorted(m for m in {HEAVY!r} if m in sys.modules)))
"""


def import_chain(importtime: str, module: str) -> list[str]:
    """The chain of imports (outermost first) that first imported ``module``, from ``-X importtime`` output.

    importtime lists a module after the modules it imports, each indented two spaces deeper than
    its importer, so the importer is the next line one level up.

    >>> lines = ["import time: 1 | 1 |     networkx", "import time: 1 | 2 |   graph.mirror",
    ...          "import time: 1 | 3 | graph.cli"]
    >>> import_chain("\\n".join(lines), "networkx")
    ['graph.cli', 'graph.mirror', 'networkx']
    """
    entries = []
    for line in importtime.splitlines():
        if line.startswith("import time:") and line.count("|") == 2:
            name = line.rsplit("|", 1)[1]
            entries.append((len(name) - len(name.lstrip()), name.strip()))
    for i, (depth, name) in enumerate(entries):
        if name == module or name.startswith(module + "."):
            chain, level = [name], depth
            for later_depth, later in entries[i + 1 :]:
                if later_depth < level:
                    chain.append(later)
                    level = later_depth
            return chain[::-1]
    return []


def run_cli(*args: str) -> tuple[list[str], str, str]:
    """Run ``spacekg ARGS`` in a fresh interpreter: the heavy modules it imported, its output, importtime."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", PROGRAM, *args], capture_output=True, text=True, timeout=120
    )
    out, _, modules = done.stdout.rpartition(MARK)
    assert modules, f"the command did not finish:\n{done.stdout}\n{done.stderr[-3000:]}"
    return json.loads(modules), out, done.stderr


def explain(found: list[str], importtime: str) -> str:
    return "; ".join(f"{m} imported via {' -> '.join(import_chain(importtime, m))}" for m in found)


def test_import_chain_reads_importtime_nesting() -> None:
    text = (
        "import time: self [us] | cumulative | imported package\n"
        "import time:       5 |          5 |       rdflib.term\n"
        "import time:       7 |         12 |     rdflib\n"
        "import time:       3 |         15 |   graph.store\n"
        "import time:       1 |          1 |   click\n"
        "import time:       2 |         18 | graph.cli\n"
    )
    assert import_chain(text, "rdflib") == ["graph.cli", "graph.store", "rdflib", "rdflib.term"]
    assert import_chain(text, "networkx") == []


def test_query_on_a_built_graph_imports_no_heavy_library(built: Path) -> None:
    found, out, importtime = run_cli(
        "query", "--name", "partners-of", "-p", "agency", "cnsa", "--build-dir", str(built)
    )
    assert "kg:roscosmos" in out  # the command really ran the query on the graph
    assert found == [], explain(found, importtime)


@pytest.mark.parametrize("args", [("--help",), ("query", "--help"), ("query", "--list"), ("review", "--help")])
def test_help_and_listing_import_no_heavy_library(args: tuple[str, ...]) -> None:
    found, out, importtime = run_cli(*args)
    assert out.strip()
    assert found == [], explain(found, importtime)
