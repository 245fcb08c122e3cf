"""Extraction: sentence splitting, linking, relations, certainty, negation, time, offsets."""

from __future__ import annotations

import csv
import os
import subprocess
import sys

import pytest

from graph.extraction import extract, find_times
from graph.linking import Linker
from graph.text import Article, read_article, split_sentences
from tests.conftest import CORPUS, SEED_FACTS, SEED_TEXT
from tests.test_seed_facts import ENTITY, RELATION, SPLIT_SUBJECTS

KG = "https://w3id.org/spacekg/id/"
# The seed rows whose relation is one extraction targets; the others (about, openTo, goal,
# dependsOn, isA, author/publisher) are left to the curator, as the issue allows.
TARGET = {"partnerOf", "signedAgreement", "plansMission", "basedIn", "operates", "targetDate", "locatedAt",
          "locatedIn", "landedOn", "returnedSamples"}


@pytest.fixture(scope="module")
def seed_statements():
    return extract(read_article(SEED_TEXT), date="2021-03")


def seed_rows():
    rows = []
    for row in csv.DictReader(SEED_FACTS.read_text(encoding="utf-8").splitlines(), delimiter="\t"):
        if row["certainty"] in ("stated", "planned") and row["relation"] in TARGET:
            for subject in SPLIT_SUBJECTS.get(row["subject"], [row["subject"]]):
                rows.append((ENTITY[subject], RELATION[row["relation"]].rsplit("#", 1)[1],
                             ENTITY.get(row["object"], row["object"]), row["certainty"]))
    return rows


def test_the_seed_rows_in_scope_are_the_ones_we_expect():
    assert len(seed_rows()) == 18


# Seed rows the parser-based rules do not find yet (the regular expressions fitted to this text did);
# strict, so that a row found again turns the test red until it is taken off this list.
NOT_YET = {("cnsa", "signedAgreement"), ("roscosmos", "signedAgreement"), ("cnsa", "plansMission"),
           ("roscosmos", "plansMission"), ("nasa", "plansMission"), ("artemis-program", "targetDate"),
           ("cnsa", "operates", "change-5")}


def _not_yet(row) -> bool:
    s, r, o = (x.rsplit("/", 1)[-1] for x in row[:3])
    return (s, r) in NOT_YET or (s, r, o) in NOT_YET


@pytest.mark.needs_shared(SEED_TEXT)
@pytest.mark.parametrize("row", [pytest.param(r, marks=pytest.mark.xfail(strict=True, reason="not found yet"))
                                 if _not_yet(r) else r for r in seed_rows()],
                         ids=lambda r: f"{r[0].rsplit('/')[-1]}-{r[1]}-{r[2].rsplit('/')[-1]}")
def test_extraction_finds_the_stated_and_planned_seed_facts_with_their_certainty(row, seed_statements):
    """A country stands for its space agency, as the seed annotation writes it ("China (CNSA)")."""
    linker = Linker.default()
    subject, relation, obj, certainty = row

    def agency(iri: str) -> str:
        return (linker.agency_of(iri) or iri) if iri in linker.entities else iri

    found = {(agency(st.subject), st.relation, st.object if st.relation == "basedIn" else agency(st.object),
              st.certainty) for st in seed_statements}
    found |= {(o, r, s, c) for s, r, o, c in found if r == "partnerOf"}  # symmetric
    assert (agency(subject), relation, obj if relation == "basedIn" else agency(obj), certainty) in found


@pytest.mark.needs_shared(SEED_TEXT)
def test_seed_times_and_precision(seed_statements):
    by_key = {(st.key, st.certainty): st for st in seed_statements}
    landed = by_key[((KG + "change-4", "landedOn", KG + "far-side-of-the-moon"), "stated")]
    assert (landed.point_in_time.value, landed.point_in_time.precision) == ("2019", "year")
    assert landed.extra["time_expression"] == "early 2019"


@pytest.mark.needs_shared(SEED_TEXT)
def test_evidence_offsets_index_the_text_as_stored(seed_statements):
    text = SEED_TEXT.read_text(encoding="utf-8")
    for st in seed_statements:
        assert text[st.start:st.start + len(st.evidence)] == st.evidence


def test_offsets_count_the_header_of_a_corpus_file():
    path = CORPUS / "04_esa-ends-exomars-roscosmos.txt"
    text = path.read_bytes().decode("utf-8")
    article = read_article(path)
    assert article.meta["date"] == "2022-07-14" and text[article.body_start:].startswith("The European")
    for st in extract(article):
        assert text[st.start:st.start + len(st.evidence)] == st.evidence


def test_junk_lines_are_dropped_by_shape():
    text = "X\n\nnasafullmoon\n\nNASA/Kim Shiflett\n2 min read\nSee all photos\n\nNASA and JAXA agreed.\n"
    assert [s.text for s in split_sentences(text)] == ["NASA and JAXA agreed."]


def test_abbreviations_and_initials_do_not_end_sentences():
    text = "Mr. Smith met Amanda C. Kooser on Aug. 5, 2022 in the U.S. capital. Then he left."
    assert [s.text for s in split_sentences(text)] == [
        "Mr. Smith met Amanda C. Kooser on Aug. 5, 2022 in the U.S. capital.", "Then he left."]


def test_linking_handles_possessives_descriptions_and_case():
    linker = Linker.default()
    found = [(m.surface, m.iri.rsplit("/", 1)[1]) for m in linker.mentions(
        "NASA's rover and the Russian space agency met us in the US.")]
    assert found == [("NASA's", "nasa"), ("the Russian space agency", "roscosmos"), ("US", "united-states")]


def test_the_catalog_names_an_entity_the_same_way_under_any_hash_seed():
    # a set's order follows the hash seed: a label shown as "United States (US)" on one run and
    # "United States (USA)" on the next would make every extraction differ between runs
    program = ("from graph.linking import Linker; l = Linker.default(); "
               "print(l.acronym('https://w3id.org/spacekg/id/united-states'), len(l.forms), l.forms[:50])")
    runs = [subprocess.Popen([sys.executable, "-c", program], stdout=subprocess.PIPE, text=True,
                             env={**os.environ, "PYTHONHASHSEED": seed}) for seed in ("1", "2", "3")]  # side by side
    outputs = {run.communicate(timeout=120)[0] for run in runs}
    assert [run.returncode for run in runs] == [0, 0, 0]
    assert len(outputs) == 1


@pytest.mark.parametrize(("sentence", "date", "expected"), [
    ("It landed in early 2019.", None, [("2019", "year")]),
    ("They signed it in March 2021.", None, [("2021-03", "month")]),
    ("It will be built by 2030.", None, [("2030", "year")]),
    ("The launch is planned for 2027-28.", None, [("2027", "year")]),
    ("It was signed on May 16, 2024.", None, [("2024-05-16", "day")]),
    ("It was signed on May 16.", "2024-05-17", [("2024-05-16", "day")]),
    ("CNSA announced earlier this week that it signed.", "2021-03-10", [("2021-03", "month")]),
    ("Nigeria signed on Tuesday.", "2022-12-13", [("2022-12-13", "day")]),
    ("The agencies said on Friday.", "2022-07-18", [("2022-07-15", "day")]),
    ("It costs $2024 and took 50 years.", None, []),
    ("The mission was suspended in March.", "2022-07-14", [("2022-03", "month")]),
    ("The first flights will come in September.", "2022-07-18", [("2022-09", "month")]),
    ("The flights will resume in March.", "2022-07-18", [("2023-03", "month")]),
    ("It launched on 5 March.", "2024-03-20", [("2024-03-05", "day")]),
    ("The launch is due in late March.", "2024-02-20", [("2024-03", "month")]),
    ("It may launch in May.", "2024-07-20", [("2025-05", "month")]),
    ("It launched in May.", "2024-07-20", [("2024-05", "month")]),
    ("ISRO will launch the probe on Saturday.", "2023-08-30", [("2023-09-02", "day")]),
    ("The probe should launch by the end of the year.", "2023-08-30", [("2023", "year")]),
    ("Peru had aimed to land the probe on Monday.", "2023-08-23", [("2023-08-21", "day")]),  # a past plan
    ("It will launch next month.", "2023-12-22", [("2024-01", "month")]),
    ("It will launch in the coming months.", "2022-10-31", [("2022", "year")]),
    ("It should fly before the end of the decade.", "2024-10-07", [("2020", "decade")]),
    ("Launch is scheduled for no earlier than September.", "2025-03-10", [("2025-09", "month")]),
    ("It launched last month.", "2024-01-05", [("2023-12", "month")]),
    ("Peru had planned to launch it in March.", "2024-07-20", [("2024-03", "month")]),
    ("It will capture the samples in Mars orbit.", "2024-03-01", []),  # "Mar" is a month, "Mars" is not
])
def test_time_expressions(sentence, date, expected):
    assert [(t.value, t.precision) for t in find_times(sentence, date)] == expected


def test_a_time_keeps_its_own_words_only():
    assert [t.expression for t in find_times("It will touch down in late March.", "2024-03-01")] == ["late March"]


# Each construction on a sentence written for the test (an invented agency and invented craft, so
# that nothing comes from the catalog): the exact statements expected, as
# (subject, relation, object, certainty, time).
NASA = "National Aeronautics and Space Administration (NASA)"
ANDEAN = "Andean Space Agency"
CONIDA = "National Commission for Aerospace Research and Development (CONIDA)"  # Peru's, in the catalog
MOU = "memorandum of understanding with NASA on Artemis program"
STATEMENT = "Andean Space Agency-NASA joint statement"


@pytest.mark.parametrize(("construction", "text", "expected"), [
    ("passive", "The Zephyr rover was built by the Andean Space Agency.",
     [(ANDEAN, "operates", "Zephyr rover", "stated", "")]),
    ("infinitive", "Peru became the third country to land on the Moon.",
     [("Peru", "landedOn", "Moon", "stated", "")]),
    ("coordination", "Chile, Peru and Bolivia signed the Andean Space Accords in 2024.",
     [(c, "signedAgreement", "Andean Space Accords", "stated", "2024") for c in ("Chile", "Peru", "Bolivia")]),
    ("apposition", "The Andean Space Agency, the space agency of Peru, operates the Zephyr rover.",
     [(ANDEAN, "operates", "Zephyr rover", "stated", "")]),
    ("possessive", "Peru's Zephyr rover is ready.", [("Peru", "operates", "Zephyr rover", "stated", "")]),
    ("compound", "The NASA-led Artemis program is growing.", [(NASA, "operates", "Artemis program", "stated", "")]),
    ("nominal", "The partnership between NASA and the Andean Space Agency is new.",
     [(NASA, "partnerOf", ANDEAN, "stated", "")]),
    ("nominal with", "NASA's cooperation with the Andean Space Agency is new.",
     [(NASA, "partnerOf", ANDEAN, "stated", "")]),
    ("coreference", "The Andean Space Agency was founded in 2020. The agency operates the Zephyr rover.",
     [(ANDEAN, "operates", "Zephyr rover", "stated", "")]),
    ("negation", "NASA will not cooperate with the Andean Space Agency.", []),
    ("future", "NASA will cooperate with the Andean Space Agency.", [(NASA, "partnerOf", ANDEAN, "planned", "")]),
    ("modal", "NASA could cooperate with the Andean Space Agency.",
     [(NASA, "partnerOf", ANDEAN, "speculative", "")]),
    ("conditional", "If funding arrives, NASA will cooperate with the Andean Space Agency.",
     [(NASA, "partnerOf", ANDEAN, "speculative", "")]),
    ("plan verb", "The Andean Space Agency plans to launch the Condor-3 orbiter in 2027.",
     [(ANDEAN, "plansMission", "Condor-3 orbiter", "planned", ""),
      ("Condor-3 orbiter", "targetDate", "2027", "planned", "2027")]),
    ("hope, a plan verb the small model lemmatizes as 'hop'", "Peru hopes to launch the Condor-3 orbiter in 2027.",
     [("Peru", "plansMission", "Condor-3 orbiter", "planned", ""),
      ("Condor-3 orbiter", "targetDate", "2027", "planned", "2027")]),
    ("a place set off by commas, and a place of a place", "The Condor Space Center, in the Atacama desert of Chile, "
     "opened in 2020.", [("Condor Space Center", "locatedIn", "Atacama desert", "stated", ""),
                         ("Atacama desert", "locatedIn", "Chile", "stated", "")]),
    ("a verb of lying somewhere, a part of a country", "The Condor Cosmodrome lies on the coast of Peru.",
     [("Condor Cosmodrome", "locatedIn", "Peru", "stated", "")]),
    ("a place said to be a kind of place somewhere", "Isla Condor is an island in the Arequipa region.",
     [("Isla Condor", "locatedIn", "Arequipa region", "stated", "")]),
    ("a craft in a country is kept there, not located", "The Zephyr rover is in Peru for tests.", []),
    ("soft-landed, one verb", "The Condor-3 lander soft-landed on the Moon.",
     [("Condor-3 lander", "landedOn", "Moon", "stated", "")]),
    ("a landing made: who makes it lands", "Peru made a soft landing on the Moon.",
     [("Peru", "landedOn", "Moon", "stated", "")]),
    ("would have: what did not happen", "The Condor-3 lander, which would have deployed the Zephyr rover, "
     "was cancelled.", []),
    ("'the mission' is the latest mission, not a rover named since",
     "The Andean Space Agency named its Condor-3 mission. The lander will deploy the Zephyr rover. "
     "The mission is part of the Condor programme.",
     [(ANDEAN, "operates", "Condor-3 mission", "stated", ""),
      ("Zephyr rover", "partOf", "Condor-3 lander", "planned", ""),
      ("Condor-3 mission", "partOf", "Condor programme", "stated", "")]),
    ("a part for a mission named before", "Chile's Condor-4 mission will launch in 2028. "
     "Peru will provide a rover for the mission.",
     [("Chile", "operates", "Condor-4 mission", "stated", ""),
      ("Condor-4 mission", "targetDate", "2028", "planned", "2028"),
      ("Peru", "operates", "Condor-4 rover", "planned", ""),
      ("Condor-4 rover", "partOf", "Condor-4 mission", "planned", ""),
      ("Peru", "memberOf", "Condor-4 mission", "planned", "")]),
    ("an actor part of an accord signed it", "Peru is now part of the Andean Space Accords.",
     [("Peru", "signedAgreement", "Andean Space Accords", "stated", "")]),
    ("one of those that joined", "Bolivia is among the countries that have joined the Condor programme.",
     [("Bolivia", "memberOf", "Condor programme", "stated", "")]),
    ("a programme described, not named; part of it in apposition",
     "The Condor-3 mission, part of the Peruvian lunar exploration programme, launched in 2024.",
     [("Condor-3 mission", "partOf", "lunar exploration programme", "stated", ""),
      ("Peru", "operates", "lunar exploration programme", "stated", "")]),
    ("a possessor's described programme", "Bolivia will join Peru's lunar base programme.",
     [("Bolivia", "memberOf", "lunar base programme", "planned", ""),
      ("Peru", "operates", "lunar base programme", "stated", "")]),
    ("an unnamed mission, planned", "Peru will launch a mission to the asteroid belt in 2028.",
     [("Peru", "plansMission", "mission to the asteroid belt", "planned", ""),
      ("mission to the asteroid belt", "targetDate", "2028", "planned", "2028")]),
    ("signed on to: joined", "Chile signed on to the Condor programme.",
     [("Chile", "memberOf", "Condor programme", "stated", "")]),
    ("a short name after ', or' is the same craft", "The Andean Space Agency's Condor Deep Space Explorer, or "
     "Cordex, launched in April 2024.",
     [(ANDEAN, "launched", "Condor Deep Space Explorer (Cordex)", "stated", "2024-04"),
      (ANDEAN, "operates", "Condor Deep Space Explorer (Cordex)", "stated", "")]),
    ("a launch planned for a weekday; the agency's country said by its name",
     "The Peruvian space agency will launch the Condor-3 probe on Saturday.",
     [(CONIDA, "plansMission", "Condor-3 probe", "planned", ""),
      ("Condor-3 probe", "targetDate", "Saturday", "planned", "2025-03-15"),
      (CONIDA, "basedIn", "Peru", "stated", "")]),
    ("its counterpart: the space agency of the country it names", "The Zephyr rover was developed jointly by "
     "the Andean Space Agency and its Indian counterpart.",
     [(ANDEAN, "operates", "Zephyr rover", "stated", ""), ("Indian Space Research Organisation (ISRO)", "operates",
                                                           "Zephyr rover", "stated", ""),
      (ANDEAN, "partnerOf", "Indian Space Research Organisation (ISRO)", "stated", "")]),
    ("an actor hired for a job", "The Andean Space Agency has selected SpaceX to build the Zephyr rover.",
     [(ANDEAN, "partnerOf", "SpaceX", "stated", ""), ("SpaceX", "operates", "Zephyr rover", "planned", "")]),
    ("an organisation's headquarters: where it is based", "The deal was signed at Andean Space Agency headquarters "
     "in Lima.", [(ANDEAN, "basedIn", "Lima", "stated", "")]),
    ("a name in apposition to its kind", "Peru plans to launch its second lunar lander, Quilla, in December.",
     [("Peru", "plansMission", "Quilla", "planned", ""), ("Quilla", "targetDate", "December", "planned", "2025-12"),
      ("Peru", "operates", "Quilla", "stated", "")]),
    ("a pronoun opening a sentence: the previous main clause's argument, not a modifier's",
     "The Condor-8 station, operated by Peru, orbits the Moon. Its core module, Inti, was launched in 2024.",
     [("Peru", "operates", "Condor-8 station", "stated", ""),
      ("Condor-8 station", "locatedIn", "lunar orbit", "stated", ""),
      ("Inti", "partOf", "Condor-8 station", "stated", "")]),
    ("a plan given up", "Peru and Chile have dropped plans to launch the Condor-3 orbiter.", []),
    ("'the centre' refers back; a country's coast", "The deal covers the Condor Space Centre in Arica. The centre, "
     "operated by Chile since 1990, sits on the Peruvian coast.",
     [("Condor Space Centre", "locatedIn", "Arica", "stated", ""),
      ("Chile", "operates", "Condor Space Centre", "stated", ""),
      ("Condor Space Centre", "locatedIn", "Peru", "stated", "")]),
    ("the time of a participle describing the subject is not the statement's",
     "The Andean Space Agency, created in 2021, signed the Andean Space Accords in Lima.",
     [(ANDEAN, "signedAgreement", "Andean Space Accords", "stated", "")]),
    ("payloads from countries, 'from' hung on the verb", "The Condor-3 mission will carry instruments from Chile "
     "and Bolivia.", [("Chile", "memberOf", "Condor-3 mission", "planned", ""),
                      ("Bolivia", "memberOf", "Condor-3 mission", "planned", "")]),
    ("a month after 'will' later in the sentence is not ahead", "Peru and Chile signed an agreement in February "
     "under which a Peruvian astronaut will fly.",
     [("Peru", "signedAgreement", "Peru-Chile agreement", "stated", "2025-02"),
      ("Chile", "signedAgreement", "Peru-Chile agreement", "stated", "2025-02"),
      ("Peru", "partnerOf", "Chile", "stated", "2025-02")]),
    ("a tie to be made closer is there already", "Peru will deepen its cooperation with Chile.",
     [("Peru", "partnerOf", "Chile", "stated", "")]),
    ("'with' hung on the verb of a tie", "The Andean Space Agency will strengthen its alliance with NASA.",
     [(ANDEAN, "partnerOf", NASA, "stated", "")]),
    ("an apposition the parser hung on the verb; led by", "The agencies focus on the Condor programme, "
     "a lunar exploration project led by Peru.", [("Peru", "operates", "Condor programme", "stated", "")]),
    ("two participles share the agent", "The Condor-3 lander was designed and built by Peru.",
     [("Peru", "operates", "Condor-3 lander", "stated", "")]),
    ("unnamed hardware is named by what it is, not by its size", "Peru will provide a tall (4 meters) "
     "wide-field telescope for the Condor-3 mission.",
     [("Peru", "operates", "wide-field telescope", "planned", ""),
      ("wide-field telescope", "partOf", "Condor-3 mission", "planned", ""),
      ("Peru", "memberOf", "Condor-3 mission", "planned", "")]),
    ("an accusation implies a rivalry", "Chile accused Peru of stealing its satellite technology.",
     [("Chile", "rivalOf", "Peru", "inferred", "")]),
    ("pulled out of: a membership that ended", "Peru pulled out of the Condor programme in 2022.",
     [("Peru", "memberOf", "Condor programme", "stated", "until 2022")]),
    ("a participation suspended", "Bolivia suspended its participation in the Condor programme.",
     [("Bolivia", "memberOf", "Condor programme", "stated", "until 2025-03-10")]),
    ("a membership that ended, and when", "Peru's membership of the Condor programme ended in 2021.",
     [("Peru", "memberOf", "Condor programme", "stated", "until 2021")]),
    ("modules named after a plural noun join a station; an object pronoun is not its clause's subject",
     "The Condor-8 station, operated by Peru, orbits the Moon. Two laboratory modules, Inti and Quilla, "
     "joined it in 2022.",
     [("Peru", "operates", "Condor-8 station", "stated", ""),
      ("Condor-8 station", "locatedIn", "lunar orbit", "stated", ""),
      ("Inti", "partOf", "Condor-8 station", "stated", ""), ("Quilla", "partOf", "Condor-8 station", "stated", "")]),
    ("astronauts from countries: the countries take part", "The Andean Space Agency will fly two astronauts "
     "from Peru and Bolivia to the International Space Station next year.",
     [(ANDEAN, "memberOf", "International Space Station (ISS)", "planned", ""),
      ("Peru", "memberOf", "International Space Station (ISS)", "planned", ""),
      ("Bolivia", "memberOf", "International Space Station (ISS)", "planned", "")]),
    ("a launch site is a place; 'the rocket' refers back", "Peru's Condor-9 rocket made its debut flight from "
     "Mollendo in Peru. The rocket, built by Andean Dynamics, carried a probe.",
     [("Peru", "operates", "Condor-9 rocket", "stated", ""), ("Mollendo", "locatedIn", "Peru", "stated", ""),
      ("Andean Dynamics", "operates", "Condor-9 rocket", "stated", "")]),
    ("should: expected, so planned", "The Condor-3 rover should reach the lunar surface in 2025.",
     [("Condor-3 rover", "landedOn", "Moon", "planned", "2025"),
      ("Condor-3 rover", "targetDate", "2025", "planned", "2025")]),
    ("endorsed an accord", "Bolivia has endorsed the Andean Space Accords.",
     [("Bolivia", "signedAgreement", "Andean Space Accords", "stated", "")]),
    ("sign up to: join", "Chile is the latest country to sign up to the Condor programme.",
     [("Chile", "memberOf", "Condor programme", "stated", "")]),
    ("a contract with a company to build: the company builds", "The Andean Space Agency signed a contract with "
     "Airbus to build the Condor-3 orbiter.",
     [(ANDEAN, "signedAgreement", "contract with Airbus", "stated", ""),
      ("Airbus", "signedAgreement", "contract with Airbus", "stated", ""),
      (ANDEAN, "partnerOf", "Airbus", "stated", ""),
      ("Airbus", "operates", "Condor-3 orbiter", "planned", "")]),
    ("a part to be built for the undertaking named before, not for a craft of the next clause",
     "The Andean Space Agency is leading the Condor programme. Under the plan, Airbus would provide the Condor-3 "
     "orbiter, while the agency would build the Condor-4 lander.",
     [(ANDEAN, "operates", "Condor programme", "stated", ""),
      ("Airbus", "operates", "Condor-3 orbiter", "planned", ""),
      ("Condor-3 orbiter", "partOf", "Condor programme", "planned", ""),
      ("Airbus", "memberOf", "Condor programme", "planned", ""),
      (ANDEAN, "operates", "Condor-4 lander", "planned", ""),
      ("Condor-4 lander", "partOf", "Condor programme", "inferred", "")]),
    ("a name with its acronym, then its kind: the kind says the class", "The Andean Space Agency will develop a "
     "rover for the Condor Lunar eXplorer (CLX) mission.",
     [(ANDEAN, "operates", "Condor Lunar eXplorer rover", "planned", ""),
      ("Condor Lunar eXplorer rover", "partOf", "Condor Lunar eXplorer (CLX)", "planned", "")]),
    ("a one-letter name after a name belongs to it", "The Puma lander touched down near the Malapert A crater.",
     [("Puma lander", "landedOn", "Malapert A crater", "stated", "")]),
    ("signed by the heads of organisations named in apposition", "Peru and Chile agreed to work together. The "
     "memorandum was signed by the heads of the two space agencies, CONIDA and the Andean Space Agency.",
     [("Peru", "partnerOf", "Chile", "stated", ""),
      (CONIDA, "signedAgreement", f"CONIDA-{ANDEAN} memorandum", "stated", ""),
      (ANDEAN, "signedAgreement", f"CONIDA-{ANDEAN} memorandum", "stated", ""),
      (CONIDA, "partnerOf", ANDEAN, "stated", "")]),
    ("a name and its number in one word; 'the asteroid' is no planet named after it", "Peru's Inti2 probe "
     "reached the asteroid Apophis, some 30 million km from Earth, in 2024. The spacecraft touched down on the "
     "asteroid twice.",
     [("Inti2 probe", "locatedIn", "Apophis", "stated", ""),  # (where it arrived; "the asteroid Apophis")
      ("Peru", "operates", "Inti2 probe", "stated", ""),
      ("Inti2 probe", "landedOn", "Apophis", "stated", "")]),
    ("a sample noun of a clause below is that clause's", "Peru's Inti2 probe reached a small asteroid called "
     "Apophis. Its predecessor, Inti1, returned tiny particles from the asteroid Bennu in 2010, making Peru the "
     "first country to bring back material from an asteroid.",
     [("Inti2 probe", "locatedIn", "Apophis", "stated", ""),
      ("Peru", "operates", "Inti2 probe", "stated", ""),
      ("Inti1", "returnedSamples", "Bennu", "stated", "2010"),
      ("Peru", "operates", "Inti1", "inferred", "")]),
    ("a craft under a programme; an indefinite kind gives way to the name in apposition; the crash of a craft; "
     "a short name without its kind words", "Zephyr Space's Puma lunar lander lifted off in January. Puma carried "
     "two Peruvian instruments under the agency's Andean Lunar Payload Services (ALPS) programme. Another ALPS "
     "company, Lima-based Condor Dynamics, plans to launch its Inca lander in 2026. The loss follows the crash of "
     "Chile's Huemul in 2024.",
     [("Zephyr Space", "launched", "Puma lunar lander", "stated", "2025-01"),
      ("Zephyr Space", "operates", "Puma lunar lander", "stated", ""),
      ("Peru", "memberOf", "Puma lunar lander", "stated", ""),
      ("Puma lunar lander", "partOf", "Andean Lunar Payload Services (ALPS)", "stated", ""),
      ("Condor Dynamics", "plansMission", "Inca lander", "planned", ""),
      ("Inca lander", "targetDate", "2026", "planned", "2026"),
      ("Condor Dynamics", "basedIn", "Lima", "stated", ""),
      ("Condor Dynamics", "operates", "Inca lander", "stated", ""),
      ("Chile", "operates", "Huemul", "stated", "")]),
    ("'the country' in an apposition is the named thing's owner; 'the probe' is the latest craft or mission",
     "Peru's Inti lander landed on the Moon on Wednesday. Days before, Chile's Huemul-3, the country's first "
     "lunar mission, crashed. Peru is the most active country in the region. The Andean Space Agency had aimed to "
     "land the probe near the south pole.",
     [("Inti lander", "landedOn", "Moon", "stated", "2025-03-05"),
      ("Peru", "operates", "Inti lander", "stated", ""),
      ("Chile", "operates", "Huemul-3", "stated", ""),
      (ANDEAN, "plansMission", "Huemul-3", "planned", "")]),
    ("a light verb's landing takes place where the landing it explains did",
     "The Inti lander landed on the Moon in January, making Peru the fifth country to achieve a soft landing.",
     [("Inti lander", "landedOn", "Moon", "stated", "2025-01"),
      ("Peru", "landedOn", "Moon", "stated", "")]),
    ("a name its kind words extend ('Condor' + 'Mars Helicopter'); 'the helicopter' is the thing called so",
     "Peru's Condor Mars Helicopter flew on Monday, relayed by the Inti rover. Engineers at the Andean Space "
     "Agency, which built the helicopter, cheered.",
     [("Peru", "operates", "Condor Mars Helicopter", "stated", ""),
      (ANDEAN, "operates", "Condor Mars Helicopter", "stated", "")]),
    ("the centrepiece of a mission is part of it", "The Inti rover landed in 2021. Inti, the centrepiece of "
     "the Condor-7 mission, is to collect rock cores.",
     [("Inti rover", "partOf", "Condor-7 mission", "stated", "")]),
    ("a goal whose object is the noun a relative clause describes names no goal", "The Inti rover will collect "
     "rock cores that Peru and the Andean Space Agency hope to bring back to Earth.", []),
    ("a verb the parser made a conjunct of the object has the object's verb's subject, and its own time",
     "The Andean Space Agency is preparing Condor-1, the country's first crewed mission, and plans to launch its "
     "Inti lander next month.",
     [(ANDEAN, "plansMission", "Condor-1", "planned", ""),
      (ANDEAN, "plansMission", "Inti lander", "planned", ""),
      ("Inti lander", "targetDate", "next month", "planned", "2025-04"),
      (ANDEAN, "operates", "Inti lander", "stated", "")]),
    ("a craft carries unnamed hardware: part of it", "Peru's Inti module carries a high-precision atomic clock "
     "system.",
     [("atomic clock system", "partOf", "Inti module", "stated", ""),
      ("Peru", "operates", "Inti module", "stated", "")]),
    ("a plan to complete a thing's construction; a launch noun after 'with' is the clause subject's",
     "Peru plans to complete the Condor station's in-orbit construction by the end of this year. Peru began "
     "building its own outpost with the launch of Inti-1 in April 2024.",
     [("Peru", "plansMission", "Condor station", "planned", ""),
      ("Condor station", "targetDate", "this year", "planned", "2025"),
      ("Peru", "launched", "Inti-1", "stated", "2024-04")]),
    ("a new name found again in full where the model tags it no name", "The Condor rocket is marketed and "
     "operated by Arianespace. Two capsules, including one from the French-Peruvian start-up Lunar Machines, stayed "
     "undeployed. Arianespace said it planned a first commercial flight, carrying the Peruvian satellite Inti-3, "
     "before the end of the year.",
     [("Arianespace", "operates", "Condor rocket", "stated", ""),
      ("Arianespace", "plansMission", "first commercial flight", "planned", ""),
      ("first commercial flight", "targetDate", "the end of the year", "planned", "2025")]),
    ("a passive's 'by' the parser hung on the noun before it; named with an organisation, an organisation",
     "The Puma lander was developed for the Andean Space Agency by Lunar Machines, a joint venture of Airbus and "
     "Safran.",
     [("Lunar Machines", "operates", "Puma lander", "stated", ""),
      ("Airbus", "partnerOf", "Safran", "stated", "")]),
    ("a company's short name; 'the company' after a clause is its subject; an agreement acted under was signed",
     "The mission is organised by Lima-based Condor Space. Condor said the flight was a first. Condor, which holds "
     "an Andean Space Agency contract, is building modules with Lunar Machines in Quito. The company plans to "
     "detach the modules in 2030. The seat was secured under an agreement between Peru and Condor Space.",
     [("Condor Space", "basedIn", "Lima", "stated", ""),
      ("Condor Space", "signedAgreement", "Andean Space Agency contract", "stated", ""),
      ("Lunar Machines", "basedIn", "Quito", "stated", ""),
      ("Condor Space", "plansMission", "detach the modules", "planned", ""),
      ("detach the modules", "targetDate", "2030", "planned", "2030"),
      ("Peru", "partnerOf", "Condor Space", "stated", ""),
      ("Peru", "signedAgreement", "Peru-Condor Space agreement", "stated", ""),
      ("Condor Space", "signedAgreement", "Peru-Condor Space agreement", "stated", "")]),
    ("a title ends an organisation's name and starts a person's; a person joins a mission",
     "Peruvian Air Force Colonel Ana Ruiz joined the Condor-3 mission.",
     [("Ana Ruiz", "memberOf", "Condor-3 mission", "stated", ""),
      ("Peruvian Air Force", "basedIn", "Peru", "stated", "")]),
    ("what organises a mission to a station does not run the station", "A rocket lifted off on Thursday, "
     "starting a privately funded mission to the International Space Station organised by Lima-based Condor Space.",
     [("Condor Space", "basedIn", "Lima", "stated", "")]),
    ("a former member of an organisation no longer stands for it", "Peru launched the Condor-2 mission on "
     "Monday. The crew is led by former NASA astronaut Ana Ruiz, Lunar Machines' chief astronaut.",
     [("Peru", "launched", "Condor-2 mission", "stated", "2025-03-10"),
      ("Peru", "operates", "Condor-2 mission", "stated", ""),
      ("Lunar Machines", "operates", "Condor-2 mission", "stated", ""),
      ("Ana Ruiz", "memberOf", "Condor-2 mission", "stated", "")]),
    ("a date targeted for a mission or for its landing", "The Andean Space Agency is targeting 2026 for the "
     "Condor-3 landing. Peru is targeting September 2027 for the Inti-2 mission.",
     [("Condor-3", "targetDate", "2026", "planned", "2026"),
      ("Inti-2 mission", "targetDate", "September 2027", "planned", "2027-09")]),
    ("'due to launch in 2026' after a comma; 'is preparing to launch it in September' is ahead",
     "The Andean Space Agency is developing the Condor-3 mission, due to launch in 2026. Peru is preparing to "
     "launch the Inti-2 probe in September.",
     [(ANDEAN, "operates", "Condor-3 mission", "planned", ""),
      ("Condor-3 mission", "targetDate", "2026", "planned", "2026"),
      ("Peru", "plansMission", "Inti-2 probe", "planned", ""),
      ("Inti-2 probe", "targetDate", "September", "planned", "2025-09")]),
    ("the actors an undertaking includes are its members", "The Condor programme now includes Peru, Chile and "
     "Bolivia.",
     [("Peru", "memberOf", "Condor programme", "stated", ""),
      ("Chile", "memberOf", "Condor programme", "stated", ""),
      ("Bolivia", "memberOf", "Condor programme", "stated", "")]),
    ("co-signers among many are not one another's partners", "Thirteen countries have now signed the Condor "
     "cooperation agreement, including Peru and Chile.",
     [("Peru", "signedAgreement", "Peru-Chile Condor cooperation agreement", "stated", ""),
      ("Chile", "signedAgreement", "Peru-Chile Condor cooperation agreement", "stated", "")]),
    ("a seat on a mission", "Peru has a seat on the Condor-3 mission.",
     [("Peru", "memberOf", "Condor-3 mission", "stated", "")]),
    ("a capitalised word the model took for a common noun, that lands, is a craft", "Tenacity landed in the "
     "Jezero Crater on Mars in February.",
     [("Tenacity", "landedOn", "Jezero Crater", "stated", "2025-02"),
      ("Tenacity", "landedOn", "Mars", "stated", "2025-02"),
      ("Jezero Crater", "locatedIn", "Mars", "stated", "")]),
    ("jointly: partners whatever the verb; a gapped second clause has its own subject", "Peru and Chile will "
     "jointly explore the lunar south pole under the Condor-3 mission, with CONIDA providing the rover and the "
     "Andean Space Agency the lander.",
     [("Peru", "partnerOf", "Chile", "planned", ""),
      (CONIDA, "operates", "Condor-3 rover", "stated", ""),
      (ANDEAN, "operates", "Condor-3 lander", "stated", ""),
      ("Condor-3 rover", "partOf", "Condor-3 mission", "stated", ""),
      ("Condor-3 lander", "partOf", "Condor-3 mission", "stated", ""),
      (CONIDA, "memberOf", "Condor-3 mission", "stated", ""),
      (ANDEAN, "memberOf", "Condor-3 mission", "stated", "")]),
    ("a craft that will enter orbit around a body; who bans an actor is its rival", "Peru's Inti probe will "
     "enter orbit around Mercury in 2026. Chile has banned the Andean Space Agency from using its lunar samples.",
     [("Inti probe", "locatedIn", "Mercury orbit", "planned", ""),
      ("Peru", "operates", "Inti probe", "stated", ""),
      ("Inti probe", "targetDate", "2026", "planned", "2026"),
      (ANDEAN, "rivalOf", "Chile", "inferred", "")]),
    ("sanctions: who imposes them and who acts because of them are rivals", "The Andean Space Agency halted "
     "launches in response to Chilean sanctions. The dispute led Peru to impose sanctions on Chile's space "
     "industry.",
     [(ANDEAN, "rivalOf", "Chile", "inferred", ""),
      ("Peru", "rivalOf", "Chile", "inferred", "")]),
    ("a craft carrying another: an active participle", "The Puma lander, carrying the Inti rover in its belly, "
     "touched down on Friday.",
     [("Inti rover", "partOf", "Puma lander", "stated", "")]),
    ("two kind nouns, the last one says the class; a noun that makes a craft's kind; an apposition after "
     "a date", "Peru launched the Inti laboratory module on Monday, the third component of its Condor space "
     "station. The Condor-5 cargo craft will follow next year.",
     [("Peru", "launched", "Inti laboratory module", "stated", "2025-03-10"),
      ("Peru", "operates", "Inti laboratory module", "stated", ""),
      ("Inti laboratory module", "partOf", "Condor space station", "stated", ""),
      ("Peru", "operates", "Condor space station", "stated", ""),
      ("Condor-5 cargo craft", "targetDate", "next year", "planned", "2026")]),
    ("an agency's laboratory is one it runs", "Engineers at the Andean Space Agency's Condor Propulsion "
     "Laboratory (CPL) in Lima cheered.",
     [(ANDEAN, "operates", "Condor Propulsion Laboratory (CPL)", "stated", ""),
      ("Condor Propulsion Laboratory (CPL)", "basedIn", "Lima", "stated", "")]),
    ("an organisation's mission control; 'touch down' takes no object, whatever the parser says",
     "The Puma lander touched down at 6.04 pm, triggering celebrations at the Andean Space Agency's mission "
     "control in Lima.",
     [(ANDEAN, "operates", "Andean Space Agency mission control", "stated", ""),
      ("Andean Space Agency mission control", "locatedIn", "Lima", "stated", "")]),
    ("'came down' lands; payloads for an agency; not what a relative clause about them names; 'the company' "
     "deep in a clause is the article's first-named one", "Lunar Machines' Puma lander came down near a crater "
     "called Malapert A. The Puma lander was launched by a SpaceX rocket. It is carrying six experiments for the "
     "Andean Space Agency, which paid the Lima-based company 11 million dollars under its Condor Lunar Payload "
     "(CLP) programme.",
     [("Puma lander", "landedOn", "Malapert A", "stated", ""),
      ("SpaceX", "launched", "Puma lander", "stated", ""),
      ("Lunar Machines", "operates", "Puma lander", "stated", ""),
      (ANDEAN, "memberOf", "Puma lander", "stated", ""),
      ("Lunar Machines", "basedIn", "Lima", "stated", ""),
      (ANDEAN, "operates", "Condor Lunar Payload (CLP)", "stated", "")]),
    ("a name and the words of its kind; its short name; a Space Force Station is on the ground; 'the "
     "spacecraft' is the latest craft or mission", "Peru's Inti planetary defence mission lifted off on Monday from "
     "Cape Canaveral Space Force Station in Florida. NASA's Zephyr spacecraft struck the asteroid in 2022. Inti "
     "will measure the crater. The spacecraft was built by Lunar Machines in Lima.",
     [("Peru", "launched", "Inti planetary defence mission", "stated", "2025-03-10"),
      ("Peru", "operates", "Inti planetary defence mission", "stated", ""),
      ("Cape Canaveral Space Force Station", "locatedIn", "Florida", "stated", ""),
      (NASA, "operates", "Zephyr spacecraft", "stated", ""),
      ("Lunar Machines", "operates", "Inti planetary defence mission", "stated", ""),
      ("Lunar Machines", "basedIn", "Lima", "stated", "")]),
    ("an apposition the parser hung on a noun from a list further on is not that noun's name",
     "Peru announced the Condor station in 2020. The station is run by Peru and Chile together with the Andean "
     "Space Agency (ASA), the Bolivian Space Agency (ABE) and the Ecuadorian Space Institute (EXA).",
     [("Peru", "operates", "Condor station", "stated", ""),
      ("Chile", "operates", "Condor station", "stated", ""),
      ("Bolivian Space Agency (ABE)", "basedIn", "Bolivia", "stated", "")]),
    ("how long an undertaking is to last is its target", "Peru has committed to keeping the Condor station "
     "operating through 2030. The Inti programme will run until 2032.",
     [("Condor station", "targetDate", "2030", "planned", "2030"),
      ("Inti programme", "targetDate", "2032", "planned", "2032")]),
    ("'they', 'their' after coordinated actors stand for all of them", "Peru and the Andean Space Agency said on "
     "Wednesday they had streamlined their joint Condor Sample Return campaign.",
     [(ANDEAN, "operates", "Condor Sample Return campaign", "stated", ""),
      ("Peru", "operates", "Condor Sample Return campaign", "stated", ""),
      (ANDEAN, "partnerOf", "Peru", "stated", "")]),
    ("what is developed at an organisation, it develops", "The Puma lander is being developed at the Andean "
     "Space Agency's Condor Propulsion Laboratory in Lima.",
     [("Condor Propulsion Laboratory", "operates", "Puma lander", "planned", ""),
      (ANDEAN, "operates", "Condor Propulsion Laboratory", "stated", ""),
      ("Condor Propulsion Laboratory", "basedIn", "Lima", "stated", "")]),
    ("a rocket's customers are not members of it", "The Condor rocket carrying 36 Lunar Machines satellites "
     "will not lift off.", []),
    ("a prince is a person, and a person who flew on a craft was its crew", "They are the first Peruvians to fly "
     "to space since Prince Ana Ruiz flew on the space shuttle Inti in 1985.",
     [("Ana Ruiz", "memberOf", "Inti", "stated", "")]),
    ("a mission's crew: who leads it and whom it includes", "Peru's first astronaut flew on the Condor-2 mission "
     "on Thursday. The crew is led by Maria Garcia, and includes John Smith and David Lee.",
     [("Peru", "memberOf", "Condor-2 mission", "stated", ""),
      ("Maria Garcia", "memberOf", "Condor-2 mission", "stated", ""),
      ("John Smith", "memberOf", "Condor-2 mission", "stated", ""),
      ("David Lee", "memberOf", "Condor-2 mission", "stated", "")]),
    ("a craft to be flown before the end of the decade", "Peru hopes to fly the Inti-2 mission before the end of "
     "the decade.",
     [("Peru", "plansMission", "Inti-2 mission", "planned", ""),
      ("Inti-2 mission", "targetDate", "the end of the decade", "planned", "2020")]),
    ("turning to a provider; 'whose' rockets launch for their owner; a capitalised adjective before kind words",
     "The Andean Space Agency has had to turn to SpaceX, whose Falcon 9 rockets launched its Inca space telescope "
     "last year. Lunar Machines turned to CONIDA and Rocket Lab.",
     [(ANDEAN, "partnerOf", "SpaceX", "stated", ""),
      ("SpaceX", "launched", "Inca space telescope", "stated", "2024"),
      ("SpaceX", "operates", "Falcon 9", "stated", ""),
      ("Lunar Machines", "partnerOf", CONIDA, "stated", ""),
      ("Lunar Machines", "partnerOf", "Rocket Lab", "stated", "")]),
    ("support received from others makes partners of the receiver and each giver, not of the givers",
     "The Andean Space Agency also received tracking support from CONIDA's ground stations and NASA's Deep Space "
     "Network, officials said.",
     [(ANDEAN, "partnerOf", CONIDA, "stated", ""),
      (ANDEAN, "partnerOf", NASA, "stated", ""),
      (NASA, "operates", "Deep Space Network", "stated", "")]),
    ("payloads from actors onboard a mission; an orbit named by words that say nothing of where is none",
     "Payloads from Chile, Bolivia and the Andean Space Agency are onboard the Condor-6 mission. Its Inti rocket "
     "placed the Puma probe into its intended orbit.",
     [("Chile", "memberOf", "Condor-6 mission", "stated", ""),
      ("Bolivia", "memberOf", "Condor-6 mission", "stated", ""),
      (ANDEAN, "memberOf", "Condor-6 mission", "stated", ""),
      ("Inti rocket", "partOf", "Condor-6 mission", "stated", "")]),
    ("'its government' signing is the country's", "Bolivia became the latest country to join the Condor "
     "programme after its government signed a memorandum with the Andean Space Agency.",
     [("Bolivia", "memberOf", "Condor programme", "stated", ""),
      ("Bolivia", "signedAgreement", f"memorandum with {ANDEAN}", "stated", ""),
      (ANDEAN, "signedAgreement", f"memorandum with {ANDEAN}", "stated", ""),
      ("Bolivia", "partnerOf", ANDEAN, "stated", "")]),
    ("a launch of unnamed craft names them by their words", "Rocket Lab launched 36 Zephyr satellites from "
     "New Zealand on Sunday.",
     [("Rocket Lab", "launched", "Zephyr satellites", "stated", "2025-03-09")]),
    ("'the third mission of a programme': the mission the article is about is part of it",
     "The Condor-3 probe returned to Earth. The third mission of the Condor programme was launched from Mollendo.",
     [("Condor-3 probe", "partOf", "Condor programme", "stated", "")]),
    ("joining people on a mission's crew; a person named again by surname",
     "Astronaut Ana Ruiz will fly on the Condor-3 mission. Ruiz will join Peruvian astronauts Luis Soto and Eva Paz "
     "on the crew.",
     [("Ana Ruiz", "memberOf", "Condor-3 mission", "planned", ""),
      ("Luis Soto", "memberOf", "Condor-3 mission", "planned", ""),
      ("Eva Paz", "memberOf", "Condor-3 mission", "planned", "")]),
    ("one of a team selected as part of a mission, and the organisation the person stands for",
     "Luis Soto, an Andean Space Agency astronaut, is among the crew selected as part of the Condor-3 mission.",
     [("Luis Soto", "memberOf", "Condor-3 mission", "stated", ""),
      (ANDEAN, "memberOf", "Condor-3 mission", "stated", "")]),
    ("a programme named after a body, not after what it is like", "The Zephyr rover was the first mission under "
     "Peru's long-term Moon exploration programme.",
     [("Zephyr rover", "partOf", "Moon exploration programme", "stated", ""),
      ("Peru", "operates", "Moon exploration programme", "stated", "")]),
    ("joined, then withdrew: the membership ended", "Bolivia joined the Condor programme in 2019 but later withdrew.",
     [("Bolivia", "memberOf", "Condor programme", "stated", "until 2025-03-10")]),
    ("a name ends at a preposition other than 'of'", "The Andean Space Agency also works with the European Union "
     "on Earth observation.", [(ANDEAN, "partnerOf", "European Union", "stated", "")]),
    ("a country is home to a site", "Peru is home to the Condor Cosmodrome.",
     [("Condor Cosmodrome", "locatedIn", "Peru", "stated", "")]),
    ("a capital acting in a compound; leased", "The crew flew from the Lima-leased Condor Cosmodrome in Chile.",
     [("Peru (Lima)", "operates", "Condor Cosmodrome", "stated", ""),
      ("Condor Cosmodrome", "locatedIn", "Chile", "stated", "")]),
    ("an accord launched by its founders (a pronoun)", "The Andean Space Accords are a set of principles. It was "
     "launched by Peru and Chile in 2020.",
     [("Peru", "operates", "Andean Space Accords", "stated", ""),
      ("Chile", "operates", "Andean Space Accords", "stated", "")]),
    ("a nationality word owning something", "Airbus will build a module for the Peruvians' Condor capsule.",
     [("Airbus", "operates", "Condor capsule module", "planned", ""),
      ("Condor capsule module", "partOf", "Condor capsule", "planned", ""),
      ("Peru (Peruvians)", "operates", "Condor capsule", "stated", "")]),
    ("'As Peru's biggest project, the Condor-3 mission ...': the owner runs the subject",
     "As Peru's most complicated space project, the Condor-3 mission took ten years.",
     [("Peru", "operates", "Condor-3 mission", "stated", "")]),
    ("a joint mission of two countries ISO 3166 knows", "The Condor-3 orbiter is a joint Peru-Chile mission.",
     [("Peru", "operates", "Condor-3 orbiter", "stated", ""), ("Chile", "operates", "Condor-3 orbiter", "stated", ""),
      ("Peru", "partnerOf", "Chile", "stated", "")]),
    ("partners said of the subject", "Peru is one of Chile's closest space partners.",
     [("Chile", "partnerOf", "Peru", "stated", "")]),
    ("put into orbit: a launch", "Peru put the Condor-3 satellite into orbit in 2023.",
     [("Peru", "launched", "Condor-3 satellite", "stated", "2023"),
      ("Peru", "operates", "Condor-3 satellite", "stated", "")]),
    ("sent into orbit: a launch", "Peru sent the Condor-3 probe into orbit in 2023.",
     [("Peru", "launched", "Condor-3 probe", "stated", "2023"), ("Peru", "operates", "Condor-3 probe", "stated", "")]),
    ("a name after a noun and a comma, hung on the verb", "Bolivia successfully launched its first satellite, "
     "Tupac-1, in 2023.", [("Bolivia", "launched", "Tupac-1", "stated", "2023"),
                           ("Bolivia", "operates", "Tupac-1", "stated", "")]),
    ("the launch of a craft by a country", "The launch of the Condor-3 probe by Peru took place in 2024.",
     [("Peru", "launched", "Condor-3 probe", "stated", "2024")]),
    ("to beat a country to the Moon: a rivalry", "Chile wants to beat Peru to the Moon.",
     [("Chile", "plansMission", "beat Peru to the Moon", "planned", ""), ("Chile", "rivalOf", "Peru", "inferred", "")]),
    ("countering another's influence: a rivalry with its owner", "Chile aims to counter Peru's growing influence "
     "in space.", [("Chile", "plansMission", "counter Peru's growing influence in space", "planned", ""),
                   ("Chile", "rivalOf", "Peru", "inferred", "")]),
    ("adversaries said of the subjects", "Peru and Chile are adversaries in space.",
     [("Peru", "rivalOf", "Chile", "stated", "")]),
    ("a mission approved is planned", "The Andean Space Agency has approved the Condor-9 mission to Venus.",
     [(ANDEAN, "plansMission", "Condor-9 mission", "planned", "")]),
    ("a country's next mission, named in apposition", "Peru's next lunar mission, Inti-4, will bring back samples.",
     [("Peru", "operates", "Inti-4", "stated", ""), ("Peru", "plansMission", "Inti-4", "planned", "")]),
    ("the Nth country to do it did it", "Peru became the third country to bring back samples from the Moon.",
     [("Peru", "returnedSamples", "Moon", "stated", "")]),
    ("made history as the first craft to land", "Condor-3 made history as the first spacecraft to land on the "
     "far side of the Moon.", [("Condor-3", "landedOn", "far side of the Moon", "stated", "")]),
    ("reached the surface: landed", "Peru's Condor-3 lander reached the lunar surface in 2024.",
     [("Condor-3 lander", "landedOn", "Moon", "stated", "2024"),
      ("Peru", "operates", "Condor-3 lander", "stated", "")]),
    ("a craft serving as a mission's lander is part of it", "Chile's Puma-1 will serve as the lunar lander for "
     "Peru's Condor-3 mission.", [("Puma-1", "partOf", "Condor-3 mission", "planned", ""),
                                  ("Chile", "operates", "Puma-1", "stated", ""),
                                  ("Peru", "operates", "Condor-3 mission", "stated", "")]),
    ("planning to leave is an end, not a mission", "Peru plans to leave the Condor-8 station after 2028.",
     [("Peru", "memberOf", "Condor-8 station", "planned", "until 2028")]),
    ("a partnership sealed by the subjects", "Peru and Chile sealed a partnership to develop small satellites.",
     [("Peru", "partnerOf", "Chile", "stated", "")]),
    ("set up somewhere: located there, and not a schedule", "The Condor observatory was set up in the Atacama Desert.",
     [("Condor observatory", "locatedIn", "Atacama Desert", "stated", "")]),
    ("an organisation described by a nationality", "Peruvian company Andean Dynamics built the Condor-3 lander.",
     [("Andean Dynamics", "operates", "Condor-3 lander", "stated", ""),
      ("Andean Dynamics", "basedIn", "Peru", "stated", "")]),
    ("a programme that includes or brings together actors has them as members",
     "The Condor programme brings together Peru, Chile and Bolivia.",
     [("Peru", "memberOf", "Condor programme", "stated", ""), ("Chile", "memberOf", "Condor programme", "stated", ""),
      ("Bolivia", "memberOf", "Condor programme", "stated", "")]),
    ("an organisation named with where it is based", "The Institute of Space Research of Peru will operate the "
     "Inti-2 telescope.", [("Institute of Space Research", "operates", "Inti-2 telescope", "planned", ""),
                           ("Institute of Space Research", "basedIn", "Peru", "stated", "")]),
    ("a possessive ends a name", "The Andean Space Agency's Quilla lander touched down on the Moon.",
     [("Quilla lander", "landedOn", "Moon", "stated", ""), (ANDEAN, "operates", "Quilla lander", "stated", "")]),
    ("unnamed hardware named after what it is built for", "The Andean Space Agency built the camera for the "
     "Condor-3 orbiter.", [(ANDEAN, "operates", "Condor-3 orbiter camera", "stated", ""),
                           ("Condor-3 orbiter camera", "partOf", "Condor-3 orbiter", "stated", "")]),
    ("a launch that slipped, a mission pushed back: the new target", "The launch of the Condor-3 probe has "
     "slipped to 2027. The Condor-4 mission was pushed back to 2028.",
     [("Condor-3 probe", "targetDate", "2027", "planned", "2027"),
      ("Condor-4 mission", "targetDate", "2028", "planned", "2028")]),
    ("take part in: a membership", "Bolivia will take part in the Condor-3 mission.",
     [("Bolivia", "memberOf", "Condor-3 mission", "planned", "")]),
    ("no longer: not a current statement", "Peru no longer takes part in the Condor programme.", []),
    ("'the agency' opening a sentence: the previous main clause's agency, not one its modifier named",
     "The Andean Space Agency operates ground stations that track satellites for NASA. The agency joined the "
     "Condor programme in 2023.",
     [(ANDEAN, "operates", "ground stations", "stated", ""), (ANDEAN, "memberOf", "Condor programme", "stated", "")]),
    ("where an organisation is based, said four more ways", "Andean Dynamics' headquarters are in Lima. "
     "Lima-headquartered Inca Rockets builds engines. Puma Space, a startup from Bolivia, builds landers.",
     [("Andean Dynamics", "basedIn", "Lima", "stated", ""), ("Inca Rockets", "basedIn", "Lima", "stated", ""),
      ("Puma Space", "basedIn", "Bolivia", "stated", "")]),
    ("'the satellite' refers back", "Bolivia's first satellite, Tupac-1, was launched in 2013. The satellite is "
     "operated by the Andean Space Agency.",
     [("Bolivia", "operates", "Tupac-1", "stated", ""), (ANDEAN, "operates", "Tupac-1", "stated", "")]),
    ("'its rover, Zhurong,' is Zhurong; a month 'that year' is not guessed; a helicopter is a craft",
     "Peru's Condor-5 mission reached Mars in 2021. Its rover, Quilla, landed in Utopia Planitia in May that year. "
     "It carried the Inti helicopter.",
     [("Condor-5 mission", "locatedIn", "Mars", "stated", ""), ("Peru", "operates", "Condor-5 mission", "stated", ""),
      ("Quilla", "landedOn", "Utopia Planitia", "stated", ""), ("Quilla", "partOf", "Condor-5 mission", "stated", ""),
      ("Inti helicopter", "partOf", "Quilla", "stated", ""),
      ("Condor-5 mission", "landedOn", "Utopia Planitia", "inferred", "")]),
    ("a country's craft aboard another's mission: the country takes part", "Bolivia's Tupac-2 cubesat flew "
     "aboard Peru's Condor-6 mission.",
     [("Tupac-2 cubesat", "partOf", "Condor-6 mission", "stated", ""),
      ("Bolivia", "memberOf", "Condor-6 mission", "stated", ""),
      ("Bolivia", "operates", "Tupac-2 cubesat", "stated", ""),
      ("Peru", "operates", "Condor-6 mission", "stated", "")]),
    ("selected to lead the development of a craft (the infinitive hung on the verb)", "The Andean Space Agency "
     "has selected Inca Aerospace to lead the development of the Condor-9 lander.",
     [(ANDEAN, "partnerOf", "Inca Aerospace", "stated", ""),
      ("Inca Aerospace", "operates", "Condor-9 lander", "planned", "")]),
    ("stated rivalry", "NASA competes with the Andean Space Agency.", [(NASA, "rivalOf", ANDEAN, "stated", "")]),
    ("implied rivalry", "NASA suspended its cooperation with the Andean Space Agency.",
     [(NASA, "partnerOf", ANDEAN, "stated", "until 2025-03-10"), (NASA, "rivalOf", ANDEAN, "stated", "")]),
    ("join", "Pakistan has formally joined China's International Lunar Research Station (ILRS) project.",
     [("Pakistan", "memberOf", "International Lunar Research Station (ILRS)", "stated", "")]),
    ("part of", "The Zephyr rover is part of the Condor-3 mission.",
     [("Zephyr rover", "partOf", "Condor-3 mission", "stated", "")]),
    ("located", "The Condor Launch Center in Peru opened.",
     [("Condor Launch Center", "locatedIn", "Peru", "stated", "")]),
    ("decade", "The Andean Space Agency aims to land the Condor-4 lander on the Moon in the 2030s.",
     [(ANDEAN, "plansMission", "Condor-4 lander", "planned", ""),
      ("Condor-4 lander", "targetDate", "the 2030s", "planned", "2030"),
      (ANDEAN, "landedOn", "Moon", "planned", "2030")]),
    ("mid-year", "The Condor-3 orbiter is scheduled to launch in mid-2026.",
     [("Condor-3 orbiter", "targetDate", "mid-2026", "planned", "2026")]),
    ("weekday", "The Andean Space Agency launched the Condor-2 orbiter on Friday.",
     [(ANDEAN, "launched", "Condor-2 orbiter", "stated", "2025-03-07"),
      (ANDEAN, "operates", "Condor-2 orbiter", "stated", "")]),
    ("samples", "The Condor-2 mission returned samples from the Moon.",
     [("Condor-2 mission", "returnedSamples", "Moon", "stated", "")]),
    ("unnamed agreement", "The Andean Space Agency signed a memorandum of understanding with NASA on the Artemis "
     "program.", [(ANDEAN, "signedAgreement", MOU, "stated", ""), (NASA, "signedAgreement", MOU, "stated", ""),
                  (ANDEAN, "partnerOf", NASA, "stated", "")]),
    ("signers by title", "Andean Space Agency chief Ana Ruiz signed a joint statement with NASA Administrator "
     "Bill Nelson.", [(ANDEAN, "signedAgreement", STATEMENT, "stated", ""),
                      (NASA, "signedAgreement", STATEMENT, "stated", ""), (ANDEAN, "partnerOf", NASA, "stated", "")]),
    ("participation noun", "Peru agreed to extend its participation in the International Space Station until 2030.",
     [("Peru", "memberOf", "International Space Station (ISS)", "planned", "")]),
    ("based", "Lunar Machines, a Houston-based company, operates the Kestrel lander.",
     [("Lunar Machines", "operates", "Kestrel lander", "stated", ""),
      ("Lunar Machines", "basedIn", "Houston", "stated", "")]),
    ("orbit entry", "The Condor-2 orbiter entered orbit around Mars on Friday.",
     [("Condor-2 orbiter", "locatedIn", "Mars orbit (orbit around Mars)", "stated", "")]),
    ("camel-case company", "The Kestrel lander was built by SpaceCraftCo.",
     [("SpaceCraftCo", "operates", "Kestrel lander", "stated", "")]),
    ("partner on", "NASA is partnering with the Andean Space Agency on the Condor-3 mission.",
     [(NASA, "partnerOf", ANDEAN, "stated", ""), (NASA, "memberOf", "Condor-3 mission", "stated", "")]),
    ("appositive members", "NASA and the Andean Space Agency, core partners of the Condor-3 mission, met in Lima.",
     [(NASA, "memberOf", "Condor-3 mission", "stated", ""), (ANDEAN, "memberOf", "Condor-3 mission", "stated", ""),
      (NASA, "partnerOf", ANDEAN, "stated", "")]),
    ("presupposed", "NASA's Condor-5 mission could cost $11 billion.",
     [(NASA, "operates", "Condor-5 mission", "stated", "")]),
    ("launched on a rocket", "The Kestrel spacecraft launched on a SpaceCraftCo Falcon 9 rocket.",
     [("SpaceCraftCo", "launched", "Kestrel spacecraft", "stated", ""),
      ("SpaceCraftCo", "operates", "Falcon 9", "stated", "")]),
    ("launched by a rocket", "Odysseus was launched by a SpaceCraftCo Falcon 9 rocket on February 15.",
     [("SpaceCraftCo", "launched", "Odysseus", "stated", "2025-02-15"),
      ("SpaceCraftCo", "operates", "Falcon 9", "stated", "")]),
    ("lift-off", "The Andean Space Agency's Condor-6 mission lifted off on Friday aboard a Falcon 9 rocket.",
     [(ANDEAN, "launched", "Condor-6 mission", "stated", "2025-03-07"),
      ("Falcon 9", "partOf", "Condor-6 mission", "stated", ""),  # a mission's rocket is part of it
      (ANDEAN, "operates", "Condor-6 mission", "stated", "")]),
    ("object control", "The Andean Space Agency asked SpaceCraftCo to build the Condor-7 orbiter.",
     [("SpaceCraftCo", "operates", "Condor-7 orbiter", "stated", "")]),
    ("unnamed hardware", "The Andean Space Agency was responsible for developing the landing platform.",
     [(ANDEAN, "operates", "landing platform", "stated", "")]),
    ("phrasal verb", "The Andean Space Agency has set up the Condor Training Centre.",
     [(ANDEAN, "operates", "Condor Training Centre", "stated", "")]),
    ("as part of", "The Zephyr rover will fly as part of the Condor-3 mission.",
     [("Zephyr rover", "partOf", "Condor-3 mission", "planned", "")]),
    ("series by name", "The Andean Space Agency runs the Condor program. The Condor-3 mission will launch in 2026.",
     [(ANDEAN, "operates", "Condor program", "stated", ""),
      ("Condor-3 mission", "targetDate", "2026", "planned", "2026"),
      ("Condor-3 mission", "partOf", "Condor program", "inferred", "")]),
    ("agreeing together", "NASA and the Andean Space Agency have agreed to build the Condor-8 station.",
     [(NASA, "partnerOf", ANDEAN, "stated", ""), (NASA, "plansMission", "Condor-8 station", "planned", ""),
      (ANDEAN, "plansMission", "Condor-8 station", "planned", "")]),
    ("joining hands", "Peru and Chile are joining hands for the Condor-3 mission.",
     [("Peru", "partnerOf", "Chile", "stated", ""), ("Peru", "memberOf", "Condor-3 mission", "stated", ""),
      ("Chile", "memberOf", "Condor-3 mission", "stated", "")]),
    ("joint noun", "The NASA and Andean Space Agency joint announcement came on Monday.",
     [(NASA, "partnerOf", ANDEAN, "stated", "")]),
    ("this collaboration", "NASA worked with the Andean Space Agency. NASA terminated this collaboration in 2024.",
     [(NASA, "partnerOf", ANDEAN, "stated", "until 2024"), (NASA, "rivalOf", ANDEAN, "stated", "2024")]),
    ("reached an agreement", "OneWeb has reached an agreement with SpaceCraftCo.",
     [("OneWeb", "signedAgreement", "agreement with SpaceCraftCo", "stated", ""),
      ("SpaceCraftCo", "signedAgreement", "agreement with SpaceCraftCo", "stated", ""),
      ("OneWeb", "partnerOf", "SpaceCraftCo", "stated", "")]),
    ("a kind by its owner", "Hera is an Andean Space Agency mission.", [(ANDEAN, "operates", "Hera", "stated", "")]),
    ("facility in a place", "The rockets launched from the Condor Cosmodrome in Peru.",
     [("Condor Cosmodrome", "locatedIn", "Peru", "stated", "")]),
    ("organisation before a name", "The crew flew on a SpaceCraftCo Dragon capsule.",
     [("SpaceCraftCo", "operates", "Dragon capsule", "stated", "")]),
    ("it's signed", "The Andean Space Agency said that it's signed a memorandum of understanding with NASA.",
     [(ANDEAN, "signedAgreement", "memorandum of understanding with NASA", "stated", ""),
      (NASA, "signedAgreement", "memorandum of understanding with NASA", "stated", ""),
      (ANDEAN, "partnerOf", NASA, "stated", "")]),
    ("called", "The Andean Space Agency is developing a rover called Zephyr-1.",
     [(ANDEAN, "operates", "Zephyr-1", "planned", "")]),
    ("samples, then them", "The Condor-2 mission scooped up moon rocks and delivered them back to Earth.",
     [("Condor-2 mission", "returnedSamples", "Moon", "stated", "")]),
    ("aboard a mission", "Peru sent two astronauts to the ISS aboard the Condor-9 mission.",
     [("Peru", "memberOf", "Condor-9 mission", "stated", "")]),
    ("possessive of a mission", "Condor-3's Puma lander touched down on Friday.",
     [("Puma lander", "partOf", "Condor-3", "stated", "")]),
    ("possessive apposition", "Condor-4, Peru's first lunar mission, crashed into the Moon.",
     [("Condor-4", "landedOn", "Moon", "stated", ""), ("Peru", "operates", "Condor-4", "stated", "")]),
    ("acronym defined, then used", "The Andean Lunar Observatory Association (ALOA) was founded in 2020. ALOA "
     "operates the Condor-3 orbiter.", [("Andean Lunar Observatory Association (ALOA)", "operates", "Condor-3 orbiter",
                                         "stated", "")]),
    ("attribute -based", "Lunar Machines is a Houston-based company.",
     [("Lunar Machines", "basedIn", "Houston", "stated", "")]),
    ("a country's company", "Peru's Lunar Machines operates the Kestrel lander.",
     [("Lunar Machines", "operates", "Kestrel lander", "stated", ""),
      ("Lunar Machines", "basedIn", "Peru", "stated", "")]),
    ("dateline", "LIMA, March 3 (APN) - Peru and Chile signed the Andean Space Accords.",
     [(c, "signedAgreement", "Andean Space Accords", "stated", "") for c in ("Peru", "Chile")]),
    ("quoted name", "Peru's 'Puma' mission is taking shape.", [("Peru", "operates", "Puma mission", "stated", "")]),
    ("possessive over coordination", "The station will use parts of Peru's Condor-3 and Condor-4 missions.",
     [("Peru", "operates", "Condor-4", "stated", ""), ("Peru", "operates", "Condor-3", "stated", "")]),
    ("led by, described", "The Condor program is a lunar exploration project led by the Andean Space Agency.",
     [(ANDEAN, "operates", "Condor program", "stated", "")]),
    ("short name again", "Peru's 'Puma' mission is taking shape. Puma is likely to launch in 2027.",
     [("Peru", "operates", "Puma mission", "stated", ""),
      ("Puma mission", "targetDate", "2027", "speculative", "2027")]),
    ("the rover of the mission", "Peru and Chile will collaborate on the Condor-3 mission. Chile will contribute "
     "the rover.", [("Peru", "partnerOf", "Chile", "planned", ""),
                    ("Peru", "memberOf", "Condor-3 mission", "planned", ""),
                    ("Chile", "memberOf", "Condor-3 mission", "planned", ""),
                    ("Chile", "operates", "Condor-3 rover", "planned", ""),
                    ("Condor-3 rover", "partOf", "Condor-3 mission", "planned", "")]),
    ("staff for their country", "Egyptian engineers are working on a second rover.",
     [("Egypt", "plansMission", "second rover", "planned", "")]),
    ("plan noun, infinitive", "The Andean Space Agency's plan is to eventually build a base near the Moon.",
     [(ANDEAN, "plansMission", "build a base near the Moon", "planned", "")]),
    ("shared plural head", "Both the Condor-3 and Condor-4 probes are designed to land on the Moon.",
     [("Condor-4", "landedOn", "Moon", "planned", ""), ("Condor-3", "landedOn", "Moon", "planned", "")]),
    ("a country's organisation, by attribute", "Lunar Machines is an Egyptian launch service provider.",
     [("Lunar Machines", "basedIn", "Egypt", "stated", "")]),
    ("a stage of the whole", "The first phase of the Condor station will consist of Peru's Condor-3 mission.",
     [("Condor-3 mission", "partOf", "Condor station", "planned", ""),
      ("Peru", "operates", "Condor-3 mission", "stated", "")]),
    ("plural agencies", "The Chinese and Egyptian space agencies will collaborate on data exchange.",
     [("China National Space Administration (CNSA)", "partnerOf", "Egyptian Space Agency (EGSA)", "planned", "")]),
    ("an organisation's site", "Lunar Machines assembles landers at its Lima facility in Peru.",
     [("Lunar Machines", "operates", "Lima facility", "stated", ""),
      ("Lima facility", "locatedIn", "Peru", "stated", "")]),
    ("object control with a gerund", "The contract tasks the Andean Space Agency with developing a new lander.",
     [(ANDEAN, "operates", "new lander", "stated", "")]),
    ("contribution to the project", "Peru builds the Condor-3 mission. The deal secured Chile's contributions to "
     "the project.", [("Peru", "operates", "Condor-3 mission", "stated", ""),
                      ("Chile", "memberOf", "Condor-3 mission", "stated", "")]),
    ("this, for the mission", "The Condor-3 mission will carry a rover. At the moment this is scheduled for 2027.",
     [("Condor-3 mission", "targetDate", "2027", "planned", "2027")]),
    ("launched for a customer", "SpaceCraftCo launched the Kestrel lander for Lunar Machines.",
     [("Lunar Machines", "operates", "Kestrel lander", "stated", ""),
      ("SpaceCraftCo", "launched", "Kestrel lander", "stated", "")]),
    ("awarded a contract to build", "NASA has awarded the Andean Space Agency a contract to build a lunar lander.",
     [(NASA, "signedAgreement", "contract with Andean Space Agency", "stated", ""),
      (ANDEAN, "signedAgreement", "contract with Andean Space Agency", "stated", ""),
      (ANDEAN, "operates", "lunar lander", "planned", ""), (NASA, "partnerOf", ANDEAN, "stated", "")]),
    ("provides a part for a craft", "The Andean Space Agency will provide the service module for the Condor-3 "
     "orbiter.", [(ANDEAN, "operates", "Condor-3 orbiter service module", "planned", ""),
                  ("Condor-3 orbiter service module", "partOf", "Condor-3 orbiter", "planned", "")]),
    ("leaving", "Peru said it would leave the International Space Station in 2028.",
     [("Peru", "memberOf", "International Space Station (ISS)", "planned", "until 2028")]),
    ("astronauts from a country", "The two astronauts from Peru, Ana Ruiz and Luis Soto, flew on the Condor-9 "
     "mission.", [("Peru", "memberOf", "Condor-9 mission", "stated", ""),
                  ("Ana Ruiz", "memberOf", "Condor-9 mission", "stated", ""),
                  ("Luis Soto", "memberOf", "Condor-9 mission", "stated", "")]),
    ("a company lands", "Lunar Machines became the first private company to land on the Moon.",
     [("Lunar Machines", "landedOn", "Moon", "stated", "")]),
    ("a joint effort between", "The Condor-3 mission is a joint effort between NASA and the Andean Space Agency.",
     [(NASA, "partnerOf", ANDEAN, "stated", ""), (NASA, "operates", "Condor-3 mission", "stated", ""),
      (ANDEAN, "operates", "Condor-3 mission", "stated", "")]),
    ("rivals of", "Peru and Chile are rivals of NASA.",
     [("Peru", "rivalOf", NASA, "stated", ""), ("Chile", "rivalOf", NASA, "stated", "")]),
    ("sanctions", "Peru imposed sanctions on the Andean Space Agency.",
     [("Peru", "rivalOf", ANDEAN, "inferred", "")]),
    ("a group includes", "The Condor-3 crew includes two Egyptian astronauts and one NASA astronaut.",
     [("Egypt", "memberOf", "Condor-3", "stated", ""), (NASA, "memberOf", "Condor-3", "stated", "")]),
    ("built for a whole", "Egypt will build an airlock for the Condor-8 station.",
     [("Egypt", "operates", "Condor-8 station airlock", "planned", ""),
      ("Condor-8 station airlock", "partOf", "Condor-8 station", "planned", "")]),
    ("made with a co-maker: both make it, as partners", "Peru built the Puma lander with Lunar Machines.",
     [("Peru", "operates", "Puma lander", "stated", ""), ("Lunar Machines", "operates", "Puma lander", "stated", ""),
      ("Peru", "partnerOf", "Lunar Machines", "stated", "")]),
    ("astronauts sent to a station", "Egypt will send its first astronaut to the International Space Station.",
     [("Egypt", "memberOf", "International Space Station (ISS)", "planned", "")]),
    ("its, for the clause's subject", "SpaceCraftCo will carry Egyptian astronauts on its Dragon capsule.",
     [("SpaceCraftCo", "operates", "Dragon capsule", "stated", "")]),
    ("a service suspended", "Roscosmos suspended launches of Lunar Machines satellites in March.",
     [("Roscosmos", "partnerOf", "Lunar Machines", "stated", "until 2025-03")]),
    ("orbiting", "The Condor-2 orbiter has been orbiting Mars since 2021.",
     [("Condor-2 orbiter", "locatedIn", "Mars orbit", "stated", "")]),
    ("arriving at a body", "The Condor-5 probe arrived at the asteroid Puma in 2024.",
     [("Condor-5 probe", "locatedIn", "Puma", "stated", "")]),
    ("hyphenated name, no dateline", "OSIRIS-REx arrived at the asteroid Bennu in December 2018.",
     [("OSIRIS-REx", "locatedIn", "Bennu", "stated", "")]),
    ("failed to", "Peru failed to land the Puma lander on the Moon.", []),
    ("tried to", "The Puma lander lost contact as it tried to land on the Moon.", []),
    ("launch as a noun", "Peru's launch of the Condor-3 probe in May 2024 was a success.",
     [("Peru", "launched", "Condor-3 probe", "stated", "2024-05")]),
    ("landing as a noun", "Condor-3's landing near the Moon's south pole made Peru famous.",
     [("Condor-3", "landedOn", "Moon", "stated", "")]),
    ("acronym written as a word", "Nasa and Esa will work together on the Condor-3 mission.",
     [(NASA, "partnerOf", "European Space Agency (ESA)", "planned", ""),
      (NASA, "memberOf", "Condor-3 mission", "planned", ""),
      ("European Space Agency (ESA)", "memberOf", "Condor-3 mission", "planned", "")]),
    ("sending another craft", "Lunar Machines was founded in 2011. Its founder said the group would send up "
     "another probe.", [("Lunar Machines", "plansMission", "another probe", "planned", "")]),
    ("countries including", "Ten countries have joined the Condor-8 station, including Chile, Belarus and Peru.",
     [("Chile", "memberOf", "Condor-8 station", "stated", ""),
      ("Belarus", "memberOf", "Condor-8 station", "stated", ""),
      ("Peru", "memberOf", "Condor-8 station", "stated", "")]),
    ("agencies such as", "Agencies such as NASA and the Andean Space Agency joined the Condor-3 mission.",
     [(NASA, "memberOf", "Condor-3 mission", "stated", ""), (ANDEAN, "memberOf", "Condor-3 mission", "stated", "")]),
    ("other members, of the topic", "Peru leads the Condor programme. Other members include Chile and Belarus.",
     [("Peru", "operates", "Condor programme", "stated", ""), ("Chile", "memberOf", "Condor programme", "stated", ""),
      ("Belarus", "memberOf", "Condor programme", "stated", "")]),
    ("the crew, of the mission", "Peru announced the Condor-3 mission. The crew includes Ana Ruiz and Luis Soto.",
     [("Ana Ruiz", "memberOf", "Condor-3 mission", "stated", ""),
      ("Luis Soto", "memberOf", "Condor-3 mission", "stated", "")]),
    ("nations involved, with", "Peru is building the Condor-8 station. It will be a hub, with a dozen nations "
     "involved, including Chile.", [("Peru", "operates", "Condor-8 station", "planned", ""),
                                    ("Chile", "memberOf", "Condor-8 station", "stated", "")]),
    ("withdrew from", "Peru withdrew from the Condor programme in 2024.",
     [("Peru", "memberOf", "Condor programme", "stated", "until 2024")]),
    ("a serial number makes another craft", "Peru's Rashid 2 rover will fly on the Condor-3 mission.",
     [("Rashid 2 rover", "partOf", "Condor-3 mission", "planned", ""),
      ("Peru", "memberOf", "Condor-3 mission", "planned", ""),
      ("Peru", "operates", "Rashid 2 rover", "stated", "")]),
    ("scheduled, as a participle", "The Condor-3 mission, scheduled for 2027, will land on the Moon.",
     [("Condor-3 mission", "landedOn", "Moon", "planned", "2027"), ("Condor-3 mission", "targetDate", "2027", "planned",
                                                                  "2027")]),
    ("the agreement between", "The agreement between Peru and Chile covers the Condor-3 mission.",
     [("Peru", "partnerOf", "Chile", "stated", ""), ("Peru", "signedAgreement", "Peru-Chile agreement", "stated", ""),
      ("Chile", "signedAgreement", "Peru-Chile agreement", "stated", "")]),
    ("an apposition names the runners", "Condor-3, a joint mission of Peru and the Andean Space Agency, was launched.",
     [("Peru", "operates", "Condor-3", "stated", ""), (ANDEAN, "operates", "Condor-3", "stated", ""),
      ("Peru", "partnerOf", ANDEAN, "stated", "")]),
    ("among the partners", "Peru and Chile are among the partners of the Condor programme.",
     [("Peru", "memberOf", "Condor programme", "stated", ""), ("Chile", "memberOf", "Condor programme", "stated", "")]),
    ("jointly", "Peru and Chile are jointly developing the Condor-3 probe.",
     [("Peru", "operates", "Condor-3 probe", "planned", ""), ("Chile", "operates", "Condor-3 probe", "planned", ""),
      ("Peru", "partnerOf", "Chile", "stated", "")]),
    ("contributed to a programme", "Chile will contribute a pressurized rover to the Condor programme.",
     [("Chile", "operates", "pressurized rover", "planned", ""),
      ("pressurized rover", "partOf", "Condor programme", "planned", ""),
      ("Chile", "memberOf", "Condor programme", "planned", "")]),
    ("an agency named by its demonym", "The Philippine Space Agency signed the Artemis Accords.",
     [("Philippine Space Agency", "signedAgreement", "Artemis Accords", "stated", ""),
      ("Philippine Space Agency", "basedIn", "Philippines", "stated", "")]),
    ("where a craft lands is a place", "The Puma lander touched down in Mare Crisium in March 2024.",
     [("Puma lander", "landedOn", "Mare Crisium", "stated", "2024-03")]),
    ("contributors to", "Peru and Chile are the largest contributors to the Andean Space Agency.",
     [("Peru", "memberOf", ANDEAN, "stated", ""), ("Chile", "memberOf", ANDEAN, "stated", "")]),
    ("an infinitive the small model reads as a noun", "Condor-3 became the first spacecraft to land on the Moon.",
     [("Condor-3", "landedOn", "Moon", "stated", "")]),
    ("the lunar surface is the Moon", "The Puma lander was the first probe to land on the lunar surface.",
     [("Puma lander", "landedOn", "Moon", "stated", "")]),
    ("a launch postponed", "The launch of the Condor-3 probe has been postponed to 2027.",
     [("Condor-3 probe", "targetDate", "2027", "planned", "2027")]),
    ("targeting a date for a launch", "Peru is targeting May 2027 for the launch of Condor-3.",
     [("Condor-3", "targetDate", "May 2027", "planned", "2027-05")]),
    ("plans to, as a noun", "Peru announced plans to send an astronaut to the Moon by 2040.",
     [("Peru", "plansMission", "send an astronaut to the Moon", "planned", ""),
      ("send an astronaut to the Moon", "targetDate", "2040", "planned", "2040")]),
    ("a place described by apposition", "The Puma lander landed in Utopia Planitia, a vast plain on Mars.",
     [("Puma lander", "landedOn", "Utopia Planitia", "stated", ""),
      ("Utopia Planitia", "locatedIn", "Mars", "stated", "")]),
    ("is in an orbit", "The Condor-8 station is in low Earth orbit.",
     [("Condor-8 station", "locatedIn", "low Earth orbit", "stated", "")]),
    ("a territory ISO 3166 knows", "The Condor Space Centre is located in Kourou, French Guiana.",
     [("Condor Space Centre", "locatedIn", "Kourou", "stated", ""),
      ("Kourou", "locatedIn", "French Guiana", "stated", "")]),
    ("parts named by participle", "Peru launched the Condor-3 mission. The mission includes a lander named Puma.",
     [("Peru", "launched", "Condor-3 mission", "stated", ""), ("Peru", "operates", "Condor-3 mission", "stated", ""),
      ("Puma", "partOf", "Condor-3 mission", "stated", "")]),
    ("payloads from countries", "The Condor-3 mission carries instruments from Chile and Belarus.",
     [("Chile", "memberOf", "Condor-3 mission", "stated", ""),
      ("Belarus", "memberOf", "Condor-3 mission", "stated", "")]),
    ("the country of an agency's description", "Russia's space agency launched the Condor-3 probe. If "
     "successful, the country will become the first nation to land on the lunar surface.",
     [("Roscosmos", "launched", "Condor-3 probe", "stated", ""),
      ("Roscosmos", "operates", "Condor-3 probe", "stated", ""), ("Roscosmos", "basedIn", "Russia", "stated", ""),
      ("Russia", "landedOn", "Moon", "speculative", "")]),
    ("entered into an agreement", "Peru entered into an agreement with Chile in 2024.",
     [("Peru", "signedAgreement", "agreement with Chile", "stated", "2024"), ("Chile", "signedAgreement",
      "agreement with Chile", "stated", "2024"), ("Peru", "partnerOf", "Chile", "stated", "2024")]),
    ("an agreement signed between", "An agreement signed between Peru and Chile in 2021 paved the way.",
     [("Peru", "signedAgreement", "Peru-Chile agreement", "stated", "2021"),
      ("Chile", "signedAgreement", "Peru-Chile agreement", "stated", "2021"),
      ("Peru", "partnerOf", "Chile", "stated", "2021")]),
    ("a signatory to accords", "Peru became a signatory to the Artemis Accords in 2023.",
     [("Peru", "signedAgreement", "Artemis Accords", "stated", "2023")]),
    ("the two sides", "Peru and Chile met in Lima. The two sides signed a memorandum of understanding.",
     [("Chile", "signedAgreement", "Chile-Peru memorandum of understanding", "stated", ""),
      ("Peru", "signedAgreement", "Chile-Peru memorandum of understanding", "stated", ""),
      ("Chile", "partnerOf", "Peru", "stated", "")]),
    ("a planned mission", "Peru's planned Condor-9 mission will test a lander.",
     [("Peru", "operates", "Condor-9 mission", "stated", ""),
      ("Peru", "plansMission", "Condor-9 mission", "planned", "")]),
    ("planning a described mission", "Peru is planning a lunar lander mission for 2032.",
     [("Peru", "plansMission", "lunar lander mission", "planned", ""),
      ("lunar lander mission", "targetDate", "2032", "planned", "2032")]),
    ("considering is speculative", "Peru is considering a mission to Venus.",
     [("Peru", "plansMission", "mission to Venus", "speculative", "")]),
    ("responsible for", "The Andean Space Agency is responsible for the Condor programme.",
     [(ANDEAN, "operates", "Condor programme", "stated", "")]),
    ("made by a country, as a compound", "The Peruvian-made Condor-3 probe returned samples.",
     [("Peru", "operates", "Condor-3 probe", "stated", "")]),
    ("capitals for governments", "Tokyo sees Seoul as its main partner in space. The talks took place in Seoul.",
     [("Japan (Tokyo)", "partnerOf", "South Korea (Seoul)", "stated", "")]),
    ("locked in a race", "Peru and Chile are locked in a new space race.",
     [("Peru", "rivalOf", "Chile", "inferred", "")]),
    ("tensions between", "Tensions between Peru and Chile have ended their space cooperation.",
     [("Peru", "rivalOf", "Chile", "inferred", "")]),
    ("barred from cooperating", "A new law bars the Andean Space Agency from cooperating with Chile.",
     [(ANDEAN, "rivalOf", "Chile", "inferred", "")]),
    ("lunar rocks come from the Moon", "The Condor-3 probe brought back two kilograms of lunar rocks.",
     [("Condor-3 probe", "returnedSamples", "Moon", "stated", "")]),
    ("a name in capitals before its kind", "Lunar Machines launched Peru's CONDOR cubesat in June 2024.",
     [("Lunar Machines", "launched", "CONDOR cubesat", "stated", "2024-06"),
      ("Peru", "operates", "CONDOR cubesat", "stated", "")]),
    ("a verb is no kind", "\u201cBased on the data, the Condor-3 probe landed on the Moon,\u201d it said.",
     [("Condor-3 probe", "landedOn", "Moon", "stated", "")]),
    ("the only countries to have landed", "Peru and Chile are the only other countries to have landed on the Moon.",
     [("Peru", "landedOn", "Moon", "stated", ""), ("Chile", "landedOn", "Moon", "stated", "")]),
    ("a goal without its frame", "Peru plans to send an astronaut to the Moon as part of the Condor programme.",
     [("Peru", "plansMission", "send an astronaut to the Moon", "planned", ""),
      ("Peru", "memberOf", "Condor programme", "planned", "")]),
    ("ties with, as an object", "Peru has strong ties with Chile in space.",
     [("Peru", "partnerOf", "Chile", "stated", "")]),
    ("support given", "Peru provided technical support to the Andean Space Agency.",
     [("Peru", "partnerOf", ANDEAN, "stated", "")]),
    ("a country's partners include", "Peru's partners in the Condor programme include Chile and Belarus.",
     [("Peru", "partnerOf", "Chile", "stated", ""), ("Peru", "partnerOf", "Belarus", "stated", ""),
      ("Chile", "memberOf", "Condor programme", "stated", ""),
      ("Belarus", "memberOf", "Condor programme", "stated", "")]),
    ("together with a companion", "Peru, together with Chile, operates the Condor-3 probe.",
     [("Peru", "operates", "Condor-3 probe", "stated", ""), ("Chile", "operates", "Condor-3 probe", "stated", "")]),
    ("an infinitive of purpose is planned", "Belarus signed a memorandum with Peru to join the Condor programme.",
     [("Belarus", "signedAgreement", "memorandum with Peru", "stated", ""),
      ("Peru", "signedAgreement", "memorandum with Peru", "stated", ""), ("Belarus", "partnerOf", "Peru", "stated", ""),
      ("Belarus", "memberOf", "Condor programme", "planned", "")]),
    ("a flight slated", "Condor-3's first crewed flight is slated for late 2027.",
     [("Condor-3", "targetDate", "late 2027", "planned", "2027")]),
    ("a name in capitals, by what it does", "CNDR will launch in 2026 and return samples from Phobos in 2031.",
     [("CNDR", "returnedSamples", "Phobos", "planned", "2031"), ("CNDR", "targetDate", "2026", "planned", "2026"),
      ("CNDR", "targetDate", "2031", "planned", "2031")]),
    ("a series shares its operator", "Peru launched its Condor-3 probe in 2021. The Condor-4 probe followed in 2023.",
     [("Peru", "launched", "Condor-3 probe", "stated", "2021"), ("Peru", "operates", "Condor-3 probe", "stated", ""),
      ("Peru", "operates", "Condor-4 probe", "inferred", "")]),
    ("an astronaut flies, and so does the country", "Peruvian astronaut Ana Ruiz flew on the Condor-3 mission.",
     [("Ana Ruiz", "memberOf", "Condor-3 mission", "stated", ""),
      ("Peru", "memberOf", "Condor-3 mission", "stated", "")]),
    ("the lander of a mission", "The Puma lander of the Condor-3 mission touched down on the Moon.",
     [("Puma lander", "landedOn", "Moon", "stated", ""), ("Puma lander", "partOf", "Condor-3 mission", "stated", ""),
      ("Condor-3 mission", "landedOn", "Moon", "inferred", "")]),
    ("an apposition gives the class", "Zorro, the rover of the Condor-3 mission, drove 100 metres.",
     [("Zorro", "partOf", "Condor-3 mission", "stated", "")]),
    ("aboard a craft", "The Zorro rover was aboard the Puma lander.",
     [("Zorro rover", "partOf", "Puma lander", "stated", "")]),
    ("a craft flies on a craft", "The Zorro camera will fly on the Puma lander.",
     [("Zorro camera", "partOf", "Puma lander", "planned", "")]),
    ("built on a body", "Peru will build the Condor-8 station on the Moon.",
     [("Peru", "plansMission", "Condor-8 station", "planned", ""),
      ("Condor-8 station", "locatedIn", "Moon", "planned", "")]),
    ("a negated signature, agreement as object", "Peru did not sign the agreement with Chile.", []),
    ("negation above a condition", "Peru has not yet decided whether to join the Condor programme.", []),
    ("neither ... nor", "Neither Peru nor Chile has signed the Artemis Accords.", []),
    ("discussing is speculative", "Peru and Chile are discussing a joint mission to the Moon.",
     [("Peru", "plansMission", "joint mission to the Moon", "speculative", ""),
      ("Chile", "plansMission", "joint mission to the Moon", "speculative", "")]),
    ("a joint craft of two named runners", "Condor-3, a joint NASA-ESA satellite, was launched in 2025.",
     [(NASA, "operates", "Condor-3", "stated", ""),
      ("European Space Agency (ESA)", "operates", "Condor-3", "stated", ""),
      (NASA, "partnerOf", "European Space Agency (ESA)", "stated", "")]),
    ("belongs to", "Peru launched the Condor-3 probe. The probe belongs to the Andean Space Agency.",
     [("Peru", "launched", "Condor-3 probe", "stated", ""), ("Peru", "operates", "Condor-3 probe", "stated", ""),
      (ANDEAN, "operates", "Condor-3 probe", "stated", "")]),
    ("a programme in partnership with", "Peru's Condor programme, in partnership with Chile, included a rover.",
     [("Peru", "operates", "Condor programme", "stated", ""), ("Peru", "partnerOf", "Chile", "stated", "")]),
    ("we, in a quote, is the speaker's organisation", "\u201cWe will land on the Moon by 2030,\u201d said Ana Ruiz, "
     "head of the Andean Space Agency.", [(ANDEAN, "landedOn", "Moon", "planned", "2030")]),
    ("a country's site", "The probe was launched from Peru's Condor Space Center.",
     [("Condor Space Center", "locatedIn", "Peru", "stated", "")]),
    ("'between' takes two sides, the second hung on the verb",
     "The $50 million project was a joint venture between a private company, AndesIL, and state-owned ACI, "
     "financed mostly by donors.",
     [("AndesIL", "partnerOf", "ACI", "stated", "")]),
    ("coordination hung on an apposition",
     "The Condor-3 probe was built by AndeSpace, a private company, and Condor Aerospace Industries.",
     [("AndeSpace", "operates", "Condor-3 probe", "stated", ""),
      ("Condor Aerospace Industries", "operates", "Condor-3 probe", "stated", "")]),
    ("a scheduled landing is a plan", "The Puma lander crashed before its scheduled landing on the Moon.",
     [("Puma lander", "landedOn", "Moon", "planned", "")]),
    ("the craft of the clause before an event noun", "The Puma lander crashed before a planned touchdown on the Moon.",
     [("Puma lander", "landedOn", "Moon", "planned", "")]),
    ("'the agencies' are the parties of the latest tie",
     "The Andean Space Agency and NASA are working together on the Condor campaign. The agencies signed a "
     "memorandum of understanding in 2020.",
     [(ANDEAN, "partnerOf", NASA, "stated", ""), (ANDEAN, "memberOf", "Condor campaign", "stated", ""),
      (NASA, "memberOf", "Condor campaign", "stated", ""),
      (ANDEAN, "signedAgreement", "Andean Space Agency-NASA memorandum of understanding", "stated", "2020"),
      (NASA, "signedAgreement", "Andean Space Agency-NASA memorandum of understanding", "stated", "2020")]),
    ("an unnamed thing of a known kind to be built", "Peru will build its own orbital outpost.",
     [("Peru", "plansMission", "orbital outpost", "planned", "")]),
    ("organised by; a company of a city; a relative clause on an apposition",
     "The Condor-3 mission was organised by Andes Orbital, a Lima company that plans to build its own "
     "commercial station.",
     [("Andes Orbital", "operates", "Condor-3 mission", "stated", ""),
      ("Andes Orbital", "plansMission", "commercial station", "planned", ""),
      ("Andes Orbital", "basedIn", "Lima", "stated", "")]),
    ("an apposition says a company, whatever kind word its name has",
     "Condor Outpost, a Lima startup, operates the Condor-3 lander.",
     [("Condor Outpost", "operates", "Condor-3 lander", "stated", ""),
      ("Condor Outpost", "basedIn", "Lima", "stated", "")]),
    ("extending their participation in what the article is about; 'also agreed' is each for itself",
     "The Condor station will operate until 2030. Peru and Chile have also agreed to extend their participation.",
     [("Condor station", "targetDate", "2030", "planned", "2030"),
      ("Peru", "memberOf", "Condor station", "planned", ""), ("Chile", "memberOf", "Condor station", "planned", "")]),
    ("a serial number after a new name", "The Condor Mission 2 crew includes Ana Ruiz and Luis Soto.",
     [("Ana Ruiz", "memberOf", "Condor Mission 2", "stated", ""),
      ("Luis Soto", "memberOf", "Condor Mission 2", "stated", "")]),
    ("each conjunct is based where its own modifier says",
     "Andes Orbital was formed by the merger of Lima-based Condortec and Santiago-based AndeSpace in 2023.",
     [("Condortec", "basedIn", "Lima", "stated", ""), ("AndeSpace", "basedIn", "Santiago", "stated", "")]),
    ("a plan to replace; examples take their list's kind; 'which is' is the last name",
     "Peru plans to replace the Condor station with commercial outposts, such as Inca Station and Puma Reef, "
     "which is being developed by Andes Orbital.",
     [("Peru", "plansMission", "Inca Station", "planned", ""), ("Peru", "plansMission", "Puma Reef", "planned", ""),
      ("Andes Orbital", "operates", "Puma Reef", "planned", "")]),
    ("announcing is no undertaking",
     "The Andean Space Agency plans to announce a new architecture for the Condor-3 mission in 2026.", []),
    ("'Space' first is no company's name", "The Puma lander touched down in October. The mission is part of "
     "Peru's Space Safety programme.",
     [("Puma lander", "partOf", "Space Safety programme", "stated", ""),
      ("Peru", "operates", "Space Safety programme", "stated", "")]),
    ("a name the tagger took for an adverb; a plan later this year is ahead",
     "Andes Orbital will launch its second lander, AO-2, later this year.",
     [("Andes Orbital", "plansMission", "AO-2", "planned", ""),
      ("AO-2", "targetDate", "later this year", "planned", "2025"),
      ("Andes Orbital", "operates", "AO-2", "stated", "")]),
    ("a rival through what it owns", "Andes Orbital now competes with SpaceX's Starlink network.",
     [("Andes Orbital", "rivalOf", "SpaceX", "stated", ""), ("SpaceX", "operates", "Starlink network", "stated", "")]),
    ("who commands a mission and who flies with them are its crew",
     "Condor-3 is commanded by astronaut Ana Ruiz, with pilot Luis Soto.",
     [("Ana Ruiz", "memberOf", "Condor-3", "stated", ""), ("Luis Soto", "memberOf", "Condor-3", "stated", "")]),
    ("placed in an orbit named by its modifiers", "Ariane 6 placed the Condor-3 satellite in geostationary orbit.",
     [("Condor-3 satellite", "locatedIn", "geostationary orbit", "stated", "")]),
    ("flies in an orbit, the verb tagged a noun", "The Condor-3 satellite flies in a sun-synchronous orbit.",
     [("Condor-3 satellite", "locatedIn", "sun-synchronous orbit", "stated", "")]),
    ("orbits above a body", "The Condor station orbits about 400 kilometres above the Earth.",
     [("Condor station", "locatedIn", "Earth orbit", "stated", "")]),
    ("what orbits a body is a craft", "Condor-3 will orbit the asteroid Ayar for six months.",
     [("Condor-3", "locatedIn", "Ayar orbit", "planned", "")]),
    ("a country launching a craft runs it", "Peru launched the Condor-3 probe in 2022.",
     [("Peru", "launched", "Condor-3 probe", "stated", "2022"), ("Peru", "operates", "Condor-3 probe", "stated", "")]),
    ("an opening 'its' is the previous subject's; what is built is hardware",
     "Condor-3 was built by Andes Orbital in Lima. Its cubesat, Ayar, was built in Chile.",
     [("Andes Orbital", "operates", "Condor-3", "stated", ""), ("Andes Orbital", "basedIn", "Lima", "stated", ""),
      ("Ayar", "partOf", "Condor-3", "stated", "")]),
    ("a subject the parser hung on the object before 'and'",
     "The Andean Space Agency will provide the rocket and Chile will build the Condor-3 probe.",
     [("Chile", "operates", "Condor-3 probe", "planned", "")]),
    ("'its own' is the governing clause's subject's, and a plan, not a possession",
     "Peru is expected to leave the Condor station after 2028 to build its own Inca Orbital Station.",
     [("Peru", "memberOf", "Condor station", "planned", "until 2028"),
      ("Peru", "plansMission", "Inca Orbital Station", "planned", "")]),
    ("staying on a station until a date", "The Andean Space Agency has said it will stay on the Condor station "
     "until 2028.", [(ANDEAN, "memberOf", "Condor station", "planned", "until 2028")]),
    ("contributions from an actor", "The Condor-3 mission is a collaboration between NASA and ESA, with "
     "contributions from JAXA.",
     [(NASA, "partnerOf", "European Space Agency (ESA)", "stated", ""),
      (NASA, "operates", "Condor-3 mission", "stated", ""),
      ("European Space Agency (ESA)", "operates", "Condor-3 mission", "stated", ""),
      ("Japan Aerospace Exploration Agency (JAXA)", "memberOf", "Condor-3 mission", "stated", "")]),
    ("whose payloads they are", "The Condor-3 probe carries two Japanese instruments and six NASA payloads.",
     [("Japan", "memberOf", "Condor-3 probe", "stated", ""), (NASA, "memberOf", "Condor-3 probe", "stated", "")]),
    ("a contractor hired to launch launches, it plans nothing",
     "NASA has selected SpaceX to launch the Condor-3 mission in 2026.",
     [(NASA, "partnerOf", "SpaceX", "stated", ""), ("SpaceX", "launched", "Condor-3 mission", "planned", "2026"),
      ("Condor-3 mission", "targetDate", "2026", "planned", "2026")]),
    ("the text's own name beside the catalog's, unless only the spelling differs",
     "The Korean Aerospace Research Institute and the Indian Space Research Organization are partners.",
     [("Korea Aerospace Research Institute (Korean Aerospace Research Institute)", "partnerOf",
       "Indian Space Research Organisation (ISRO)", "stated", ""),
      ("Korea Aerospace Research Institute (Korean Aerospace Research Institute)", "basedIn", "South Korea", "stated",
       ""), ("Indian Space Research Organisation (ISRO)", "basedIn", "India", "stated", "")]),
    ("'their' is the two actors named before; a partnership in a programme is membership",
     "Peru asked Chile to build the rover to deepen their partnership in the Condor programme.",
     [("Peru", "partnerOf", "Chile", "stated", ""), ("Peru", "memberOf", "Condor programme", "stated", ""),
      ("Chile", "memberOf", "Condor programme", "stated", "")]),
    ("what it calls X is X", "The Andean Space Agency has initiated what it calls the Condor programme.",
     [(ANDEAN, "operates", "Condor programme", "stated", "")]),
    ("a hyphenated shape that cuts through a catalog name is no name", "China-South Africa space cooperation has "
     "grown.", [("China", "partnerOf", "South Africa", "stated", "")]),
    ("collaborating within the framework of a programme",
     "Within the framework of the Condor programme, the Andean Space Agency and NASA will collaborate on data "
     "exchange.", [(ANDEAN, "partnerOf", NASA, "planned", ""), (ANDEAN, "memberOf", "Condor programme", "planned", ""),
                   (NASA, "memberOf", "Condor programme", "planned", "")]),
    ("who flies a payload on a craft contributes to it", "Bolivia will fly an instrument on the Condor-3 lander.",
     [("Bolivia", "memberOf", "Condor-3 lander", "planned", "")]),
    ("unnamed hardware for a named whole is named after it",
     "The Andean Space Agency will provide a pressurized rover for the Condor programme.",
     [(ANDEAN, "operates", "Condor pressurized rover", "planned", ""),
      ("Condor pressurized rover", "partOf", "Condor programme", "planned", ""),
      (ANDEAN, "memberOf", "Condor programme", "planned", "")]),
    ("a cooperation to be ended exists", "The Andean Space Agency announced that it would end its cooperation "
     "with Roscosmos on the Condor-3 mission.",
     [(ANDEAN, "rivalOf", "Roscosmos", "planned", ""), (ANDEAN, "partnerOf", "Roscosmos", "stated", ""),
      (ANDEAN, "operates", "Condor-3 mission", "stated", ""),
      ("Roscosmos", "operates", "Condor-3 mission", "stated", "")]),
    ("barred in the passive", "The Andean Space Agency is prohibited from cooperating with Chile.",
     [(ANDEAN, "rivalOf", "Chile", "inferred", "")]),
    ("a module that docks is part of the station, a visiting craft is not",
     "The Inti module docked with the Condor station in July. The Puma capsule docked with the Condor station.",
     [("Inti module", "partOf", "Condor station", "stated", "")]),
    ("attached to", "The Inti module will be attached to the Condor station in 2026.",
     [("Inti module", "partOf", "Condor station", "planned", ""),
      ("Inti module", "targetDate", "2026", "planned", "2026")]),
    ("co- verbs: done together", "Peru and Chile are co-developing the Inti rover.",
     [("Peru", "operates", "Inti rover", "planned", ""), ("Chile", "operates", "Inti rover", "planned", ""),
      ("Peru", "partnerOf", "Chile", "stated", "")]),
    ("a joint mission between two, in apposition", "Inti, a joint mission between Peru and Chile, will launch in 2027.",
     [("Peru", "partnerOf", "Chile", "stated", ""), ("Peru", "operates", "Inti", "stated", ""),
      ("Chile", "operates", "Inti", "stated", ""), ("Inti", "targetDate", "2027", "planned", "2027")]),
    ("joining someone in doing", "Chile will join Peru in building the Condor station.",
     [("Chile", "partnerOf", "Peru", "planned", ""), ("Chile", "plansMission", "Condor station", "planned", "")]),
    ("partners at an organisation are the organisation; 'we' is the speaker's",
     "\u201cWe will continue to work with our partners at ESA,\u201d said Ana Ruiz, head of the Andean Space Agency.",
     [(ANDEAN, "partnerOf", "European Space Agency (ESA)", "planned", "")]),
    ("a craft built somewhere on Earth is not there", "The Inca rover was built by Andes Orbital in Lima.",
     [("Andes Orbital", "operates", "Inca rover", "stated", ""), ("Andes Orbital", "basedIn", "Lima", "stated", "")]),
    ("carrying samples from a body", "The Condor-3 capsule landed in the Atacama desert, carrying samples from "
     "the asteroid Ayar.", [("Condor-3 capsule", "landedOn", "Atacama desert", "stated", ""),
                            ("Condor-3 capsule", "returnedSamples", "Ayar", "stated", "")]),
    ("ambitions to build a thing of a known kind", "Peru has ambitions to build its own space station by 2035.",
     [("Peru", "plansMission", "space station", "planned", ""),
      ("space station", "targetDate", "2035", "planned", "2035")]),
    ("a programme's aim is its runner's plan", "The Condor programme, led by the Andean Space Agency, aims to "
     "establish a permanent presence near the Moon.",
     [(ANDEAN, "operates", "Condor programme", "stated", ""),
      (ANDEAN, "plansMission", "establish a permanent presence near the Moon", "planned", "")]),
    ("talks are a partnership that may come", "Peru is in talks with Chile on a joint lunar mission.",
     [("Peru", "partnerOf", "Chile", "speculative", "")]),
    ("'the agency' is the article's most mentioned one", "The Andean Space Agency launched the Condor-3 probe in "
     "2022, after the Andean Space Agency built it in Lima. A camera was provided by NASA. The agency's Condor-2 "
     "lander crashed in 2019.", [(ANDEAN, "launched", "Condor-3 probe", "stated", "2022"),
                                 (ANDEAN, "operates", "Condor-3 probe", "stated", ""),
                                 (ANDEAN, "operates", "Condor-2 lander", "stated", "")]),
    ("time zones are no names", "Roscosmos said it had lost contact with the craft at 2:57 p.m. Moscow time "
     "(1157 GMT) on Saturday.", []),
    ("a currency is no name; places after the rocket are not its operator", "The Rs 615-crore mission was "
     "launched aboard the Inca rocket from the Punta Lobos site in Andhra Pradesh.", []),
    ("those listed after 'with' are each the other side", "Peru's cooperation with Chile and Bolivia has grown.",
     [("Peru", "partnerOf", "Chile", "stated", ""), ("Peru", "partnerOf", "Bolivia", "stated", "")]),
    ("an opening 'it' is the previous subject when that is no actor", "The Condor-3 mission was launched aboard "
     "the Inca rocket. It entered lunar orbit on August 5.",
     [("Inca rocket", "partOf", "Condor-3 mission", "stated", ""),
      ("Condor-3 mission", "locatedIn", "lunar orbit", "stated", "")]),
    ("a participle's time is its noun's", "Peru will develop the Inti rover, under an agreement signed this week.",
     [("Peru", "operates", "Inti rover", "planned", "")]),
    ("an end is no target date", "The Inca rocket, which is operated by Andes Orbital, is due to be retired this "
     "year.", [("Andes Orbital", "operates", "Inca rocket", "stated", "")]),
    ("'a moon' is not the Moon", "Condor-3 will orbit a moon of Jupiter.", []),
    ("touching down as a clause explains where", "Peru became the first country to land a spacecraft near the "
     "south pole of the Moon, as the Puma lander of Condor-3 touched down.",
     [("Peru", "landedOn", "lunar south pole (south pole of the Moon)", "stated", ""),
      ("Puma lander", "landedOn", "lunar south pole (south pole of the Moon)", "stated", ""),
      ("Puma lander", "partOf", "Condor-3", "stated", ""),
      ("Condor-3", "landedOn", "lunar south pole (south pole of the Moon)", "inferred", "")]),
    ("smashed into a body", "The Condor-3 probe smashed into the Moon.",
     [("Condor-3 probe", "landedOn", "Moon", "stated", "")]),
    ("housed inside a craft", "The Inti rover, housed inside Puma, will roll down a ramp.",
     [("Inti rover", "partOf", "Puma", "stated", "")]),
    ("a programme in apposition to its name is no other programme", "The Andean Space Agency is working toward "
     "Condor, its maiden human spaceflight programme.",
     [(ANDEAN, "plansMission", "Condor", "planned", ""), (ANDEAN, "operates", "Condor", "stated", "")]),
    ("released by a craft", "The Inti capsule, released by the Condor-3 spacecraft hours earlier, landed in Utah.",
     [("Inti capsule", "partOf", "Condor-3 spacecraft", "stated", ""),
      ("Inti capsule", "landedOn", "Utah", "stated", "")]),
    ("the material a craft brought back from an asteroid", "Peru shared some of the material its Condor-3 probe "
     "brought back from asteroid Ryugu.", [("Condor-3 probe", "returnedSamples", "Ryugu", "stated", ""),
                                          ("Peru", "operates", "Condor-3 probe", "stated", "")]),
    ("a name listed with its numbered successor is a craft", "Condor-3 was the third mission to an asteroid, after "
     "Peru's Inti and Inti-2.",
     [("Peru", "operates", "Inti", "stated", ""), ("Peru", "operates", "Inti-2", "stated", "")]),
    ("led by a person of an organisation", "The Condor-3 mission is led by scientist Ana Ruiz of the University of "
     "Lima.", [("University of Lima", "operates", "Condor-3 mission", "stated", "")]),
    ("barred from a cooperation named by a noun", "A law bars the Andean Space Agency from most bilateral "
     "cooperation with Chile.", [(ANDEAN, "rivalOf", "Chile", "inferred", "")]),
    ("completing construction of a station plans it", "Peru aims to complete construction of the Condor station "
     "by 2027.", [("Peru", "plansMission", "Condor station", "planned", ""),
                  ("Condor station", "targetDate", "2027", "planned", "2027")]),
    ("a site on the coast of a province", "The rocket lifted off from the Punta Lobos Launch Site on the coast of "
     "the southern province of Lima.", [("Punta Lobos Launch Site", "locatedIn", "Lima", "stated", "")]),
    ("the noun a relative clause's verb acts on", "Inti is the heaviest spacecraft Peru has launched so far.",
     [("Peru", "launched", "Inti", "stated", ""), ("Peru", "operates", "Inti", "stated", "")]),
    ("launched, not saying by whom: by its one operator (inferred)", "Peru's Condor-3 mission reached Mars in "
     "2021. Condor-3 was launched on July 23, 2020 aboard an Inca rocket.",
     [("Condor-3 mission", "locatedIn", "Mars", "stated", ""), ("Peru", "operates", "Condor-3 mission", "stated", ""),
      ("Inca rocket", "partOf", "Condor-3 mission", "stated", ""),
      ("Peru", "launched", "Condor-3 mission", "inferred", "")]),
    ("launched on a flight of a company's rocket", "The Puma lander was launched on the debut flight of Andes "
     "Orbital's Inca rocket.", [("Andes Orbital", "launched", "Puma lander", "stated", ""),
                                 ("Andes Orbital", "operates", "Inca rocket", "stated", "")]),
    ("'the company' named by its city is based there", "Andes Orbital built the Puma lander. The Lima company "
     "will fly it in 2026.", [("Andes Orbital", "operates", "Puma lander", "stated", ""),
                              ("Andes Orbital", "basedIn", "Lima", "stated", ""),
                              ("Puma lander", "targetDate", "2026", "planned", "2026")]),
    ("a rover carried from an organisation", "The Condor-3 lander carried a small rover from the University of "
     "Lima.", [("University of Lima", "memberOf", "Condor-3 lander", "stated", "")]),
    ("a plan to work with a partner on a named undertaking", "Peru intends to work with Chile on the Condor "
     "station.", [("Peru", "plansMission", "Condor station", "planned", ""),
                  ("Peru", "partnerOf", "Chile", "planned", ""),
                  ("Peru", "memberOf", "Condor station", "planned", "")]),
    ("a signer's apposition hung elsewhere says whom they stand for", "NASA Administrator Bill Nelson and Luis "
     "Soto, Chile's minister of science, signed the implementing arrangement in Lima.",
     [(NASA, "signedAgreement", "NASA-Chile arrangement", "stated", ""),
      ("Chile", "signedAgreement", "NASA-Chile arrangement", "stated", ""),
      (NASA, "partnerOf", "Chile", "stated", "")]),
    ("working on something with a partner", "The Andean Space Agency has been working on the concept with Toyota.",
     [(ANDEAN, "partnerOf", "Toyota", "stated", "")]),
    ("a lunar lander lands on the Moon", "Peru's own lunar lander Inti touched down in January.",
     [("Inti", "landedOn", "Moon", "stated", "2025-01"), ("Peru", "operates", "Inti", "stated", "")]),
    ("built by a consortium led by a company; a participle with its agent is passive",
     "Built by a consortium led by Andes Orbital, Condor-3 carries ten instruments.",
     [("Andes Orbital", "operates", "Condor-3", "stated", "")]),
    ("a name set to launch is a craft; one word ending in 'space' a company", "Condor-3 will be joined by NASA's "
     "Europa Clipper, scheduled to launch in October 2026. The Inca rocket is operated by Andespace.",
     [(NASA, "operates", "Europa Clipper", "stated", ""),
      ("Europa Clipper", "targetDate", "October 2026", "planned", "2026-10"),
      ("Andespace", "operates", "Inca rocket", "stated", "")]),
    ("contributing hardware to the article's mission", "The Condor-3 mission lifted off on Friday. NASA "
     "contributed an ultraviolet spectrograph.",
     [(NASA, "operates", "ultraviolet spectrograph", "stated", ""),
      ("ultraviolet spectrograph", "partOf", "Condor-3 mission", "stated", ""),
      (NASA, "memberOf", "Condor-3 mission", "stated", "")]),
    ("testing a camera on a craft plans no craft", "The Andean Space Agency plans to test a camera on Condor-3.",
     [(ANDEAN, "plansMission", "test a camera on Condor-3", "planned", "")]),
    ("an agreement named by what it is for, in words", "Peru and Chile signed an agreement for the exploration "
     "of the fourth Lagrange point.",
     [("Peru", "signedAgreement", "Peru-Chile agreement for exploration of the fourth Lagrange point", "stated", ""),
      ("Chile", "signedAgreement", "Peru-Chile agreement for exploration of the fourth Lagrange point", "stated", ""),
      ("Peru", "partnerOf", "Chile", "stated", "")]),
    ("having a plan for a thing by a date", "The Andean Space Agency has an ambitious plan for a Mars settlement "
     "by 2117.", [(ANDEAN, "plansMission", "Mars settlement", "planned", ""),
                  ("Mars settlement", "targetDate", "2117", "planned", "2117")]),
    ("a subject the parser made a conjunct before a closing quote", "Peru's 'Condor-3' mission is taking shape. "
     "As per a statement by the agency's chief, Ana Ruiz, Condor-3' is set for December 2026 launch.",
     [("Peru", "operates", "Condor-3 mission", "stated", ""),
      ("Condor-3 mission", "targetDate", "December 2026", "planned", "2026-12")]),
    ("a mission whose lander landed landed (inferred)", "Peru became the first country to land near the south "
     "pole of the Moon, as the Puma lander of the Condor-3 mission touched down.",
     [("Peru", "landedOn", "lunar south pole (south pole of the Moon)", "stated", ""),
      ("Puma lander", "landedOn", "lunar south pole (south pole of the Moon)", "stated", ""),
      ("Puma lander", "partOf", "Condor-3 mission", "stated", ""),
      ("Condor-3 mission", "landedOn", "lunar south pole (south pole of the Moon)", "inferred", "")]),
    ("a company named again without its suffix; paying it for a job hires it", "Andes Technology said its Puma "
     "lander re-entered over the Pacific. NASA paid Andes more than $100 million to carry its instruments.",
     [("Andes Technology", "operates", "Puma lander", "stated", ""),
      (NASA, "partnerOf", "Andes Technology", "stated", "")]),
    ("a payload provided by an actor", "The Puma lander carries four payloads, including a laser array provided "
     "by NASA.", [(NASA, "memberOf", "Puma lander", "stated", "")]),
    ("a mission named by its purpose", "The Andean Space Agency plans to launch a mission to collect samples from "
     "an asteroid around 2027.",
     [(ANDEAN, "plansMission", "mission to collect samples from an asteroid", "planned", ""),
      ("mission to collect samples from an asteroid", "targetDate", "2027", "planned", "2027")]),
    ("'me' in a quote is the speaker's side; 'co-operation' is one word", "\u201cThe council mandated me to "
     "terminate the co-operation with Roscosmos,\u201d said Ana Ruiz, head of the Andean Space Agency.",
     [(ANDEAN, "partnerOf", "Roscosmos", "stated", "until 2025-03-10"),
      (ANDEAN, "rivalOf", "Roscosmos", "stated", "")]),
])
def test_constructions(construction, text, expected):
    found = [(st.subject_label, st.relation, st.object_label, st.certainty, st.when)
             for st in extract(Article(text), date="2025-03-10")]
    assert found == expected


def test_new_entities_are_proposed_with_class_label_and_acronym():
    text = ("The Pakistan Space and Upper Atmosphere Research Commission (SUPARCO) said the Zephyr rover "
            "was built by the Andean Space Agency.")
    result = extract(Article(text), date="2025-03-10")
    assert [(e.label, e.cls, e.acronym, e.known) for e in result.entities] == [
        ("Zephyr rover", "Rover", None, False), ("Andean Space Agency", "SpaceAgency", None, False)]
    assert all(e.iri.startswith(KG) and e.evidence == text for e in result.entities)
    joined = extract(Article("The Andean Space and Upper Atmosphere Research Commission (ASUARC) joined the "
                             "Condor-3 mission."), date="2025")
    assert [(e.label, e.cls, e.acronym) for e in joined.entities] == [
        ("Andean Space and Upper Atmosphere Research Commission", "Actor", "ASUARC"),
        ("Condor-3 mission", "Mission", None)]
    assert [(st.subject_label, st.relation, st.object_label) for st in joined] == [
        ("Andean Space and Upper Atmosphere Research Commission (ASUARC)", "memberOf", "Condor-3 mission")]
    # a short name with its number in brackets ("Ax-3"), and what launches a craft is a rocket
    flown = extract(Article("The Condor 5 launched the Inti capsule for Peru. Peru launched Andean Mission 2 (Am-2)."),
                    date="2025-03-10")
    assert [(e.label, e.cls, e.acronym) for e in flown.entities] == [
        ("Inti capsule", "Spacecraft", None), ("Andean Mission 2", "Mission", "Am-2")]
    assert ("Peru", "launched", "Inti capsule") in [(st.subject_label, st.relation, st.object_label) for st in flown]


def test_the_cli_shows_new_entities_in_both_formats(tmp_path):
    from click.testing import CliRunner
    from rdflib import RDF, RDFS, Graph, Literal, URIRef

    from graph.cli import main

    article = tmp_path / "a.txt"
    article.write_text("date: 2025-03-10\n\nThe Zephyr rover was built by the Andean Space Agency (ASA).\n",
                       encoding="utf-8")
    tsv = CliRunner().invoke(main, ["extract", str(article)])
    turtle = CliRunner().invoke(main, ["extract", str(article), "--format", "turtle"])
    assert tsv.exit_code == 0 and turtle.exit_code == 0, tsv.output + turtle.output
    assert tsv.output.splitlines()[-2:] == [
        "# new entity: Zephyr rover - Rover - introduced by: The Zephyr rover was built by the Andean Space Agency "
        "(ASA).",
        "# new entity: Andean Space Agency (ASA) - SpaceAgency - introduced by: The Zephyr rover was built by the "
        "Andean Space Agency (ASA).",
    ]
    g = Graph().parse(data=turtle.output, format="turtle")
    space = "https://w3id.org/spacekg/ontology#"
    asa = URIRef(KG + "andean-space-agency")
    assert (asa, RDF.type, URIRef(space + "SpaceAgency")) in g
    assert (asa, RDFS.label, Literal("Andean Space Agency", lang="en")) in g
    assert (asa, URIRef(space + "acronym"), Literal("ASA")) in g
    assert (URIRef(KG + "zephyr-rover"), RDF.type, URIRef(space + "Rover")) in g


def test_no_year_is_guessed_without_the_article_date():
    found = extract(Article("The Andean Space Agency launched the Condor-2 orbiter on Friday."))
    assert [(st.relation, st.when) for st in found] == [("launched", ""), ("operates", "")]


def test_the_cli_prints_tsv_and_turtle(tmp_path):
    from click.testing import CliRunner
    from rdflib import Graph

    from graph.cli import main

    result = CliRunner().invoke(main, ["extract", str(SEED_TEXT), "--date", "2021-03"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "subject\trelation\tobject\twhen\tcertainty\tevidence"
    assert ("Chang'e 4\tlandedOn\tfar side of the Moon\t2019\tstated\tIt successfully delivered the Chang'e 4 "
            "lander to the far side of the moon in early 2019.") in lines
    turtle = CliRunner().invoke(main, ["extract", str(SEED_TEXT), "--date", "2021-03", "--format", "turtle"])
    assert turtle.exit_code == 0
    g = Graph().parse(data=turtle.output, format="turtle")
    assert len(set(g.subjects())) == len(lines) - 1
    bad = CliRunner().invoke(main, ["extract", str(SEED_TEXT), "--date", "2021-13"])
    assert bad.exit_code == 3 and "month 13" in bad.output
