"""The whole graph, seed, corpus and dev articles: every quote checked, and the camps the news describes."""

from __future__ import annotations

import pytest

from graph.analysis import analyze
from graph.build import summary
from graph.mirror import mirror
from graph.namespaces import KG
from graph.store import open_store
from tests.conftest import CORPUS, DEVSET, seed_evidence

ILRS_SIDE = {KG + name for name in ("cnsa", "china", "egsa", "egypt", "sansa", "south-africa")}
ARTEMIS_SIDE = {KG + name for name in ("nasa", "united-states", "nigeria", "rwanda", "esa", "japan", "canada")}
SOURCES = 24  # the seed, the 11 corpus articles of graph/data/sources/, and the dev set's articles 13-24


@pytest.fixture(scope="module")
def G(full_build):
    return mirror(open_store(full_build))


def test_every_source_validates(full_assembly):
    report = summary(full_assembly)
    assert len(report["sources"]) == SOURCES
    assert report["sources"]["cnet-2021-ilrs"]["evidence"] == seed_evidence()


@pytest.mark.needs_shared(CORPUS, DEVSET)
def test_every_source_validates_with_its_quotes_checked(full_assembly):
    report = summary(full_assembly)
    assert len(report["sources"]) == SOURCES
    assert {info["evidence"] for info in report["sources"].values()} == {"checked"}


def camp_of(result, actors: set[str]) -> set[frozenset[str]]:
    """The camps (as sets) that hold the given actors."""
    found = set()
    for camps in result.camps:
        for camp in (camps.camp_a, camps.camp_b):
            if actors & set(camp):
                found.add(frozenset(camp))
    return found


def test_in_2025_the_ilrs_partners_led_by_china_and_the_artemis_signatories_are_opposite_camps(G):
    result = analyze(G, as_of="2025-12-31")
    (ilrs,) = camp_of(result, ILRS_SIDE)
    (artemis,) = camp_of(result, ARTEMIS_SIDE)
    assert ilrs >= ILRS_SIDE and artemis >= ARTEMIS_SIDE
    assert ilrs != artemis
    assert KG + "esa" in artemis  # ESA has left Roscosmos for NASA


def test_russia_partners_both_camps_so_its_ties_across_stay_unbalanced(G):
    """Russia partners both sides: China in the ILRS (CNET 2021, FANA 2025), and on the ISS the
    United States, with which it leads the station's partnership, Canada, ESA and Japan (The Star
    2022, China Daily 2022). Whichever camp the split puts it in, some of its partnerships cross."""
    result = analyze(G, as_of="2025-12-31")
    (camps,) = [c for c in result.camps if KG + "nasa" in c.camp_a or KG + "nasa" in c.camp_b]
    russian = {KG + "russia", KG + "roscosmos"}
    across = {(u, v) for u, v, sign in camps.unbalanced if sign > 0 and {u, v} & russian}
    assert across
    assert (KG + "russia" in camps.camp_a) == (KG + "roscosmos" in camps.camp_a)  # with its agency, always


def test_esa_moves_from_roscosmos_to_nasa_between_2021_and_2025(G):
    from graph.mirror import signed_graph

    in_2021, in_2025 = signed_graph(G, as_of="2021-12-31"), signed_graph(G, as_of="2025-12-31")
    esa, roscosmos, nasa = KG + "esa", KG + "roscosmos", KG + "nasa"
    assert in_2021[esa][roscosmos]["sign"] == 1 and in_2021[esa][nasa]["sign"] == 1
    assert in_2025[esa][roscosmos]["sign"] == -1  # partnership ended in 2022; Roscosmos retaliated
    assert in_2025[esa][nasa]["sign"] == 1
