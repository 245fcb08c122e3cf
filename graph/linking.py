"""Entity linking: find the catalog's entities in a sentence.

Surface forms come from the catalog itself: each entry's ``rdfs:label``, ``skos:altLabel`` and
``:acronym``. Matching is on the :func:`graph.text.normalise`-d sentence (curly quotes, non-breaking
spaces made plain), longest match first, on word boundaries, with an optional possessive
(``NASA's``). Acronyms and short all-capital forms match case-sensitively ("US" is not "us");
other forms ignore case ("the moon" is the Moon).

Two general rules go beyond the catalog's strings:

- *descriptions*: "the Russian space agency", "Russia's space agency", "the US space agency"
  name the one space agency that the catalog bases in that country;
- *stand-ins*: in a sentence about space activity a country's name often stands for its space
  agency ("Russia and China are partnering on a lunar station"). :meth:`Linker.agency_of` gives
  the agency; the extractor decides when to use it.

Examples
--------
>>> linker = Linker.default()
>>> [(m.surface, m.iri.rsplit("/", 1)[1]) for m in linker.mentions("NASA's Kennedy Space Center")]
[("NASA's", 'nasa'), ('Kennedy Space Center', 'kennedy-space-center')]
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from graph.namespaces import KG, SPACE
from graph.text import normalise

# The adjectives and short forms news uses for the countries it most often names, by country. A form
# only counts when the catalog has the country (looked up by label): the table adds no entity of its own.
_DEMONYM_TABLE = """
Algeria: Algerian
Angola: Angolan
Argentina: Argentine
Armenia: Armenian
Australia: Australian
Austria: Austrian
Azerbaijan: Azerbaijani
Bahrain: Bahraini
Bangladesh: Bangladeshi
Belarus: Belarusian
Belgium: Belgian
Bolivia: Bolivian
Brazil: Brazilian
Canada: Canadian
Chile: Chilean
China: Chinese
Colombia: Colombian
Czechia: Czech
Denmark: Danish
Egypt: Egyptian
Ethiopia: Ethiopian
Finland: Finnish
France: French
Germany: German
Ghana: Ghanaian
Greece: Greek
Hungary: Hungarian
India: Indian
Indonesia: Indonesian
Iran: Iranian
Iraq: Iraqi
Israel: Israeli
Italy: Italian
Japan: Japanese
Jordan: Jordanian
Kazakhstan: Kazakh
Kenya: Kenyan
Kuwait: Kuwaiti
Luxembourg: Luxembourgish
Malaysia: Malaysian
Mexico: Mexican
Mongolia: Mongolian
Morocco: Moroccan
Nepal: Nepali
Netherlands: Dutch
New Zealand: New Zealand
Nigeria: Nigerian
North Korea: North Korean
Norway: Norwegian
Oman: Omani
Pakistan: Pakistani
Paraguay: Paraguayan
Peru: Peruvian
Philippines: Filipino, Philippine
Poland: Polish
Portugal: Portuguese
Qatar: Qatari
Romania: Romanian
Russia: Russian
Rwanda: Rwandan
Saudi Arabia: Saudi
Senegal: Senegalese
Singapore: Singaporean
South Africa: South African
South Korea: Korean, South Korean
Spain: Spanish
Sri Lanka: Sri Lankan
Sudan: Sudanese
Sweden: Swedish
Switzerland: Swiss
Syria: Syrian
Taiwan: Taiwanese
Thailand: Thai
Tunisia: Tunisian
Turkey: Turkish
Turkmenistan: Turkmen
Uganda: Ugandan
Ukraine: Ukrainian
United Arab Emirates: Emirati, Emirates
United Kingdom: British
United States: American, US, U.S.
Uzbekistan: Uzbek
Venezuela: Venezuelan
Vietnam: Vietnamese
Zimbabwe: Zimbabwean
"""
DEMONYMS = {form.strip(): country for line in _DEMONYM_TABLE.strip().splitlines()
            for country, forms in [line.split(": ")] for form in forms.split(",")}
# Region names that stand for an intergovernmental agency in space news ("Europe's ExoMars mission").
REGION_AGENCIES = {"Europe": "European Space Agency"}
AGENCY_NOUN = r"(?:space|aerospace)\s+(?:agency|administration|authority|organi[sz]ation)"


@dataclass(frozen=True)
class Entity:
    """A catalog entry, with what the linker needs of it."""

    iri: str
    label: str
    types: frozenset[str]
    based_in: str | None = None
    text: str = ""  # label, alternative labels, acronyms and comment, to match descriptions against
    sources: str = ""  # the entry's dcterms:source IRIs (a news outlet's pages name its host)

    def is_a(self, *classes: str) -> bool:
        return any(SPACE + c in self.types for c in classes)


@dataclass(frozen=True)
class Mention:
    """An entity found in a sentence: where (offsets in the sentence) and as which words."""

    iri: str
    start: int
    end: int
    surface: str
    via: str = "name"  # "name", "description" (the Russian space agency) or "stand-in" (set later)
    country: str | None = None  # the country a description or a name names ("Russian space agency")


@dataclass
class Linker:
    """Finds catalog entities in text."""

    entities: dict[str, Entity]
    forms: list[tuple[str, str, bool]] = field(default_factory=list)  # (form, iri, case-sensitive)
    # each ontology class (local name) -> itself and its superclasses (local names), from the ontology
    superclasses: dict[str, frozenset[str]] = field(default_factory=dict)
    _pattern: re.Pattern | None = None
    _lookup: dict[str, str] = field(default_factory=dict)
    _exact: dict[str, str] = field(default_factory=dict)

    @classmethod
    def default(cls) -> Linker:
        """The linker over the project's catalog and the user's (cached while their files are unchanged)."""
        from graph import paths

        return cls.for_catalogs((paths.CATALOG_DIR, paths.user_data_dir() / "catalog"))

    @classmethod
    def for_catalogs(cls, folders: tuple[Path, ...]) -> Linker:
        """The linker over the catalogs in ``folders``, cached by the names, sizes and times of their files."""
        files = tuple(path for folder in folders for path in sorted(Path(folder).glob("*.ttl")))
        stamp = tuple((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in files)
        return cls._cached(stamp)

    @classmethod
    @functools.lru_cache(maxsize=4)
    def _cached(cls, stamp: tuple) -> Linker:
        return cls.from_catalog([Path(name) for name, _, _ in stamp])

    @classmethod
    def from_catalog(cls, catalog: Path | list[Path]) -> Linker:
        """The linker over the catalog folder ``catalog``, or over a list of catalog files."""
        from rdflib import RDF, RDFS, Graph, URIRef
        from rdflib.namespace import SKOS

        from graph import paths
        from graph.build import load_turtle

        # the files as every build parses them (graph.build keeps them while their text is unchanged)
        g = Graph()
        for path in catalog if isinstance(catalog, list) else sorted(Path(catalog).glob("*.ttl")):
            g += load_turtle(Path(path), shared=True)[0]
        ontology = load_turtle(paths.ontology_file(), shared=True)[0]
        space = SPACE
        acronym, based_in = URIRef(space + "acronym"), URIRef(space + "basedIn")

        def closure(cls_iri) -> set[str]:
            seen, todo = set(), [cls_iri]
            while todo:
                c = todo.pop()
                if c in seen:
                    continue
                seen.add(c)
                todo.extend(ontology.objects(c, RDFS.subClassOf))
            return {str(c) for c in seen}

        entities: dict[str, Entity] = {}
        forms: list[tuple[str, str, bool]] = []
        for s in sorted(set(g.subjects(RDF.type, None))):
            if not str(s).startswith(KG):
                continue
            types: set[str] = set()
            for c in g.objects(s, RDF.type):
                types |= closure(c)
            label = str(g.value(s, RDFS.label) or str(s).rsplit("/", 1)[1])
            names = [str(v) for v in g.objects(s, RDFS.label)]
            alts = [str(v) for v in g.objects(s, SKOS.altLabel) if getattr(v, "language", "en") in (None, "en")]
            acronyms = [str(v) for v in g.objects(s, acronym)]
            country = g.value(s, based_in)
            comment = " ".join(str(v) for v in g.objects(s, RDFS.comment))
            entities[str(s)] = Entity(
                iri=str(s), label=label, types=frozenset(types), based_in=str(country) if country else None,
                text=" ".join([*names, *alts, *acronyms, comment, str(s)]),
                sources=" ".join(str(v) for v in g.objects(s, URIRef("http://purl.org/dc/terms/source"))),
            )
            for form in sorted({*names, *alts}):  # sorted: the same forms, in the same order, on every run
                forms.append((normalise(form), str(s), _case_sensitive(form)))
            for form in sorted(acronyms):
                forms.append((normalise(form), str(s), True))
        classes = {c for c in ontology.subjects(RDF.type, URIRef("http://www.w3.org/2002/07/owl#Class"))
                   if str(c).startswith(space)}
        superclasses = {str(c)[len(space):]: frozenset(x[len(space):] for x in closure(c) if x.startswith(space))
                        for c in classes}
        linker = cls(entities=entities, forms=forms, superclasses=superclasses)
        linker._compile()
        return linker

    def _compile(self) -> None:
        # A form that names two entries is ambiguous: keep it out rather than guess.
        owners: dict[tuple[str, bool], set[str]] = {}
        for form, iri, sensitive in self.forms:
            key = (form if sensitive else form.lower(), sensitive)
            owners.setdefault(key, set()).add(iri)
        self._exact = {k[0]: next(iter(v)) for k, v in owners.items() if k[1] and len(v) == 1}
        self._lookup = {k[0]: next(iter(v)) for k, v in owners.items() if not k[1] and len(v) == 1}
        alternatives = sorted({f for f, _ in owners}, key=len, reverse=True)
        body = "|".join(re.escape(f) for f in alternatives)
        self._pattern = re.compile(rf"(?<!\w)(?:the\s+)?({body})(?:'s|')?(?![\w-])", re.IGNORECASE)

    # -- look-ups --------------------------------------------------------------------------
    def find(self, name: str) -> str | None:
        """The IRI an exact name (label, alias, acronym, ``kg:`` local name) stands for.

        >>> Linker.default().find("Russian space agency").rsplit("/", 1)[1]
        'roscosmos'
        """
        plain = normalise(name.strip())
        if plain in self._exact:
            return self._exact[plain]
        if plain.lower() in self._lookup:
            return self._lookup[plain.lower()]
        if KG + plain in self.entities:
            return KG + plain
        return None

    def find_longer(self, name: str, kind: str, cls: str) -> str | None:
        """The one catalog entry of class ``cls`` whose label is ``name``, more words, and the kind
        word: "Wenchang" + "site" is the Wenchang Spacecraft Launch Site. ``None`` unless unique.

        >>> Linker.default().find_longer("Wenchang", "site", "Facility").rsplit("/", 1)[1]
        'wenchang-spacecraft-launch-site'
        """
        start, word = normalise(name).lower() + " ", kind.lower()
        found = {e.iri for e in self.entities.values() if e.is_a(cls) and e.label.lower().startswith(start)
                 and word in e.label.lower().split()[1:]}
        return found.pop() if len(found) == 1 else None

    def acronym(self, iri: str) -> str | None:
        """The entity's acronym, if the catalog gives one (an upper-case, case-sensitive form).

        >>> Linker.default().acronym("https://w3id.org/spacekg/id/cnsa")
        'CNSA'
        """
        return next((form for form, i, sensitive in self.forms if i == iri and sensitive and form.isupper()
                     and len(form) > 1), None)

    def country(self, name: str) -> str | None:
        """The catalog country a country name or demonym names."""
        name = DEMONYMS.get(name, name)
        iri = self.find(name)
        return iri if iri and self.entities[iri].is_a("Country") else None

    def agency_of(self, iri: str) -> str | None:
        """The space agency a country (or region) stands for: the only one based there."""
        entity = self.entities.get(iri)
        if entity is None:
            return None
        if entity.is_a("SpaceAgency"):
            return iri
        agencies = [e.iri for e in self.entities.values() if e.is_a("SpaceAgency") and e.based_in == iri]
        if len(agencies) > 1:
            # Several (a crewed-flight agency, a defunct one): the country's space agency is the one
            # the catalog also calls "<Demonym> space agency".
            national = re.compile(r"[\w']+\s+space agency", re.IGNORECASE)
            agencies = [a for a in agencies if any(national.fullmatch(f) for f, i, _ in self.forms if i == a)]
        return agencies[0] if len(agencies) == 1 else None

    # -- mentions --------------------------------------------------------------------------
    def mentions(self, sentence: str) -> list[Mention]:
        """Non-overlapping entity mentions in ``sentence``, in order (longest match wins)."""
        plain = normalise(sentence)
        found: list[Mention] = []
        taken: list[tuple[int, int]] = []
        for mention in self.descriptions(plain):
            found.append(mention)
            taken.append((mention.start, mention.end))
        for match in self._pattern.finditer(plain):
            form = match.group(1)
            iri = self._exact.get(form) or self._lookup.get(form.lower())
            if iri is None:
                continue
            start, end = match.start(1), match.end()
            if any(s < end and start < e for s, e in taken):
                continue
            country = None
            entity = self.entities[iri]
            if entity.is_a("SpaceAgency", "Actor") and not entity.is_a("Country"):
                country = self.country_in(form)
            found.append(Mention(iri, start, end, sentence[start:end], country=country))
            taken.append((start, end))
        return sorted(found, key=lambda m: m.start)

    def country_in(self, form: str) -> str | None:
        """The country an agency's name contains ("China National Space Administration" -> China)."""
        names = {e.label for e in self.entities.values() if e.is_a("Country")}
        names |= {form for form, iri, _ in self.forms if self.entities[iri].is_a("Country")}  # "UAE"
        for word in sorted(set(DEMONYMS) | names, key=len, reverse=True):
            if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", form):
                found = self.country(word)
                if found:
                    return found
        return None

    def descriptions(self, plain: str) -> list[Mention]:
        """"the Russian space agency [Roscosmos]", "Russia's space agency", "the US space agency"."""
        out = []
        pattern = rf"(?<!\w)(?:the\s+)?([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)(?:'s)?\s+{AGENCY_NOUN}(?!\w)"
        for match in re.finditer(pattern, plain):
            name = match.group(1)
            country = self.country(name) or self.country(name.split()[-1])
            if country is None:
                continue
            agency = self.agency_of(country)
            if agency is None:
                continue
            end = match.end()
            # An apposition that names the agency ("Russian space agency Roscosmos") is one mention.
            tail = re.match(r"[\s,]+(?:the\s+)?([A-Z][\w-]+)", plain[end:])
            if tail and self.find(tail.group(1)) == agency:
                end += tail.end()
            if self.find(match.group(0)) not in (None, agency):
                continue
            out.append(Mention(agency, match.start(), end, plain[match.start():end], via="description",
                               country=country))
        for region, agency_label in REGION_AGENCIES.items():
            agency = self.find(agency_label)
            if agency is None or self.find(region) is not None or region.endswith("an"):
                continue
            for match in re.finditer(rf"(?<!\w){region}(?:'s)?(?![\w-])", plain):
                out.append(Mention(agency, match.start(), match.end(), plain[match.start():match.end()],
                                   via="stand-in"))
        return out

    def label(self, iri: str) -> str:
        entity = self.entities.get(iri)
        return entity.label if entity else iri.rsplit("/", 1)[-1]


def _case_sensitive(form: str) -> bool:
    """Acronyms and short forms must match exactly: "US" is a country, "us" a pronoun."""
    letters = [c for c in form if c.isalpha()]
    return len(form) <= 3 or (bool(letters) and all(c.isupper() for c in letters))
