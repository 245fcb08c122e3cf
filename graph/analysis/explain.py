"""Why two entities are linked (chains of statements, with evidence) and what happened when."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from graph.errors import UnknownEntityError
from graph.mirror import display_name, holds
from graph.model import Statement, TimeValue
from graph.namespaces import shorten
from graph.terms import Lit

if TYPE_CHECKING:
    import networkx as nx


class _Told:
    """What a chain step and a timeline event show of their statement (``fact``)."""

    fact: Statement

    subject = property(lambda self: self.fact.subject)
    relation = property(lambda self: self.fact.relation)
    statement = property(lambda self: self.fact.iri, doc="the statement's IRI")
    certainty = property(lambda self: self.fact.certainty.name if self.fact.certainty else None)
    rank = property(lambda self: self.fact.certainty.rank if self.fact.certainty else 0)
    evidence = property(lambda self: self.fact.evidence.text if self.fact.evidence else None)
    source = property(lambda self: self.fact.source)


@dataclass(frozen=True)
class Step(_Told):
    """One statement of a chain, as stated (``subject relation object``), and its source's date."""

    fact: Statement
    source_date: str | None = None

    object = property(lambda self: self.fact.object)
    time = property(lambda self: self.fact.time.lexical if self.fact.time else None)
    end = property(lambda self: self.fact.end_time.lexical if self.fact.end_time else None)

    @property
    def qualifiers(self) -> str:
        """Its certainty and dates as shown in brackets: ``stated, 2021-03`` or ``stated, until 2022-07-12``."""
        parts = [str(self.certainty), self.time or "", f"until {self.end}" if self.end else ""]
        return ", ".join(part for part in parts if part)


@dataclass
class Chain:
    """A path of statements from one entity to another (each step may be read in either direction)."""

    nodes: list[str]
    steps: list[Step]

    @property
    def weakest(self) -> str:
        return min(self.steps, key=lambda s: s.rank).certainty


def _step(u: str, v: str, key: str, attrs: dict) -> Step:
    return Step(Statement.from_attributes(u, v, key, attrs), attrs.get("source_date"))


def explain(
    G: nx.MultiDiGraph,
    a: str,
    b: str,
    *,
    as_of: str | None = None,
    min_certainty: str | None = None,
    limit: int = 10,
) -> list[Chain]:
    """The shortest chains of statements linking ``a`` and ``b`` (IRIs), surest first.

    Every relation edge of the mirror counts, in either direction; only the statements that hold
    under ``as_of``/``min_certainty`` are used. A pair of entities linked by several statements
    gives one chain per statement (at most ``limit`` chains in all). Chains are ordered by their
    weakest certainty (surest first), then by their statements. An empty list means no chain.
    """
    import networkx as nx

    for node in (a, b):
        if node not in G:
            raise UnknownEntityError(f"{shorten(node)} is not in the graph")
    H = nx.Graph()
    H.add_nodes_from((a, b))
    support: dict[frozenset, list[Step]] = {}
    for u, v, key, attrs in G.edges(keys=True, data=True):
        if u != v and holds(attrs, as_of, min_certainty):
            H.add_edge(u, v)
            support.setdefault(frozenset((u, v)), []).append(_step(u, v, key, attrs))
    if a == b or not nx.has_path(H, a, b):
        return []
    chains = []
    # Enough paths to fill `limit` chains; sorted so the result does not depend on edge order.
    paths = sorted(itertools.islice(nx.all_shortest_paths(H, a, b), 1000))
    for path in paths:
        options = [
            sorted(support[frozenset(pair)], key=lambda s: (-s.rank, s.statement))
            for pair in itertools.pairwise(path)
        ]
        for steps in itertools.islice(itertools.product(*options), limit):
            chains.append(Chain(nodes=list(path), steps=list(steps)))
    chains.sort(key=lambda c: (-min(s.rank for s in c.steps), [s.statement for s in c.steps]))
    return chains[:limit]


def explain_text(
    G: nx.MultiDiGraph, a: str, b: str, *, as_of: str | None = None, min_certainty: str | None = None
) -> str:
    """:func:`explain` as text: each chain with its steps, evidence, certainty and source.

    The text says which dates it covers (``as of 2025-01-01``, or ``at any date`` without ``as_of``);
    a statement that ended shows its end (``[stated, until 2022-07-12]``). When filters are given
    and they leave out shorter or other chains, a note says so; when no chain links the two, the
    text says ``no chain links A and B`` with the filters.
    """
    name_a, name_b = display_name(G, a), display_name(G, b)
    conditions = []
    if min_certainty is not None:
        conditions.append(f"with certainty >= {min_certainty.lower()}")
    if as_of is not None:
        conditions.append(f"as of {as_of}")
    filters = " ".join(conditions)
    where = " " + " ".join([*conditions, *([] if as_of is not None else ["at any date"])])
    chains = explain(G, a, b, as_of=as_of, min_certainty=min_certainty)
    lines = []
    if not chains:
        lines.append(f"no chain links {name_a} and {name_b}{where}")
    else:
        length = len(chains[0].steps)
        lines.append(
            f"{len(chains)} chain{'s' if len(chains) != 1 else ''} of {length} step{'s' if length != 1 else ''} "
            f"link{'s' if len(chains) == 1 else ''} {name_a} and {name_b}{where}:"
        )
        for i, chain in enumerate(chains, start=1):
            lines.append("")
            lines.append(f"{i}. " + " - ".join(display_name(G, n) for n in chain.nodes))
            for step in chain.steps:
                lines.append(
                    f"   {display_name(G, step.subject)} {step.relation} {display_name(G, step.object)}"
                    f"  [{step.qualifiers}]"
                )
                if step.evidence:
                    lines.append(f'     "{step.evidence}"')
                source = shorten(step.source) if step.source else "unknown source"
                issued = f" ({step.source_date})" if step.source_date else ""
                lines.append(f"     source: {source}{issued}; statement: {shorten(step.statement)}")
    if conditions:
        unfiltered = explain(G, a, b)
        shown = {tuple(s.statement for s in c.steps) for c in chains}
        hidden = [c for c in unfiltered if tuple(s.statement for s in c.steps) not in shown]
        if hidden and (not chains or len(hidden[0].steps) <= len(chains[0].steps)):
            lines.append("")
            for chain in hidden:
                text = "; ".join(
                    f"{display_name(G, s.subject)} {s.relation} {display_name(G, s.object)} [{s.qualifiers}]"
                    for s in chain.steps
                )
                lines.append(f"left out by the filters ({filters}): {text}")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- timeline


@dataclass(frozen=True)
class Event(_Told):
    """One dated statement on the timeline; ``date`` is the first day of its time."""

    fact: Statement

    @property
    def when(self) -> TimeValue:
        """Its time: the point in time, else the start, else the end."""
        f = self.fact
        return f.point_in_time or f.start_time or f.end_time  # type: ignore[return-value]

    date = property(lambda self: self.when.first_day)
    time = property(lambda self: self.when.lexical)
    object = property(lambda self: self.fact.object.value if isinstance(self.fact.object, Lit) else self.fact.object)


def timeline(
    G: nx.MultiDiGraph,
    *,
    as_of: str | None = None,
    min_certainty: str | None = None,
    entity: str | None = None,
) -> list[Event]:
    """The dated statements (point in time, start or end) in date order, literal statements included.

    A statement with a start and an end appears once, at its start. ``entity`` keeps the
    statements whose subject or object it is.
    """
    from graph.mirror import facts, statements

    events = []
    for (u, v, _, attrs), fact in zip(statements(G), facts(G), strict=True):
        if not (attrs.get("point_in_time") or attrs.get("start_time") or attrs.get("end_time")):
            continue
        if not holds(attrs, as_of, min_certainty) or (entity is not None and entity not in (u, v)):
            continue
        events.append(Event(fact))
    return sorted(events, key=lambda e: (e.date, e.statement))
