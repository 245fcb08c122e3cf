"""`spacekg review` end to end in a real browser: Debian's headless Chromium driven by Selenium.

A reviewer opens the proposal of the test article, rejects one statement, edits one, keeps a new
entity, re-links another to the catalog entity it is, and accepts the source; the user's data folder
and the built store then hold exactly what was accepted, the same graph as the curated Turtle a
review by hand writes.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

from graph.statements import curated_prologue
from tests.conftest import SHUTDOWN_POLL
from tests.review_support import DATA, SOURCE_ID, make_review_data

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
KG = "https://w3id.org/spacekg/id/"
S = "https://w3id.org/spacekg/ontology#"

pytestmark = pytest.mark.skipif(
    not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
    reason=f"needs Debian's headless browser and its driver ({CHROMIUM}, {CHROMEDRIVER}): "
    "`python3 scripts/quickstart.py test` installs them as root, or `sudo apt-get install chromium chromium-driver`",
)

# What a person reviewing by hand would leave in review-article.ttl (the source and its statements):
# the basedIn statement deleted, the landing dated to the day, the Queqiao statement kept, the
# memorandum re-linked to the catalog's kg:ilrs-mou-2021.
BY_HAND = """
src:review-article a :SourceArticle ;
    dcterms:title "China's far-side relay and the lunar station plan" ;
    dcterms:publisher kg:spacekg-test-desk ;
    dcterms:issued "2021-03-12"^^xsd:date ;
    :sha256 "{sha256}" .

[] rdf:subject kg:change-4 ; rdf:predicate :landedOn ; rdf:object kg:far-side-of-the-moon ;
    :certainty :Stated ; :pointInTime "2019-01-03"^^xsd:date ;
    :timeExpression "January 2019" ;
    :evidence "Chang'e 4 landed on the far side of the Moon in January 2019." ;
    :evidenceStart 269 .

[] rdf:subject kg:cnsa ; rdf:predicate :partnerOf ; rdf:object kg:roscosmos ;
    :certainty :Stated ; :pointInTime "2021-03"^^xsd:gYearMonth ; :eventType cameo:060 ;
    :timeExpression "March 2021" ;
    :evidence "CNSA and Roscosmos signed a memorandum of understanding on the International Lunar Research Station in March 2021." ;
    :evidenceStart 332 .

[] rdf:subject kg:cnsa ; rdf:predicate :operates ; rdf:object kg:queqiao-relay-satellite ;
    :certainty :Stated ;
    :evidence "The China National Space Administration (CNSA) operates the Queqiao relay satellite, which was launched in May 2018." ;
    :evidenceStart 151 .

[] rdf:subject kg:cnsa ; rdf:predicate :signedAgreement ; rdf:object kg:ilrs-mou-2021 ;
    :certainty :Stated ; :pointInTime "2021-03"^^xsd:gYearMonth ; :eventType cameo:057 ;
    :timeExpression "March 2021" ;
    :evidence "CNSA and Roscosmos signed a memorandum of understanding on the International Lunar Research Station in March 2021." ;
    :evidenceStart 332 .

[] rdf:subject kg:roscosmos ; rdf:predicate :signedAgreement ; rdf:object kg:ilrs-mou-2021 ;
    :certainty :Stated ; :pointInTime "2021-03"^^xsd:gYearMonth ; :eventType cameo:057 ;
    :timeExpression "March 2021" ;
    :evidence "CNSA and Roscosmos signed a memorandum of understanding on the International Lunar Research Station in March 2021." ;
    :evidenceStart 332 .
"""  # noqa: E501 - curated Turtle keeps each evidence sentence on one line


# What the user's catalog gains: the kept entity, sourced to the article (catalog/review-article.ttl).
KEPT = """
kg:queqiao-relay-satellite a :Spacecraft ;
    rdfs:label "Queqiao relay satellite"@en ;
    dcterms:source src:review-article .
"""


@pytest.fixture
def review_server(tmp_path, seed_data):
    """A review server over a fresh user data folder holding the test article's proposal."""
    from graph.review.app import make_review_server
    from graph.review.workspace import Workspace

    user = make_review_data(tmp_path / "user")
    workspace = Workspace(data_dir=seed_data, user_dir=user, text_dirs=(DATA,), build_dir=tmp_path / "build")
    server = make_review_server(workspace, quiet=True)
    thread = threading.Thread(target=server.serve_forever, args=(SHUTDOWN_POLL,), daemon=True)
    thread.start()
    yield server, user, tmp_path / "build"
    server.shutdown()
    server.server_close()
    thread.join(10)


@pytest.fixture
def browser(tmp_path):
    webdriver = pytest.importorskip("selenium.webdriver", reason="needs selenium (the project's test extra)")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1500,1000", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--disable-default-apps",
                     f"--user-data-dir={tmp_path / 'chromium'}"):
        options.add_argument(argument)
    # the driver's path given: Selenium Manager (which would look for drivers online) is not run
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    yield driver
    driver.quit()


def waiting(driver, seconds: float):
    """A wait that looks again when the page re-draws what it was looking at, every 50 ms (Selenium's
    default, half a second, made each step of the review wait for nothing)."""
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, seconds, poll_frequency=0.05,
                         ignored_exceptions=(NoSuchElementException, StaleElementReferenceException))


def card(driver, words: str):
    """The statement card whose sentence starts with ``words`` (waiting until it is there)."""
    from selenium.webdriver.common.by import By

    def find(d):
        for node in d.find_elements(By.CSS_SELECTOR, ".card.statement"):
            if node.find_element(By.CSS_SELECTOR, ".words").text.startswith(words):
                return node
        return False

    return waiting(driver, 30).until(find)


def wait_for(driver, css: str):
    from selenium.webdriver.common.by import By

    return waiting(driver, 30).until(lambda d: d.find_element(By.CSS_SELECTOR, css))


def wait_message(driver, start: str) -> str:
    """The page's message once it starts with ``start``; on a timeout, the error says what it was instead."""
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.common.by import By

    try:
        waiting(driver, 120).until(lambda d: d.find_element(By.ID, "message").text.startswith(start))
    except TimeoutException:
        pytest.fail(f"the page says {driver.find_element(By.ID, 'message').text!r}, not {start!r}...")
    return driver.find_element(By.ID, "message").text


def source_graph(build: Path) -> Graph:
    """The source's named graph, as the built store answers it."""
    import pyoxigraph as ox

    from graph.store import open_store

    result = open_store(build).query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH src:{SOURCE_ID} {{ ?s ?p ?o }} }}",
                                     prefixes={"src": "https://w3id.org/spacekg/source/"})
    return Graph().parse(data=result.serialize(format=ox.RdfFormat.N_TRIPLES).decode(), format="nt")


def expected_graph() -> Graph:
    """The named graph the build makes of :data:`BY_HAND`: the source's metadata and its statements."""
    from rdflib import BNode

    from graph.sources import sha256_of
    from graph.statements import compile_claims, curated_prologue, read_claims

    text = curated_prologue() + BY_HAND.replace("{sha256}", sha256_of(DATA / "review-article.txt"))
    g = Graph().parse(data=text, format="turtle")
    expected = Graph()
    for triple in g:
        if not isinstance(triple[0], BNode):
            expected.add(triple)
    expected += compile_claims(URIRef("https://w3id.org/spacekg/source/" + SOURCE_ID), SOURCE_ID, read_claims(g))
    return expected


def test_a_reviewer_rejects_edits_accepts_and_the_graph_holds_exactly_that(review_server, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    server, user, build = review_server
    browser.get(f"http://127.0.0.1:{server.server_address[1]}/")
    wait_for(browser, f'#proposal-list a[data-id="{SOURCE_ID}"]').click()
    card(browser, "CNSA based in China")
    # every statement's evidence is marked in the article's text, each sentence once
    assert [m.text for m in browser.find_elements(By.CSS_SELECTOR, "#text mark")] == [
        "The China National Space Administration (CNSA) operates the Queqiao relay satellite, which was launched "
        "in May 2018.",
        "Chang'e 4 landed on the far side of the Moon in January 2019.",
        "CNSA and Roscosmos signed a memorandum of understanding on the International Lunar Research Station in "
        "March 2021.",
    ]
    card(browser, "CNSA based in China · stated").find_element(By.CSS_SELECTOR, "button.reject").click()
    wait_message(browser, "Rejected: CNSA based in China")

    landing = card(browser, "Chang'e 4 landed on far side of the Moon · January 2019 · stated")
    landing.find_element(By.CSS_SELECTOR, "button.edit").click()
    time_field = landing.find_element(By.CSS_SELECTOR, 'input[name="time"]')
    time_field.clear()
    time_field.send_keys("2019-01-03")
    landing.find_element(By.CSS_SELECTOR, "button.save").click()
    card(browser, "Chang'e 4 landed on far side of the Moon · 3 January 2019 · stated")

    # the Queqiao relay satellite is kept as it is: nothing to do
    mou = browser.find_element(By.CSS_SELECTOR, ".card.entity[data-iri^='kg:cnsa-roscosmos-memorandum']")
    Select(mou.find_element(By.CSS_SELECTOR, 'select[name="target"]')).select_by_value("kg:ilrs-mou-2021")
    mou.find_element(By.CSS_SELECTOR, "button.relink").click()
    wait_message(browser, "Re-linked")
    assert [c.get_attribute("data-iri") for c in browser.find_elements(By.CSS_SELECTOR, ".card.entity")] == [
        "kg:queqiao-relay-satellite"]
    assert [c.find_element(By.CSS_SELECTOR, ".words").text for c in browser.find_elements(
        By.CSS_SELECTOR, ".card.statement.new")] == ["CNSA operates Queqiao relay satellite · stated"]

    browser.find_element(By.ID, "accept-source").click()
    message = wait_message(browser, f"Accepted {SOURCE_ID}")
    assert f"The graph in {build} now holds it." in message

    assert sorted(p.name for p in (user / "sources").iterdir()) == [f"{SOURCE_ID}.ttl"]
    assert sorted(p.name for p in (user / "catalog").iterdir()) == [f"{SOURCE_ID}.ttl", "review-outlet.ttl"]
    assert isomorphic(Graph().parse(user / "catalog" / f"{SOURCE_ID}.ttl", format="turtle"),
                      Graph().parse(data=curated_prologue() + KEPT, format="turtle"))
    assert isomorphic(source_graph(build), expected_graph())
    from graph.store import open_store

    catalog = open_store(build).query(
        "SELECT ?p ?o WHERE { GRAPH <https://w3id.org/spacekg/catalog> { kg:queqiao-relay-satellite ?p ?o } }",
        prefixes={"kg": KG})
    assert {(row["p"].value, str(row["o"].value)) for row in catalog} == {
        ("http://www.w3.org/1999/02/22-rdf-syntax-ns#type", S + "Spacecraft"),
        ("http://www.w3.org/2000/01/rdf-schema#label", "Queqiao relay satellite"),
        ("http://purl.org/dc/terms/source", "https://w3id.org/spacekg/source/" + SOURCE_ID),
    }
