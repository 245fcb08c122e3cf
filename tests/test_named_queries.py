"""Every named query of ontology/queries/, with its exact rows on the seed graph.

The expected rows are worked out by hand from graph/data/sources/cnet-2021-ilrs.ttl and the
catalog; cells are as `spacekg query` prints them (prefixed IRIs, plain literal values, "" for
an unbound variable). CASES are also run on a real Oxigraph server, Virtuoso and Jena, whose answers must be
the embedded store's (tests/store_comparisons.py).
"""

from __future__ import annotations

import pytest

from graph import query as q

SRC = "src:cnet-2021-ilrs"
TITLE = "China and Russia plan to build a moon research station together"
PARTNERING = ("Russia and China are partnering on a project they're calling the International Lunar Research "
              "Station, or ILRS.")
RACE = "The race to expand research opportunities on the moon is heating up."
CHANGE_4 = "It successfully delivered the Chang'e 4 lander to the far side of the moon in early 2019."
CHANGE_5 = "In 2020, the Chang'e 5 mission scooped up some moon rocks and delivered them back to Earth."
ILRS_WHERE = ("The wording suggests the project could be a base on the surface of the moon, an orbital station, "
              "or a combination of the two.")
GATEWAY = ("The agency is developing an international project called the Gateway, which would involve building "
           "a small station in orbit around the moon.")
ARTEMIS = "NASA is also working toward sending humans back to the moon, perhaps even as early as 2024."

MARCH_2021 = [  # the nine statements dated 2021-03 (the article's month), in the query's order
    ("2021-03-01", "at", "kg:cnsa", ":partnerOf", "kg:roscosmos", "stated", SRC),
    ("2021-03-01", "at", "kg:cnsa", ":rivalOf", "kg:nasa", "inferred", SRC),
    ("2021-03-01", "at", "kg:cnsa", ":signedAgreement", "kg:ilrs-mou-2021", "stated", SRC),
    ("2021-03-01", "at", "kg:ilrs-mou-2021", ":about", "kg:ilrs", "stated", SRC),
    ("2021-03-01", "at", "kg:nasa", ":dependsOn", "kg:roscosmos", "stated", SRC),
    ("2021-03-01", "at", "kg:roscosmos", ":rivalOf", "kg:nasa", "inferred", SRC),
    ("2021-03-01", "at", "kg:roscosmos", ":signedAgreement", "kg:ilrs-mou-2021", "stated", SRC),
    ("2021-03-01", "at", SRC, "dcterms:creator", "kg:amanda-kooser", "stated", SRC),
    ("2021-03-01", "at", SRC, "dcterms:publisher", "kg:cnet", "stated", SRC),
]

# (named query, parameters, exact rows in order)
CASES: list[tuple[str, dict[str, str], list[tuple[str, ...]]]] = [
    # (partner, certainty, start, end, source, evidence); without an as-of binding, every date
    ("partners-of", {"agency": "cnsa"}, [("kg:roscosmos", "stated", "2021-03", "", SRC, PARTNERING)]),
    # the statement is cnsa -> roscosmos; partnership is symmetric, so roscosmos finds cnsa
    ("partners-of", {"agency": "roscosmos"}, [("kg:cnsa", "stated", "2021-03", "", SRC, PARTNERING)]),
    ("partners-of", {"agency": "nasa"}, []),
    ("partners-of", {"agency": "cnsa", "as-of": "2021-02-28"}, []),  # "2021-03" starts on 2021-03-01
    ("rivals-of", {"agency": "nasa"}, [
        ("kg:cnsa", "inferred", "2021-03", "", SRC, RACE),
        ("kg:roscosmos", "inferred", "2021-03", "", SRC, RACE),
    ]),
    ("rivals-of", {"agency": "cnsa"}, [("kg:nasa", "inferred", "2021-03", "", SRC, RACE)]),
    ("rivals-of", {"agency": "cnsa", "as-of": "2021-03-01"}, [("kg:nasa", "inferred", "2021-03", "", SRC, RACE)]),
    ("operated-by", {"actor": "nasa"}, [  # stated before planned
        ("kg:commercial-crew-program", "Commercial Crew Program", "stated", "", "", SRC),
        ("kg:kennedy-space-center", "Kennedy Space Center", "stated", "", "", SRC),
        ("kg:lunar-gateway", "Lunar Gateway", "planned", "", "", SRC),
    ]),
    ("operated-by", {"actor": "cnsa"}, [
        ("kg:change-4", "Chang'e 4", "stated", "2019", "", SRC),
        ("kg:change-5", "Chang'e 5", "stated", "2020", "", SRC),
    ]),
    # as of a date: a planned statement holds from its source's date (2021-03), an undated stated one always
    ("operated-by", {"actor": "nasa", "as-of": "2021-02-28"}, [
        ("kg:commercial-crew-program", "Commercial Crew Program", "stated", "", "", SRC),
        ("kg:kennedy-space-center", "Kennedy Space Center", "stated", "", "", SRC),
    ]),
    ("operated-by", {"actor": "nasa", "as-of": "2021-03-01"}, [
        ("kg:commercial-crew-program", "Commercial Crew Program", "stated", "", "", SRC),
        ("kg:kennedy-space-center", "Kennedy Space Center", "stated", "", "", SRC),
        ("kg:lunar-gateway", "Lunar Gateway", "planned", "", "", SRC),
    ]),
    ("operated-by", {"actor": "cnsa", "as-of": "2019-12-31"}, [
        ("kg:change-4", "Chang'e 4", "stated", "2019", "", SRC),
    ]),
    ("plans-of", {"actor": "nasa"}, [
        ("plans mission", "kg:artemis-program", "2024", "", ARTEMIS),
        ("operates", "kg:lunar-gateway", "", "kg:lunar-orbit", GATEWAY),
    ]),
    ("landed-on", {"place": "moon"}, [("kg:change-4", "kg:far-side-of-the-moon", "2019", "stated", CHANGE_4)]),
    # the far side is part of the Moon, lunar orbit orbits it: both count for the Moon
    ("missions-at", {"place": "moon"}, [
        ("kg:change-4", "landed on", "kg:far-side-of-the-moon", "stated", "2019", CHANGE_4),
        ("kg:change-5", "returned samples from", "kg:moon", "stated", "2020", CHANGE_5),
        ("kg:ilrs", "located in", "kg:moon", "speculative", "", ILRS_WHERE),
        ("kg:lunar-gateway", "located in", "kg:lunar-orbit", "planned", "", GATEWAY),
    ]),
    ("missions-at", {"place": "far-side-of-the-moon"}, [
        ("kg:change-4", "landed on", "kg:far-side-of-the-moon", "stated", "2019", CHANGE_4),
    ]),
    ("statements-by-certainty", {"certainty": ":Planned"}, [
        ("kg:artemis-program", ":targetDate", "2024", "2024", SRC),
        ("kg:cnsa", ":plansMission", "kg:ilrs", "", SRC),
        ("kg:lunar-gateway", ":locatedIn", "kg:lunar-orbit", "", SRC),
        ("kg:nasa", ":operates", "kg:lunar-gateway", "", SRC),
        ("kg:nasa", ":plansMission", "kg:artemis-program", "2024", SRC),
        ("kg:roscosmos", ":plansMission", "kg:ilrs", "", SRC),
    ]),
    ("statements-by-certainty", {"certainty": ":Speculative"}, [("kg:ilrs", ":locatedIn", "kg:moon", "", SRC)]),
    ("uncertain-statements", {}, [
        ("kg:ilrs", ":locatedIn", "kg:moon", "speculative", ILRS_WHERE, SRC),
        ("kg:cnsa", ":rivalOf", "kg:nasa", "inferred", RACE, SRC),
        ("kg:roscosmos", ":rivalOf", "kg:nasa", "inferred", RACE, SRC),
    ]),
    ("agreement-signatories", {}, [
        ("kg:ilrs-mou-2021", "kg:cnsa", "kg:ilrs", "2021-03", SRC),
        ("kg:ilrs-mou-2021", "kg:roscosmos", "kg:ilrs", "2021-03", SRC),
    ]),
    # asked the other way round than stated (roscosmos -> cnsa): symmetric, so found
    ("evidence", {"subject": "roscosmos", "predicate": ":partnerOf", "object": "cnsa"}, [
        ("stmt:cnet-2021-ilrs.cnsa-partnerOf-roscosmos", "stated", PARTNERING, "519", "630", SRC, TITLE),
    ]),
    ("evidence", {"subject": "nasa", "predicate": ":partnerOf", "object": "cnsa"}, []),
    # operates is not symmetric: found as stated, not the other way round
    ("evidence", {"subject": "cnsa", "predicate": ":operates", "object": "change-4"}, [
        ("stmt:cnet-2021-ilrs.cnsa-operates-change-4", "stated", CHANGE_4, "2160", "2249", SRC, TITLE),
    ]),
    ("evidence", {"subject": "change-4", "predicate": ":operates", "object": "cnsa"}, []),
    # rivalry is symmetric: asked nasa -> cnsa, found as stated (cnsa -> nasa)
    ("evidence", {"subject": "nasa", "predicate": ":rivalOf", "object": "cnsa"}, [
        ("stmt:cnet-2021-ilrs.cnsa-rivalOf-nasa", "inferred", RACE, "450", "518", SRC, TITLE),
    ]),
    # "2019" counts as 2019-01-01
    ("changed-between", {"from": "2019-01-01", "to": "2019-12-31"}, [
        ("2019-01-01", "at", "kg:change-4", ":landedOn", "kg:far-side-of-the-moon", "stated", SRC),
        ("2019-01-01", "at", "kg:cnsa", ":operates", "kg:change-4", "stated", SRC),
    ]),
    ("changed-between", {"from": "2020-01-01", "to": "2021-12-31"}, [
        ("2020-01-01", "at", "kg:change-5", ":returnedSamples", "kg:moon", "stated", SRC),
        ("2020-01-01", "at", "kg:cnsa", ":operates", "kg:change-5", "stated", SRC),
        *MARCH_2021,
    ]),
    # both ends included; "2021-03" is 2021-03-01, so it is not after 2021-03-02
    ("changed-between", {"from": "2021-03-01", "to": "2021-03-01"}, MARCH_2021),
    ("changed-between", {"from": "2021-03-02", "to": "2023-12-31"}, []),
    # planned statements carry their target date
    ("changed-between", {"from": "2024-01-01", "to": "2024-12-31"}, [
        ("2024-01-01", "at", "kg:artemis-program", ":targetDate", "2024", "planned", SRC),
        ("2024-01-01", "at", "kg:nasa", ":plansMission", "kg:artemis-program", "planned", SRC),
    ]),
    # cnsa: rivalOf, partnerOf, plansMission, basedIn, signedAgreement, operates x2
    ("sources-mentioning", {"entity": "cnsa"}, [(SRC, TITLE, "2021-03", "7")]),
    ("sources-mentioning", {"entity": "moon"}, [(SRC, TITLE, "2021-03", "2")]),
    ("sources-mentioning", {"entity": "iss"}, []),  # only in a literal, never as an entity
    # the whole catalog is in the seed graph; subclasses count (an orbiter is a spacecraft, not a station)
    ("entities-of-class", {"class": ":SpaceStation"}, [
        ("kg:ilrs", "International Lunar Research Station"),
        ("kg:iss", "International Space Station"),
        ("kg:lunar-gateway", "Lunar Gateway"),
    ]),
    ("entities-of-class", {"class": ":Orbiter"}, [
        ("kg:danuri", "Danuri"),
        ("kg:emirates-mars-mission", "Emirates Mars Mission"),
    ]),
]
CASE_IDS = [f"{name}-{'-'.join(params.values())}" for name, params, _ in CASES]


def rows(store, name: str, params: dict[str, str]) -> list[tuple[str, ...]]:
    named = q.get_named_query(name)
    # a parameter binds its variable (as-of binds ?as_of)
    results = q.run(store, named.text, bindings={k.replace("-", "_"): q.parse_term(v) for k, v in params.items()})
    variables = [v.value for v in results.variables]
    return [tuple(q.term_to_text(solution[v]) for v in variables) for solution in results]


@pytest.mark.parametrize(("name", "params", "expected"), CASES, ids=CASE_IDS)
def test_named_query_rows(store, name, params, expected):
    assert rows(store, name, params) == expected


def test_every_named_query_is_tested():
    assert {name for name, _, _ in CASES} == set(q.named_queries())


def test_every_parameter_is_described_and_used():
    for named in q.named_queries().values():
        assert named.question.endswith("?") or "?" in named.question, named.name
        for param, declared in named.params.items():
            assert declared.description, (named.name, param)
            assert f"?{named.params[param].variable}" in named.text.split("\nSELECT", 1)[1], (named.name, param)


def test_the_library_covers_the_questions_users_ask():
    assert {"partners-of", "rivals-of", "agreement-signatories", "operated-by", "plans-of", "missions-at",
            "landed-on", "statements-by-certainty", "evidence", "changed-between",
            "sources-mentioning"} <= set(q.named_queries())
