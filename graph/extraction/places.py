"""Where things are, said with nouns: "a Houston-based company", "its Bremen facility in Germany",
"the Baikonur Cosmodrome in Kazakhstan", "a launch site on the coast of Peru". Called from
:func:`graph.extraction.nominal.noun_facts`; clauses that say where ("X is located in Y") are read
in :mod:`graph.extraction.copula`, orbits in :mod:`graph.extraction.orbits`.
"""

from __future__ import annotations

from graph.extraction.facts import Fact
from graph.extraction.kinds import COMPANY_NOUNS
from graph.extraction.mentions import Mention

_PLACES = ("Place", "CelestialBody", "Orbit", "Region")


def based(reader, tok) -> list[Fact]:
    """"Lunar Machines, a Houston-based company": the company is based in Houston."""
    places = [m for c in tok.children if c.dep_ in ("npadvmod", "compound") for m in reader.args(c)
              if reader.is_a(m, "Place")]
    noun = tok.head
    # "Paris-based Eutelsat and London-based OneWeb": each is based where its own modifier says
    others = {c.i for c in noun.conjuncts}
    holders = [m for m in reader.args(noun) if not m.tokens & others] or (
        reader.args(noun.head) if noun.dep_ == "appos" else
        reader.subject_of(noun.head) if noun.dep_ == "attr" else [])
    return [Fact(h, "basedIn", p, tok.i) for h in holders if reader.is_actor(h) for p in places]


def _based_where(reader, tok, owned: Mention) -> list[Fact]:
    """"the Mohammed bin Rashid Space Centre in Dubai", "the Institute of Space Research of Peru": an
    organisation named with where it is based (right after its name)."""
    after = reader.doc[owned.end] if owned.end < len(reader.doc) else None
    if after is None or after.lower_ not in ("in", "of") or after.head.i not in owned.tokens:
        return []
    places = [m for p in after.children if p.dep_ == "pobj" for m in reader.args(p)
              if reader.is_a(m, "Place", "Country", "Region") and (after.lower_ == "in" or reader.is_a(m, "Country"))]
    return [Fact(owned, "basedIn", p, tok.i) for p in places if p.entity.iri != owned.entity.iri]


def site(reader, tok) -> list[Fact]:
    """"its Bremen facility in Germany", "NASA headquarters in Washington": an organisation's site,
    proposed as a facility it runs, where the text says it is."""
    owners = [m for c in tok.children if c.dep_ in ("poss", "compound") for m in reader.args(c) if reader.is_actor(m)]
    if not owners:
        return []
    places = [m for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "at", "near")
              for p in c.children if p.dep_ == "pobj" for m in reader.args(p) if reader.is_a(m, *_PLACES, "Country")]
    after = reader.doc[tok.i + 1] if tok.i + 1 < len(reader.doc) else None
    if not places and after is not None and after.lower_ in ("in", "at"):
        places = [m for p in after.children if p.dep_ == "pobj" for m in reader.args(p)
                  if reader.is_a(m, *_PLACES, "Country")]
    # the site's own name before it ("Bremen facility"), not its owner's ("NASA headquarters")
    names = [c for c in tok.children if c.dep_ == "compound" and c.i < tok.i
             and ((m := reader.mention_at(c.i)) is None or reader.is_a(m, "Place"))]
    if tok.lower_ in ("headquarters", "hq") and not names:
        # "ESA headquarters in Paris": where the organisation is based, not a facility of its own
        return [Fact(o, "basedIn", p, tok.i) for o in owners for p in places]
    start = min([c.i for c in names] + [tok.i])
    label = f"{owners[0].entity.acronym or owners[0].entity.label} {reader.doc[start:tok.i + 1].text}"
    site = reader.described(start, tok.i + 1, "Facility", label)
    out = [Fact(o, "operates", site, tok.i) for o in owners]
    return out + [Fact(site, "locatedIn", p, tok.i) for p in places]


def located(reader, tok, owned: Mention) -> list[Fact]:
    """"Kennedy Space Center in Florida", "Siziwang Banner of the Inner Mongolia region", "Nihonbashi, Tokyo"."""
    if reader.is_actor(owned) and not reader.is_a(owned, "Country", "Facility", "Place"):
        return _based_where(reader, tok, owned)
    if not reader.is_a(owned, "Facility", "SpaceStation", "Place") or reader.is_a(owned, "Country"):
        return []
    preps = ("in", "at", "near", "on", "around") + (("of",) if reader.is_a(owned, "Place") else ())
    out = []
    # "Utopia Planitia, a vast plain on Mars": the apposition's place is the name's
    described = [p for c in tok.children if c.dep_ == "appos" and reader.mention_at(c.i) is None
                 for p in c.children if p.dep_ == "prep" and p.lower_ in preps]
    for c in [*tok.children, *described]:
        targets = []
        if c.dep_ == "prep" and c.lower_ in preps:
            targets = [m for p in c.children if p.dep_ == "pobj" for m in reader.args(p)]
        elif c.dep_ == "appos" and reader.is_a(owned, "Place") and c.left_edge.i == tok.i + 2 \
                and reader.doc[tok.i + 1].text == ",":
            targets = reader.args(c)  # "Nihonbashi, Tokyo": right after the comma
        out += [Fact(owned, "locatedIn", m, tok.i) for m in targets if m is not owned and reader.is_a(m, *_PLACES)]
    after = reader.doc[owned.end] if owned.end < len(reader.doc) else None
    if after is not None and after.text == "," and owned.end + 1 < len(reader.doc):
        after = reader.doc[owned.end + 1]  # "the Vostochny Cosmodrome, in Russia's Far East, hosted"
    near = ("in", "at", "near") + (("on",) if not reader.is_a(owned, "SpaceStation") else ())  # a site "on the coast"
    if not out and after is not None and after.lower_ in near and after.head.i != tok.i:
        # "launched from the Baikonur Cosmodrome in Kazakhstan", wherever the parser hung "in"
        out += [Fact(owned, "locatedIn", m, tok.i) for p in after.children if p.dep_ == "pobj"
                for m in reader.args(p) if m is not owned and reader.is_a(m, *_PLACES)]
    return out


def described_base(reader, tok) -> list[Fact]:
    """"The Pittsburgh company had hoped ...", "the Japanese firm": the organisation a description
    refers to is based in the place that describes it."""
    if tok.lemma_.lower() not in COMPANY_NOUNS or tok.pos_ != "NOUN" or reader.mention_at(tok.i) is not None:
        return []
    places = [m for c in tok.children if c.dep_ in ("compound", "amod", "nmod")
              for m in [reader.mention_at(c.i) or reader.people_of(c)] if m is not None
              and reader.is_a(m, "Place") and not reader.is_a(m, "CelestialBody")]
    holders = [h for h in reader.args(tok) if reader.is_actor(h) and not reader.is_a(h, "Country")] if places else []
    return [Fact(h, "basedIn", p, tok.i) for h in holders for p in places if h.entity.iri != p.entity.iri]
