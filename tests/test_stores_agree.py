"""The same answers on the embedded store and on a real Oxigraph server (tests/store_comparisons.py).

The seed graph is pushed into the server with `spacekg push` (Graph Store Protocol, one graph per
source); then every named query, `analyze`, `explain`, `export` and the maps of `render` are compared
with the embedded store's. The same comparisons run on Virtuoso (tests/test_stores_agree_virtuoso.py)
and on Jena ARQ (tests/test_stores_agree_jena.py), each file on its own pytest-xdist worker.
"""

from __future__ import annotations

import pytest

from tests.store_comparisons import (  # noqa: F401 - the comparisons, run here on Oxigraph
    test_analysis_agrees,
    test_every_query_with_an_as_of_is_compared_for_every_date,
    test_export_agrees,
    test_graph_and_boolean_answers_agree,
    test_maps_agree,
    test_named_queries_agree,
    test_named_queries_agree_for_every_date,
    test_render_command_agrees,
)
from tests.test_remote import pushed  # noqa: F401 - the Oxigraph server holding the seed graph


@pytest.fixture(scope="module")
def endpoint(pushed) -> str:  # noqa: F811 - the fixture imported above
    base, _ = pushed
    return base + "/query"
