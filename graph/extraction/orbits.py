"""Where craft are in orbit, said with a noun: "a constellation in low Earth orbit", "Tiangong
flies in low Earth orbit", "the satellite was placed in geostationary orbit".

An orbit the catalog knows ("low Earth orbit", "lunar orbit") is its mention; another, named by
its modifiers ("geostationary orbit", "a near-rectilinear halo orbit"), is proposed as a new
orbit. A bare "orbit" names none ("put into orbit" is a launch, read in
:func:`graph.extraction.craft.launch`). Called from :func:`graph.extraction.nominal.noun_facts`.
"""

from __future__ import annotations

from graph.extraction.clause import Clause
from graph.extraction.facts import Fact
from graph.extraction.mentions import Mention

_HOLDERS = ("Spacecraft", "Undertaking", "Facility")


def in_orbit(reader, tok) -> list[Fact]:
    """The craft that the noun phrase or the clause around "in ... orbit" puts in that orbit."""
    if tok.lemma_.lower() != "orbit" or tok.dep_ != "pobj" or tok.head.lower_ not in ("in", "into"):
        return []
    orbit = reader.mention_at(tok.i) or _described_orbit(reader, tok)
    if orbit is None or not reader.is_a(orbit, "Orbit"):
        return []
    head = tok.head.head
    # "The satellite flies in ...", the model's "flies" a noun with a subject: a verb all the same
    verb_like = head.pos_ in ("VERB", "AUX") or any(c.dep_ == "nsubj" for c in head.children)
    if not verb_like and head.pos_ in ("NOUN", "PROPN"):  # "a constellation of 600 satellites in low Earth orbit"
        things, at = reader.args(head), tok.i
    elif verb_like:  # "flies in low Earth orbit", "was placed in geostationary orbit"
        clause = Clause(head, reader)
        things, at = (clause.patients() or reader.subject_of(head)), head.i
    else:
        return []
    return [Fact(t, "locatedIn", orbit, at) for t in things
            if reader.is_a(t, *_HOLDERS) and not reader.is_actor(t) and t.entity.iri != orbit.entity.iri]


_NO_PLACE = {"intended", "planned", "final", "initial", "correct", "target", "targeted", "desired", "new", "own",
             "right", "proper", "operational", "preliminary", "temporary", "higher", "lower"}


def _described_orbit(reader, tok) -> Mention | None:
    """"geostationary orbit", "a near-rectilinear halo orbit": an orbit named by its modifiers."""
    # (not words that say nothing of where: "its intended orbit", "the planned orbit", "a final orbit")
    modifiers = [c for c in tok.children if c.dep_ in ("amod", "compound") and c.i < tok.i
                 and c.lower_ not in _NO_PLACE]
    if not modifiers:
        return None
    start = min(t.i for m in modifiers for t in m.subtree)
    return reader.described(start, tok.i + 1, "Orbit")
