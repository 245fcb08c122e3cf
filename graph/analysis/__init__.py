"""Analysis of the networkx mirror: blocs, balance, influence, and why two actors are linked.

- :func:`centrality` - degree, betweenness and eigenvector centrality of an actor graph;
- :func:`communities` - Louvain communities of the partnership graph (fixed seed);
- :func:`two_camps` - the split of each component of the signed graph into two camps that leaves
  the fewest unbalanced edges (positive across, negative within): exact for small components,
  a deterministic local search for large ones;
- :func:`balance` - structural balance: the share of balanced triangles and the unbalanced ones;
- :func:`explain` - the shortest chains of statements linking two entities, with evidence;
- :func:`timeline` - the dated statements in date order;
- :func:`resolve` - an entity named by label, alias, acronym or ID, case-insensitively;
- :func:`analyze` - all of it for the command line, with :func:`format_analysis` and JSON.

One module a concern: :mod:`~graph.analysis.centrality`, :mod:`~graph.analysis.blocs`,
:mod:`~graph.analysis.explain` (chains and timeline, whose steps and events are
:class:`graph.model.Statement` objects), :mod:`~graph.analysis.names` and
:mod:`~graph.analysis.report`. Every function that reads statements takes ``as_of`` and
``min_certainty`` with the semantics of :func:`graph.mirror.holds`.
"""

from graph.analysis.blocs import EXACT_CAMPS_LIMIT, Balance, Camps, balance, communities, two_camps
from graph.analysis.centrality import LOUVAIN_SEED, Centrality, centrality
from graph.analysis.explain import Chain, Event, Step, explain, explain_text, timeline
from graph.analysis.names import resolve
from graph.analysis.report import Analysis, analysis_json, analyze, format_analysis
from graph.mirror import display_name

__all__ = [
    "EXACT_CAMPS_LIMIT",
    "LOUVAIN_SEED",
    "Analysis",
    "Balance",
    "Camps",
    "Centrality",
    "Chain",
    "Event",
    "Step",
    "analysis_json",
    "analyze",
    "balance",
    "centrality",
    "communities",
    "display_name",
    "explain",
    "explain_text",
    "format_analysis",
    "resolve",
    "timeline",
    "two_camps",
]
