"""A seeded generator of synthetic SpaceKG graphs for the benchmark (``scripts/bench.py``).

The graphs have exactly the shape ``spacekg build`` produces, so every query, the mirror, the
projections and the maps run on them unchanged:

- the ontology and the CAMEO event types (``ontology/space.ttl`` and ``ontology/cameo.ttl``) in
  their named graphs;
- a catalog graph of synthetic entities (countries, space agencies, companies, programs,
  missions, landers, stations, agreements, places, news outlets), each with its types and an
  ``rdfs:label``; agencies with ``:acronym`` and ``:basedIn``; places linked by ``:partOf``;
- source articles, each the named graph of its statements (``a :SourceArticle``,
  ``dcterms:title``, ``dcterms:issued``, ``dcterms:publisher``, ``:sha256``);
- in each source graph, for every fact, the plain triple and a statement node with
  ``rdf:subject/predicate/object``, ``prov:wasDerivedFrom``, ``:certainty``, ``:evidence``,
  ``:evidenceStart/End``, usually a ``:pointInTime`` (or ``:startTime``/``:endTime``) with its
  ``:timePrecision``, and an ``:eventType`` for ``:partnerOf`` and ``:rivalOf``.

Every name is synthetic (``kg:agency-0007``, "Agency 7"): no real fact, date or identifier
is invented, and nothing here is meant to be read as news. Actors fall in a few blocs:
partnerships mostly stay inside a bloc and rivalries cross blocs, with preferential attachment
so that a few actors are hubs, as in the real graph.

Each statement is a :class:`graph.model.Statement`, whose own triples are written (the same
code writes the project's statements everywhere else). The output is N-Quads (one quad a line),
plus the same triples without graph names as
N-Triples for baselines that take a plain graph, and a JSON sidecar naming entities that exist,
to bind the parameters of the named queries.

Examples
--------
>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "tiny.nq"
>>> meta = generate(3000, out, seed=1)
>>> meta["triples"] >= 3000, meta["params"]["agency"].startswith("https://w3id.org/spacekg/id/")
(True, True)
"""

from __future__ import annotations

import hashlib
import itertools
import json
import random
from dataclasses import replace
from pathlib import Path

from graph import paths
from graph.model import Certainty, Evidence, Statement, TimeValue, statement_iris
from graph.namespaces import CAMEO, CAMEO_GRAPH, CATALOG_GRAPH, KG, ONTOLOGY_GRAPH, PREFIXES, SPACE, SRC
from graph.terms import Lit, Term, ntriples_term

RDF = PREFIXES["rdf"]
RDFS = PREFIXES["rdfs"]
XSD = PREFIXES["xsd"]
DCT = PREFIXES["dcterms"]
A = f"<{RDF}type>"

# Statements per relation, out of 100; the rest of the shape follows the seed graph.
RELATION_MIX = (
    ("partnerOf", 28), ("rivalOf", 10), ("signedAgreement", 8), ("memberOf", 6), ("participatesIn", 10),
    ("operates", 10), ("plansMission", 10), ("launched", 6), ("landedOn", 5), ("locatedIn", 3),
    ("targetDate", 4),
)
CERTAINTY_MIX = (("Stated", 60), ("Planned", 20), ("Speculative", 10), ("Inferred", 10))
PARTNER_EVENTS = ("030", "036", "040", "046", "050", "051", "057", "060", "061", "064")
RIVAL_EVENTS = ("110", "111", "120", "121", "160", "161", "162", "163", "164", "166")
STATEMENTS_PER_SOURCE = 20
# About 13.5 quads per statement (plain triple, 9-10 statement triples, time, event type).
QUADS_PER_STATEMENT = 13.5
BLOCS = 4


def parse_size(text: str | int) -> int:
    """``"10k"`` -> 10000, ``"1m"`` -> 1000000, ``"2500"`` -> 2500.

    >>> parse_size("100k"), parse_size("1M"), parse_size(2000)
    (100000, 1000000, 2000)
    """
    if isinstance(text, int):
        return text
    value = text.strip().lower()
    scale = {"k": 1_000, "m": 1_000_000}.get(value[-1:], 1)
    number = value[:-1] if scale != 1 else value
    return int(float(number) * scale)


def _iri(iri: str) -> str:
    return f"<{iri}>"


def _lit(text: str, datatype: str | None = None, lang: str | None = None) -> str:
    return ntriples_term(Lit(text, datatype, lang))


def _weighted(rng: random.Random, mix: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([k for k, _ in mix], weights=[w for _, w in mix])[0]


class _Writer:
    """Writes quads to the N-Quads file and their triples to the N-Triples file, counting them."""

    def __init__(self, nq, nt) -> None:
        self.nq, self.nt, self.count = nq, nt, 0

    def quad(self, s: str, p: str, o: str, g: str) -> None:
        self.nq.write(f"{s} {p} {o} {g} .\n")
        self.nt.write(f"{s} {p} {o} .\n")
        self.count += 1

    def statement(self, fact: Statement, graph: str) -> None:
        """The plain triple and the statement node of ``fact`` (:meth:`graph.model.Statement.triples`)."""
        for s, p, o in fact.triples():
            self.quad(ntriples_term(s), ntriples_term(p), ntriples_term(o), graph)


def _ontology_quads(writer: _Writer) -> None:
    import pyoxigraph as ox

    blanks: dict[str, str] = {}

    def term(node) -> str:
        # The parser names blank nodes at random: number them in order, so the file is reproducible.
        if isinstance(node, ox.BlankNode):
            return blanks.setdefault(node.value, f"_:b{len(blanks)}")
        return str(node)

    for name, graph_iri in (("space.ttl", ONTOLOGY_GRAPH), ("cameo.ttl", CAMEO_GRAPH)):
        path = paths.ontology_dir() / name
        for t in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
            writer.quad(term(t.subject), str(t.predicate), term(t.object), _iri(graph_iri))


def _counts(n_triples: int, actors: int | None) -> dict[str, int]:
    """How many entities of each kind a graph of ``n_triples`` gets (they grow slower than facts)."""
    n = max(n_triples, 1000)
    agencies = actors if actors is not None else max(12, min(1500, n // 1500))
    return {
        "country": max(6, min(200, agencies // 3)),
        "agency": agencies,
        "company": max(3, agencies // 4),
        "program": max(4, n // 4000),
        "mission": max(6, n // 1500),
        "station": max(2, n // 50000),
        "agreement": max(4, n // 3000),
        "outlet": max(2, min(300, n // 20000)),
    }


def _tail(term: Term) -> str:
    return term.rsplit("/", 1)[-1] if isinstance(term, str) else term.value


def _fact(rng: random.Random, actors: _Actors, pools: dict) -> tuple[str, str, Term]:
    """A relation, its subject and its object (IRIs without brackets; a target date's object is set later)."""
    relation = _weighted(rng, RELATION_MIX)
    subject = actors.pick(actors.everyone)
    bloc = actors.bloc[subject]
    if relation == "partnerOf":
        obj = actors.pick(actors.friends[bloc] if rng.random() < 0.85 else actors.everyone, subject)
    elif relation == "rivalOf":
        obj = actors.pick(actors.foes[bloc] if actors.foes[bloc][0] else actors.everyone, subject)
    elif relation == "signedAgreement":
        obj = rng.choice(pools["agreements"])
    elif relation in ("memberOf", "participatesIn"):
        obj = rng.choice(pools["joinable"])
    elif relation in ("operates", "launched"):
        obj = rng.choice(pools["undertakings"])
    elif relation == "plansMission":
        obj = rng.choice(pools["missions"])
    elif relation in ("landedOn", "locatedIn"):
        subject = rng.choice(pools["missions"] if relation == "landedOn" else pools["sited"])
        obj = rng.choice(pools["places"])
    else:  # targetDate: a literal object, a year after the source's
        subject, obj = rng.choice(pools["undertakings"]), "<>"
    return relation, subject[1:-1], obj[1:-1]


def _times(rng: random.Random, year: int, certainty: str) -> dict[str, TimeValue]:
    """Usually a point in time (a target after publication for plans and speculation), else a span."""
    roll = rng.random()
    if roll < 0.75:
        ahead = certainty in ("Planned", "Speculative")
        when_year = year + (rng.randint(1, 8) if ahead else -rng.randint(0, 3))
        precision = rng.choice(("day", "month", "year"))
        if precision == "day":
            value = f"{when_year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        else:
            value = f"{when_year}-{rng.randint(1, 12):02d}" if precision == "month" else str(when_year)
        return {"point_in_time": TimeValue.parse(value)}
    if roll < 0.85:
        span = {"start_time": TimeValue.parse(str(year - 2))}
        if rng.random() < 0.5:
            span["end_time"] = TimeValue.parse(str(year))
        return span
    return {}


def _catalog(writer: _Writer, rng: random.Random, counts: dict[str, int]) -> dict[str, list[str]]:
    """The catalog's synthetic entities, written to the catalog graph; their IRIs (bracketed) by kind."""
    catalog = _iri(CATALOG_GRAPH)

    def entity(kind: str, i: int, classes: tuple[str, ...], label: str) -> str:
        iri = _iri(f"{KG}{kind}-{i:04d}")
        for cls in classes:
            writer.quad(iri, A, _iri(SPACE + cls), catalog)
        writer.quad(iri, _iri(RDFS + "label"), _lit(label, lang="en"), catalog)
        return iri

    def link(s: str, relation: str, o: str) -> None:
        writer.quad(s, _iri(SPACE + relation), o, catalog)

    # Places: the Moon, its regions, orbits; Mars.
    moon = entity("place", 0, ("CelestialBody",), "Moon (synthetic)")
    mars = entity("place", 1, ("CelestialBody",), "Mars (synthetic)")
    places = [moon, mars]
    for i in range(2, 8):
        places.append(entity("place", i, ("SurfaceRegion",), f"Region {i}"))
        link(places[-1], "partOf", moon if i % 2 == 0 else mars)
    places.append(entity("place", 8, ("Orbit",), "Lunar orbit (synthetic)"))
    link(places[-1], "orbitsAround", moon)
    e: dict[str, list[str]] = {"places": places}
    e["countries"] = [entity("country", i, ("Country",), f"Country {i}") for i in range(counts["country"])]
    e["agencies"] = [entity("agency", i, ("SpaceAgency",), f"Agency {i}") for i in range(counts["agency"])]
    for i, iri in enumerate(e["agencies"]):
        writer.quad(iri, _iri(SPACE + "acronym"), _lit(f"AG{i}"), catalog)
        link(iri, "basedIn", e["countries"][i % len(e["countries"])])
    e["companies"] = [entity("company", i, ("Company",), f"Company {i}") for i in range(counts["company"])]
    for i, iri in enumerate(e["companies"]):
        link(iri, "basedIn", e["countries"][i % len(e["countries"])])
    e["programs"] = [entity("program", i, ("Program",), f"Program {i}") for i in range(counts["program"])]
    e["missions"] = [entity("mission", i, ("Mission", "Lander") if i % 3 == 0 else ("Mission",), f"Mission {i}")
                     for i in range(counts["mission"])]
    e["stations"] = [entity("station", i, ("SpaceStation",), f"Station {i}") for i in range(counts["station"])]
    for i, station in enumerate(e["stations"]):
        link(station, "locatedIn", places[i % len(places)])
    e["agreements"] = [entity("agreement", i, ("Agreement",), f"Agreement {i}") for i in range(counts["agreement"])]
    for iri in e["agreements"]:
        link(iri, "about", rng.choice(e["programs"] + e["stations"]))
    e["outlets"] = [entity("outlet", i, ("NewsOutlet",), f"Outlet {i}") for i in range(counts["outlet"])]
    return e


class _Actors:
    """Actors in blocs, picked with preferential attachment (weights fall off as a power of the rank)."""

    def __init__(self, rng: random.Random, actors: list[str]) -> None:
        self.rng, self.all = rng, actors
        self.bloc = {a: rng.randrange(BLOCS) for a in actors}
        by_bloc: dict[int, list[str]] = {}
        for a in actors:
            by_bloc.setdefault(self.bloc[a], []).append(a)
        weight = {a: 1.0 / (1 + k) ** 0.8 for k, a in enumerate(actors)}

        def cumulative(group: list[str]) -> tuple[list[str], list[float]]:
            return group, list(itertools.accumulate(weight[a] for a in group))

        self.everyone = cumulative(actors)
        self.friends = {b: cumulative(group) for b, group in by_bloc.items()}
        self.foes = {b: cumulative([a for o, group in by_bloc.items() if o != b for a in group]) for b in by_bloc}

    def pick(self, group: tuple[list[str], list[float]], avoid: str | None = None) -> str:
        population, cum = group
        for _ in range(8):
            other = self.rng.choices(population, cum_weights=cum)[0]
            if other != avoid:
                return other
        return next(a for a in self.all if a != avoid)


def _source_facts(rng: random.Random, k: int, year: int, actors: _Actors, pools: dict, made: int) -> list[Statement]:
    """The statements of one synthetic source, each with its evidence sentence at its offset."""
    src_name, offset, facts = f"bench-{k:06d}", 0, []
    for n in range(STATEMENTS_PER_SOURCE):
        relation, subject, obj = _fact(rng, actors, pools)
        if relation == "targetDate":
            obj = TimeValue.parse(str(year + rng.randint(1, 10))).literal()
        certainty = _weighted(rng, CERTAINTY_MIX)
        sentence = f"Synthetic sentence {made + n}: {_tail(subject)} {relation} {_tail(obj)}."
        fact = Statement(subject, SPACE + relation, obj, certainty=Certainty(SPACE + certainty),
                         evidence=Evidence(sentence, offset), source=SRC + src_name, **_times(rng, year, certainty))
        if relation in ("partnerOf", "rivalOf"):
            codes = PARTNER_EVENTS if relation == "partnerOf" else RIVAL_EVENTS
            fact = replace(fact, event_type=CAMEO + rng.choice(codes))
        facts.append(fact)
        offset += len(sentence) + 1
    return [fact.named(iri) for iri, fact in zip(statement_iris(src_name, facts), facts, strict=True)]


def _write_source(writer: _Writer, k: int, issued: str, outlet: str, facts: list[Statement]) -> None:
    src_name = f"bench-{k:06d}"
    src = _iri(SRC + src_name)
    writer.quad(src, A, _iri(SPACE + "SourceArticle"), src)
    writer.quad(src, _iri(DCT + "title"), _lit(f"Synthetic article {k}"), src)
    writer.quad(src, _iri(DCT + "issued"), _lit(issued, XSD + "date"), src)
    writer.quad(src, _iri(DCT + "publisher"), outlet, src)
    writer.quad(src, _iri(SPACE + "sha256"), _lit(hashlib.sha256(src_name.encode()).hexdigest()), src)
    for fact in facts:
        writer.statement(fact, src)


def generate(n_triples: int, out: Path, *, seed: int = 7, actors: int | None = None) -> dict:
    """Write a graph of about ``n_triples`` quads to ``out`` (N-Quads) and ``out.with_suffix('.nt')``.

    ``actors`` fixes the number of space agencies (the other actor kinds follow from it), e.g. to
    get a partnership map of about 200 nodes. Returns the metadata also written to
    ``out.with_suffix('.json')``: the counts, and ``params``, one existing entity per parameter of
    the named queries.
    """
    out, rng = Path(out), random.Random(seed)
    out.parent.mkdir(parents=True, exist_ok=True)
    counts = _counts(n_triples, actors)
    nt_path = out.with_suffix(".nt")
    first_partnership: tuple[str, Term] | None = None
    made, k = 0, -1
    with out.open("w", encoding="utf-8") as nq, nt_path.open("w", encoding="utf-8") as nt:
        writer = _Writer(nq, nt)
        _ontology_quads(writer)
        e = _catalog(writer, rng, counts)
        picker = _Actors(rng, e["agencies"] + e["countries"] + e["companies"])
        pools = {"agreements": e["agreements"], "joinable": e["programs"] + e["stations"],
                 "undertakings": e["programs"] + e["missions"] + e["stations"], "missions": e["missions"],
                 "places": e["places"], "sited": e["stations"] + e["missions"]}
        target_statements = max(20, int((n_triples - writer.count) / (QUADS_PER_STATEMENT + 0.4)))
        n_sources = max(1, target_statements // STATEMENTS_PER_SOURCE)
        while writer.count < n_triples:  # whole sources until the size is reached
            k += 1
            year, month, day = 2000 + min(k, n_sources - 1) * 26 // n_sources, rng.randint(1, 12), rng.randint(1, 28)
            facts = _source_facts(rng, k, year, picker, pools, made)
            _write_source(writer, k, f"{year}-{month:02d}-{day:02d}", e["outlets"][k % len(e["outlets"])], facts)
            made += len(facts)
            first_partnership = first_partnership or next(
                ((f.subject, f.object) for f in facts if f.relation == "partnerOf"), None)
    hub = e["agencies"][0][1:-1]
    pair = first_partnership or (hub, e["agencies"][1][1:-1])
    meta = {
        "seed": seed, "requested": n_triples, "triples": writer.count, "statements": made, "sources": k + 1,
        "counts": counts, "nquads": str(out), "ntriples": str(nt_path),
        "params": {
            "agency": hub, "actor": hub, "entity": hub, "place": e["places"][0][1:-1],
            "certainty": SPACE + "Stated", "from": "2010-01-01", "to": "2012-12-31",
            "subject": pair[0], "predicate": SPACE + "partnerOf", "object": pair[1], "class": SPACE + "SpaceAgency",
        },
    }
    out.with_suffix(".json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return meta


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("size", help="10k, 100k, 1m or an integer number of triples")
    parser.add_argument("out", type=Path, help="the N-Quads file to write")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--actors", type=int, default=None, help="number of space agencies (default: from size)")
    args = parser.parse_args()
    print(json.dumps(generate(parse_size(args.size), args.out, seed=args.seed, actors=args.actors), indent=2))
