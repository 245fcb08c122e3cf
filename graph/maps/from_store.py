"""The one layer of the maps that talks to the store: read what to draw, then lay it out and draw it."""

from __future__ import annotations

from graph.errors import QueryError
from graph.maps.change import layout_change
from graph.maps.drawing import Drawn, draw
from graph.maps.layout import layout_map, layout_triples
from graph.maps.spec import LayoutMemory, MapSpec


def plan(
    store,
    kind: str,
    *,
    build_hash: str = "",
    as_of: str | list[str] | None = None,
    min_certainty: str | None = None,
    focus: str | None = None,
    depth: int = 1,
    title: str | None = None,
    width: int = 1600,
    height: int = 1000,
    dpi: int = 150,
    memory: LayoutMemory | None = None,
) -> MapSpec:
    """Mirror the built graph and lay out a map of ``kind``: what :func:`render` draws, nothing drawn.

    ``as_of`` may list several dates: the map is then laid out as small multiples on one layout, with
    what changed from one date to the next marked (:func:`~graph.maps.change.layout_change`).
    ``memory`` (a :class:`LayoutMemory`) starts an unchanged graph from its previous positions.
    """
    from graph.analysis import resolve
    from graph.mirror import cached_mirror

    G = cached_mirror(store)
    _describe_sources(store, G)
    focus_iri = resolve(G, focus) if focus else None
    size = {"width": width, "height": height, "dpi": dpi}
    if isinstance(as_of, list | tuple) and len(as_of) > 1:
        return layout_change(G, kind, sorted(as_of), min_certainty=min_certainty, focus=focus_iri, depth=depth,
                             title=title, build_hash=build_hash, **size)
    if isinstance(as_of, list | tuple):
        as_of = as_of[0] if as_of else None
    return layout_map(G, kind, as_of=as_of, min_certainty=min_certainty, focus=focus_iri, depth=depth,
                      title=title, build_hash=build_hash, memory=memory, **size)


def render(store, kind: str, *, memory_path=None, fmt: str = "png", **options) -> tuple[MapSpec, Drawn]:
    """Lay out a map of ``kind`` (:func:`plan`, which takes the same ``options``) and draw it as ``fmt``
    (png, svg or pdf).

    ``memory_path`` (a JSON file) keeps the layout between runs: unchanged graphs are drawn exactly
    as before, changed ones start from the previous positions (a map of several dates keeps none).
    """
    several = isinstance(options.get("as_of"), list | tuple) and len(options["as_of"]) > 1
    memory = LayoutMemory.load(memory_path) if memory_path is not None and not several else None
    spec = plan(store, kind, memory=memory, **options)
    drawn = draw(spec, fmt)
    if memory is not None and spec.kind != "timeline":
        memory.save(memory_path)
    return spec, drawn


def render_query(store, text: str, *, query_name: str, build_hash: str = "", title: str | None = None,
                 width: int = 1600, height: int = 1000, dpi: int = 150, fmt: str = "png") -> tuple[MapSpec, Drawn]:
    """Draw the triples of a CONSTRUCT query, or of a SELECT with ``?s ?p ?o``."""
    import pyoxigraph as ox

    from graph.mirror import cached_mirror
    from graph.query import run

    results = run(store, text, source=query_name)
    triples: list[tuple[str, str, str | None]] = []
    if isinstance(results, ox.QueryTriples | list):  # a list: CONSTRUCT triples from a remote endpoint
        for t in results:
            obj = t.object.value if isinstance(t.object, ox.NamedNode) else None
            triples.append((t.subject.value, t.predicate.value, obj))
    elif isinstance(results, ox.QuerySolutions):
        names = {v.value for v in results.variables}
        if not {"s", "p", "o"} <= names:
            raise QueryError(f"{query_name}: a SELECT query to map must return ?s ?p ?o (it returns "
                             f"{', '.join('?' + n for n in sorted(names))})")
        for row in results:
            obj = row["o"].value if isinstance(row["o"], ox.NamedNode) else None
            if row["s"] is not None and row["p"] is not None:
                triples.append((row["s"].value, row["p"].value, obj))
    else:
        raise QueryError(f"{query_name}: an ASK query has nothing to draw; use CONSTRUCT or SELECT ?s ?p ?o")
    G = cached_mirror(store)
    spec = layout_triples(G, triples, title=title, query_name=query_name, build_hash=build_hash, width=width,
                          height=height, dpi=dpi)
    return spec, draw(spec, fmt)


def _describe_sources(store, G) -> None:
    """Put a short description of each source (publisher, title, date) in ``G.graph['sources']``."""
    from graph.query import run

    rows = run(store, """SELECT ?src ?title ?issued (SAMPLE(?pub) AS ?publisher) WHERE {
        ?src a :SourceArticle ; dcterms:title ?title .
        OPTIONAL { ?src dcterms:issued ?issued }
        OPTIONAL { ?src dcterms:publisher/rdfs:label ?pub } } GROUP BY ?src ?title ?issued""")
    from graph.maps.layout import credit, known_title
    from graph.namespaces import shorten

    credits = {}
    for r in rows:  # an outlet, the title unless it is a placeholder, the date or None ("undated")
        outlet = r["publisher"].value if r["publisher"] else shorten(r["src"].value)
        credits[r["src"].value] = (outlet, known_title(r["title"].value), r["issued"].value if r["issued"] else None)
    G.graph["source_credits"] = credits
    G.graph["source_names"] = {src: credit(*c) for src, c in credits.items()}
