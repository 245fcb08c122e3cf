"""The mirror written back: statements as RDF, analysis results as RDF, graphs as GraphML or GEXF."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from graph.errors import UsageError
from graph.mirror.reading import facts
from graph.model import Certainty, TimeValue, add_to_graph
from graph.namespaces import BASE, PREFIXES, SPACE
from graph.terms import local_name, to_rdflib

if TYPE_CHECKING:
    import networkx as nx
    import rdflib

XSD = PREFIXES["xsd"]
# Analysis results written back as RDF get IRIs under this namespace (one folder per run).
RESULT = BASE + "result/"


def to_rdf(G: nx.MultiDiGraph) -> rdflib.Graph:
    """The statements of a mirror as RDF: each plain triple and its statement node with every attribute.

    The inverse of :func:`graph.mirror.mirror` for the statement part of the graph:
    ``to_rdf(mirror(store))`` is isomorphic to the triples of the store's statement nodes plus
    their plain triples. Each edge or attribute record becomes a :class:`graph.model.Statement`
    again (:func:`graph.mirror.reading.facts`), which writes its own triples.
    """
    from rdflib import Graph

    g = Graph()
    for prefix in ("space", "kg", "src", "stmt", "cameo", "prov", "time", "xsd"):
        g.bind(prefix, PREFIXES[prefix])
    for statement in facts(G):
        add_to_graph(g, statement)
    return g


def results_to_rdf(
    *,
    blocs: Iterable[Iterable[str]] = (),
    scores: Mapping[str, Mapping[str, float]] | None = None,
    method: str,
    computed_at: datetime | None = None,
    as_of: str | None = None,
    min_certainty: str | None = None,
    bloc_labels: Iterable[str] | None = None,
) -> rdflib.Graph:
    """Analysis results as RDF, to be queried with SPARQL beside the facts.

    One ``prov:Activity`` stands for the run (``rdfs:comment`` = ``method``, ``space:asOf``,
    ``space:minCertainty``). Each bloc is a ``space:Bloc`` (an
    ``org:OrganizationalCollaboration``) with ``org:hasMember`` links; each score is a
    ``space:CentralityScore`` with ``space:scoreOf`` (the actor), ``space:measure``,
    ``space:scoreValue``, ``prov:generatedAtTime`` and ``prov:wasGeneratedBy`` (the run).
    IRIs live under ``https://w3id.org/spacekg/result/<run>/``, the run id hashing the time,
    method and filters, so two runs never collide and one run always gets the same IRIs.

    Examples
    --------
    >>> from datetime import datetime, UTC
    >>> g = results_to_rdf(blocs=[["https://w3id.org/spacekg/id/cnsa"]],
    ...                    scores={"degree": {"https://w3id.org/spacekg/id/cnsa": 1.0}},
    ...                    method="demo", computed_at=datetime(2026, 1, 1, tzinfo=UTC))
    >>> len(g)
    14
    """
    from rdflib import Graph, Literal, URIRef

    computed_at = computed_at or datetime.now(UTC)
    stamp = Literal(computed_at.isoformat(), datatype=URIRef(XSD + "dateTime"))
    run_id = hashlib.sha1(f"{computed_at.isoformat()}|{method}|{as_of}|{min_certainty}".encode()).hexdigest()[:12]
    base = f"{RESULT}{run_id}/"
    g = Graph()
    for prefix in ("space", "kg", "prov", "org", "xsd"):
        g.bind(prefix, PREFIXES[prefix])
    g.bind("result", base)
    run = _add_run(g, base, run_id, method, as_of, min_certainty)
    labels = list(bloc_labels) if bloc_labels is not None else None
    for i, members in enumerate(blocs, start=1):
        label = labels[i - 1] if labels is not None else f"bloc {i}"
        _add_result(g, f"{base}bloc-{i}", "Bloc", run, stamp, [(RDFS + "label", Literal(label, lang="en"))]
                    + [(ORG + "hasMember", URIRef(m)) for m in sorted(members)])
    for measure, values in sorted((scores or {}).items()):
        for actor, value in sorted(values.items()):
            _add_result(g, f"{base}{measure}/{local_name(actor)}", "CentralityScore", run, stamp, [
                (SPACE + "scoreOf", URIRef(actor)), (SPACE + "measure", Literal(measure)),
                (SPACE + "scoreValue", Literal(float(value), datatype=URIRef(XSD + "double")))])
    return g


RDFS = PREFIXES["rdfs"]
ORG = PREFIXES["org"]
PROV = PREFIXES["prov"]


def _add_run(g: rdflib.Graph, base: str, run_id: str, method: str, as_of: str | None, min_certainty: str | None):
    """The ``prov:Activity`` of one analysis run, with its method and filters."""
    from rdflib import Literal, URIRef

    run = URIRef(base + "run")
    g.add((run, URIRef(PREFIXES["rdf"] + "type"), URIRef(PROV + "Activity")))
    g.add((run, URIRef(RDFS + "label"), Literal(f"SpaceKG analysis run {run_id}", lang="en")))
    g.add((run, URIRef(RDFS + "comment"), Literal(method, lang="en")))
    if as_of is not None:
        g.add((run, URIRef(SPACE + "asOf"), to_rdflib(TimeValue.parse(as_of).literal())))
    if min_certainty is not None:
        g.add((run, URIRef(SPACE + "minCertainty"), URIRef(Certainty.named(min_certainty).iri)))
    return run


def _add_result(g: rdflib.Graph, iri: str, cls: str, run, stamp, properties: list[tuple[str, Any]]) -> None:
    """One result of a run (a bloc, a score): its class, its properties, when and by which run."""
    from rdflib import URIRef

    node = URIRef(iri)
    g.add((node, URIRef(PREFIXES["rdf"] + "type"), URIRef(SPACE + cls)))
    for prop, value in properties:
        g.add((node, URIRef(prop), value))
    g.add((node, URIRef(PROV + "generatedAtTime"), stamp))
    g.add((node, URIRef(PROV + "wasGeneratedBy"), run))


def _plain(value: Any) -> Any:
    """A value GraphML and GEXF can store: lists and dicts as sorted-key JSON text, ints/floats/bools/str as is."""
    if isinstance(value, bool | int | float | str):
        return value
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def exportable(P: nx.Graph) -> nx.Graph:
    """A copy of ``P`` whose attributes GraphML and GEXF can hold.

    ``None`` values are left out (both formats read a missing attribute as unknown), lists and
    dicts become JSON text (sorted keys), so the conversion is deterministic and reversible.
    """
    H = P.__class__()
    H.add_nodes_from((n, {k: _plain(v) for k, v in d.items() if v is not None}) for n, d in P.nodes(data=True))
    if P.is_multigraph():
        # The key (the statement IRI) also goes in as an attribute: GEXF numbers its edges itself.
        H.add_edges_from(
            (u, v, key, {"statement": str(key), **{k: _plain(x) for k, x in d.items() if x is not None}})
            for u, v, key, d in P.edges(keys=True, data=True)
        )
    else:
        H.add_edges_from(
            (u, v, {k: _plain(x) for k, x in d.items() if x is not None}) for u, v, d in P.edges(data=True)
        )
    return H


def export_bytes(P: nx.Graph, fmt: str) -> bytes:
    """``P`` serialised as ``graphml`` or ``gexf`` (attributes converted by :func:`exportable`)."""
    import networkx as nx

    H = exportable(P)
    if fmt == "graphml":
        lines = nx.generate_graphml(H)
    elif fmt == "gexf":
        lines = nx.generate_gexf(H)
    else:
        raise UsageError(f"unknown export format {fmt!r} (use graphml or gexf)")
    return ("\n".join(lines) + "\n").encode("utf-8")


EXPORT_FORMATS = {".graphml": "graphml", ".gexf": "gexf"}


def export_format(path, fmt: str | None = None) -> str:
    """The format to write ``path`` in: ``fmt`` if given, else the one its extension names.

    >>> export_format("camps.gexf"), export_format("camps.xml", "graphml")
    ('gexf', 'graphml')

    Raises
    ------
    UsageError
        If ``fmt`` is not given and the extension is neither ``.graphml`` nor ``.gexf``, or ``fmt``
        contradicts the extension.
    """
    from pathlib import PurePath

    suffix = PurePath(path).suffix.lower()
    named = EXPORT_FORMATS.get(suffix)
    if fmt is None and named is None:
        raise UsageError(f"cannot tell the format of {str(path)!r} from its extension: name it .graphml or .gexf, "
                         "or give --format")
    if fmt is not None and named is not None and fmt != named:
        raise UsageError(f"--format {fmt} contradicts the extension of {str(path)!r} ({named})")
    return fmt or named  # type: ignore[return-value]
