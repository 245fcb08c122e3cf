"""The same answers on the embedded store and on Apache Jena ARQ 4.5 over TDB2 (tests/store_comparisons.py).

Jena ARQ over TDB2 is Fuseki's engine and store (Fuseki itself is not packaged by Debian): Debian's
`libapache-jena-java`, run by its JDK, loads the build's TriG and answers the SPARQL Protocol through a
small endpoint (tests/jena_support.py, compiled once per machine). Both are installed by
`scripts/quickstart.py test` when run as root, as on CI; where they are missing these tests are skipped,
saying so.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.store import TRIG_NAME
from tests.conftest import stop_process
from tests.jena_support import jena_missing, start_jena
from tests.store_comparisons import (  # noqa: F401 - the comparisons, run here on Jena
    test_analysis_agrees,
    test_export_agrees,
    test_graph_and_boolean_answers_agree,
    test_maps_agree,
    test_named_queries_agree,
    test_named_queries_agree_for_every_date,
    test_render_command_agrees,
)
from tests.test_remote import free_port


@pytest.fixture(scope="module")
def endpoint(built: Path, tmp_path_factory: pytest.TempPathFactory):
    """Jena ARQ 4.5 over TDB2 (Fuseki's engine and store) holding the build's TriG (tests/jena_support.py)."""
    reason = jena_missing()
    if reason:
        pytest.skip(reason)
    folder = tmp_path_factory.mktemp("jena")
    for attempt in range(3):  # the free port may be taken between the probe and the bind
        try:
            process, url = start_jena(folder, built / TRIG_NAME, free_port())
            break
        except RuntimeError as exc:
            if attempt == 2:
                pytest.fail(str(exc))
    try:
        yield url
    finally:
        stop_process(process)
