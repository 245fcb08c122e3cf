"""The IRIs SpaceKG mints, and the prefixes every query and file may use.

Plain strings on purpose: importing this module costs nothing, so fast commands such as
``spacekg query`` need not import rdflib.

=========  =========================================  ===================================
prefix     namespace                                  what lives there
=========  =========================================  ===================================
``space``  ``https://w3id.org/spacekg/ontology#``     ontology terms (classes, properties);
                                                      also the default prefix ``:`` in queries
``kg``     ``https://w3id.org/spacekg/id/``           entities: agencies, countries, missions...
``src``    ``https://w3id.org/spacekg/source/``       source articles; each is also the name of
                                                      the named graph holding its statements
``stmt``   ``https://w3id.org/spacekg/statement/``    statement nodes (one per fact per evidence)
``cameo``  ``https://w3id.org/spacekg/cameo/``        CAMEO event types (GDELT's scale)
=========  =========================================  ===================================
"""

from __future__ import annotations

BASE = "https://w3id.org/spacekg/"
SPACE = BASE + "ontology#"
KG = BASE + "id/"
SRC = BASE + "source/"
STMT = BASE + "statement/"
CAMEO = BASE + "cameo/"

ONTOLOGY_GRAPH = BASE + "ontology"
CATALOG_GRAPH = BASE + "catalog"
CAMEO_GRAPH = BASE + "cameo"

WD = "http://www.wikidata.org/entity/"

PREFIXES: dict[str, str] = {
    "": SPACE,
    "space": SPACE,
    "kg": KG,
    "src": SRC,
    "stmt": STMT,
    "cameo": CAMEO,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "org": "http://www.w3.org/ns/org#",
    "schema": "https://schema.org/",
    "time": "http://www.w3.org/2006/time#",
    "oa": "http://www.w3.org/ns/oa#",
    "wd": WD,
}


def sparql_prologue() -> str:
    """The ``PREFIX`` lines for every prefix in :data:`PREFIXES`, for engines that cannot predeclare.

    The empty prefix comes last: rdflib forgets ``:`` when a later prefix binds the same namespace.
    """
    ordered = sorted(PREFIXES.items(), key=lambda item: item[0] == "")
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in ordered)


def shorten(iri: str) -> str:
    """Write ``iri`` as a prefixed name when a known prefix covers it.

    >>> shorten("https://w3id.org/spacekg/id/cnsa")
    'kg:cnsa'
    >>> shorten("https://w3id.org/spacekg/ontology#partnerOf")
    ':partnerOf'
    """
    best: str | None = None
    for prefix, ns in PREFIXES.items():
        if prefix != "space" and iri.startswith(ns) and (best is None or len(ns) > len(PREFIXES[best])):
            best = prefix
    if best is not None:
        local = iri[len(PREFIXES[best]) :]
        if local and all(c.isalnum() or c in "-_." for c in local) and not local.endswith("."):
            return f"{best}:{local}"
    return f"<{iri}>"
