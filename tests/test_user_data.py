"""The user's data folder: new entities through review, web pages, undated articles, batches.

The articles in tests/data/articles are the project's own short texts (true facts about JAXA's
SLIM lander, in our words), credited to a test outlet of the user's catalog, "Example Desk"
(example.org), so that no third-party text is needed.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS

from graph import paths
from graph.cli import main
from graph.ingest import ENTITIES_BEGIN, accept, propose
from graph.namespaces import CATALOG_GRAPH, KG, SPACE, SRC
from graph.statements import curated_prologue, read_claims
from tests.conftest import seed_evidence

ARTICLES = Path(__file__).resolve().parent / "data" / "articles"
OUTLET = curated_prologue() + """
kg:example-desk a :NewsOutlet ;
    rdfs:label "Example Desk"@en ;
    dcterms:source <https://example.org/> .
"""
SLIM_ENTITIES = """
kg:smart-lander a :Lander ; rdfs:label "Smart Lander"@en ; dcterms:source src:slim .
kg:slim-lander a :Lander ; rdfs:label "SLIM lander"@en ; dcterms:source src:slim .
"""


@pytest.fixture
def user(tmp_path: Path) -> Path:
    """A user data folder whose catalog has the test outlet."""
    folder = tmp_path / "user"
    (folder / "catalog").mkdir(parents=True)
    (folder / "catalog" / "outlets.ttl").write_text(OUTLET, encoding="utf-8")
    return folder


def snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and "__pycache__" not in p.parts and p.name != ".lock"}


def rows(build: Path, query: str) -> set[tuple[str, ...]]:
    from graph.query import run
    from graph.store import open_store

    results = run(open_store(build), query)
    return {tuple(s[v].value.rsplit("/", 1)[-1].rsplit("#", 1)[-1] for v in results.variables) for s in results}


STATEMENTS = "SELECT ?s ?p ?o WHERE { GRAPH <%s> { ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o } }" % (
    SRC + "slim")


def test_new_entities_enter_the_users_catalog_when_their_source_is_accepted(tmp_path, user, seed_data):
    shipped = snapshot(paths.DATA_DIR)
    proposal = propose(ARTICLES / "slim.txt", user_dir=user, data_dir=seed_data, publisher="Example Desk")
    assert (proposal.path, proposal.statements) == (user / "sources" / "slim.proposed.ttl", 4)
    build = tmp_path / "build"
    written = accept("slim", user_dir=user, data_dir=seed_data, text_dirs=[ARTICLES], build_dir=build)
    assert written == [user / "sources" / "slim.ttl", user / "catalog" / "slim.ttl"]
    assert not proposal.path.exists()
    expected = Graph().parse(data=curated_prologue() + SLIM_ENTITIES, format="turtle")
    assert isomorphic(Graph().parse(user / "catalog" / "slim.ttl", format="turtle"), expected)
    # the built graph has them in its catalog, and the statements that use them
    assert rows(build, f"""SELECT ?s ?p ?o WHERE {{ GRAPH <{CATALOG_GRAPH}> {{ ?s ?p ?o
        FILTER(?s IN (kg:smart-lander, kg:slim-lander)) }} }}""") == {
        ("smart-lander", "type", "Lander"), ("smart-lander", "label", "Smart Lander"),
        ("smart-lander", "source", "slim"), ("slim-lander", "type", "Lander"),
        ("slim-lander", "label", "SLIM lander"), ("slim-lander", "source", "slim")}
    assert rows(build, STATEMENTS) == {("jaxa", "launched", "smart-lander"), ("jaxa", "operates", "smart-lander"),
                                       ("jaxa", "basedIn", "japan"), ("slim-lander", "landedOn", "moon")}
    assert snapshot(paths.DATA_DIR) == shipped  # the shipped data is never written to
    # the next article that names them finds them in the user's catalog: the web page of the same
    # news proposes no new entity, and it gets an id of its own (slim is taken)
    again = propose(ARTICLES / "slim.html", user_dir=user, data_dir=seed_data)
    assert again.path == user / "sources" / "slim-2.proposed.ttl"
    assert "\n" + ENTITIES_BEGIN not in again.path.read_text(encoding="utf-8")


def test_a_reviewer_relinks_a_mention_to_an_entity_the_catalog_has(tmp_path, user, seed_data):
    proposal = propose(ARTICLES / "slim.txt", user_dir=user, data_dir=seed_data, publisher="Example Desk").path
    text = proposal.read_text(encoding="utf-8")
    assert "replace\n# its IRI by the catalog's everywhere in this file" in text  # the header says how
    # the hand review: "SLIM lander" is the Smart Lander, so its entry goes and its IRI is replaced
    entry = re.search(r"kg:slim-lander a :Lander ;.*?\n\n", text, re.S).group(0)
    proposal.write_text(re.sub(r"kg:slim-lander\b", "kg:smart-lander", text.replace(entry, "")), encoding="utf-8")
    build = tmp_path / "build"
    result = CliRunner().invoke(main, ["ingest", "--accept", "slim", "--user-data", str(user), "--data",
                                       str(seed_data), "--texts", str(ARTICLES), "--build-dir", str(build)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == f"accepted slim: {user / 'sources/slim.ttl'}, {user / 'catalog/slim.ttl'}"
    expected = Graph().parse(data=curated_prologue() + SLIM_ENTITIES.split("\n")[1], format="turtle")
    assert isomorphic(Graph().parse(user / "catalog" / "slim.ttl", format="turtle"), expected)
    assert rows(build, STATEMENTS) == {("jaxa", "launched", "smart-lander"), ("jaxa", "operates", "smart-lander"),
                                       ("jaxa", "basedIn", "japan"), ("smart-lander", "landedOn", "moon")}


def test_an_entity_deleted_but_still_used_is_an_error_at_its_line(tmp_path, user, seed_data):
    proposal = propose(ARTICLES / "slim.txt", user_dir=user, data_dir=seed_data, publisher="Example Desk").path
    text = proposal.read_text(encoding="utf-8")
    entry = re.search(r"kg:slim-lander a :Lander ;.*?\n\n", text, re.S).group(0)
    proposal.write_text(text.replace(entry, ""), encoding="utf-8")
    before = snapshot(user)
    result = CliRunner().invoke(main, ["ingest", "--accept", "slim", "--user-data", str(user), "--data",
                                       str(seed_data), "--build-dir", str(tmp_path / "build")])
    assert result.exit_code == 4 and "Traceback" not in result.output
    line = next(n for n, x in enumerate(text.replace(entry, "").split("\n"), 1) if "rdf:subject kg:slim-lander" in x)
    assert f"{proposal}:{line}:" in result.output and "kg:slim-lander" in result.output
    assert snapshot(user) == before and not (tmp_path / "build").exists()


def _undated_proposal(tmp_path, user, seed_data):
    """The test article without its date line, in a texts folder, proposed into ``user``."""
    texts = tmp_path / "texts"
    texts.mkdir()
    article = texts / "slim.txt"
    article.write_text(re.sub(r"date: .*\n", "", (ARTICLES / "slim.txt").read_text(encoding="utf-8")),
                       encoding="utf-8")
    return texts, propose(article, user_dir=user, data_dir=seed_data, publisher="Example Desk").path


def test_an_undated_article_stays_undated_until_the_user_gives_its_date(tmp_path, user, seed_data):
    from graph.maps.from_store import _describe_sources
    from graph.mirror import mirror
    from graph.store import open_store

    texts, proposal = _undated_proposal(tmp_path, user, seed_data)
    g = Graph().parse(proposal, format="turtle")
    assert g.value(URIRef(SRC + "slim"), DCTERMS.issued) is None  # no date invented
    times = {(c.predicate.rsplit("#", 1)[1], str(t)) for c in read_claims(g) for t in c.times.values()}
    assert times == {("launched", "2023-09"), ("landedOn", "2024-01")}  # the times the text gives
    build = tmp_path / "build"
    accept("slim", user_dir=user, data_dir=seed_data, text_dirs=[texts], build_dir=build)
    assert rows(build, "SELECT ?d WHERE { src:slim dcterms:issued ?d }") == set()
    G = mirror(open_store(build))
    assert SRC + "slim" in G.graph["sources"]
    assert {d["source_date"] for *_, d in G.edges(data=True) if d.get("source") == SRC + "slim"} == {None}
    _describe_sources(open_store(build), G)
    assert G.graph["source_names"][SRC + "slim"] == "Example Desk, “Japan lands on the Moon” (undated)"
    explained = CliRunner().invoke(main, ["explain", "JAXA", "Japan", "--build-dir", str(build)])
    assert explained.exit_code == 0, explained.output
    assert "     source: src:slim; statement: stmt:slim.jaxa-basedIn-japan\n" in explained.output  # no date shown
    for as_of in ([], ["--as-of", "2024-06"]):
        analysed = CliRunner().invoke(main, ["analyze", "--build-dir", str(build), *as_of])
        assert analysed.exit_code == 0, analysed.output


def test_the_date_can_be_given_when_accepting(tmp_path, user, seed_data):
    texts, proposal = _undated_proposal(tmp_path, user, seed_data)
    lines = proposal.read_text(encoding="utf-8").count("\n")
    args = ["ingest", "--accept", "slim", "--user-data", str(user), "--data", str(seed_data), "--texts", str(texts),
            "--build-dir", str(tmp_path / "build")]
    bad = CliRunner().invoke(main, [*args, "--date", "2024-13"])
    assert bad.exit_code == 3 and "month 13" in bad.output and proposal.exists()
    result = CliRunner().invoke(main, [*args, "--date", "2024-02"])
    assert result.exit_code == 0, result.output
    assert rows(tmp_path / "build", "SELECT ?d WHERE { src:slim dcterms:issued ?d }") == {("2024-02",)}
    source = (user / "sources" / "slim.ttl").read_text(encoding="utf-8")
    assert '    dcterms:issued "2024-02"^^xsd:gYearMonth ;' in source and source.count("\n") == lines


def test_a_saved_web_page_is_read_by_trafilatura(tmp_path, user, seed_data):
    from graph.build import assemble
    from graph.text import page_text

    page = ARTICLES / "slim.html"
    proposal = propose(page, user_dir=user, data_dir=seed_data).path
    g = Graph().parse(proposal, format="turtle")
    source = URIRef(SRC + "slim")
    meta = {p.rsplit("/", 1)[1].rsplit("#", 1)[-1]: str(o) for p, o in g.predicate_objects(source)}
    assert meta == {"type": SPACE + "SourceArticle", "title": "Japan lands on the Moon",
                    "publisher": KG + "example-desk", "issued": "2024-02-01",
                    "url": "https://example.org/news/japan-lands-on-the-moon",
                    "sha256": hashlib.sha256(page.read_bytes()).hexdigest()}
    text, _ = page_text(page.read_bytes())
    assert "Subscribe" not in text and "Copyright" not in text and "Most read" not in text
    claims = read_claims(g)
    quotes = [c.evidence for c in claims]
    assert len(claims) == 5 and all(text[e.start:e.end] == e.text for e in quotes)  # the headline's too
    accept("slim", user_dir=user, data_dir=seed_data, text_dirs=[ARTICLES])
    checked = assemble(text_dirs=[ARTICLES], catalog_dir=[seed_data / "catalog", user / "catalog"],
                       sources_dir=[seed_data / "sources", user / "sources"])
    assert "slim" not in [s.id for s in checked.unchecked]  # the quotes were checked against the page's text
    # a page that gives no date: the footer's copyright year is not taken for one
    undated = tmp_path / "undated.html"
    undated.write_text(re.sub(r".*published_time.*\n", "", page.read_text(encoding="utf-8")), encoding="utf-8")
    assert "date" not in page_text(undated.read_bytes())[1]


def test_a_folder_is_ingested_on_both_cores_with_a_summary(tmp_path, user, seed_data):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy2(ARTICLES / "slim.txt", folder / "a.txt")
    shutil.copy2(ARTICLES / "slim.txt", folder / "dup.txt")
    shutil.copy2(ARTICLES / "slim.html", folder / "slim.html")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "cat.txt").write_text("The cat sat on the mat for a long, long while.\n", encoding="utf-8")
    args = ["ingest", str(folder), "--user-data", str(user), "--data", str(seed_data), "--publisher", "Example Desk"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 4  # the code of the first article that failed: cat.txt names no entity
    out = user / "sources"
    assert result.stdout.splitlines() == [
        f"a.txt: new: 4 statements -> {out / 'a.proposed.ttl'}",
        f"cat.txt: failed: {folder / 'cat.txt'}: the article names no entity of the catalog: nothing to propose",
        "dup.txt: known: the same text as a.txt, proposed with it",
        f"empty.txt: failed: {folder / 'empty.txt'}: the article is empty",
        f"slim.html: new: 5 statements -> {out / 'slim.proposed.ttl'}",
        "5 article(s): 2 new, 1 already known, 2 failed",
    ]
    assert result.stderr.startswith("proposing 5 article(s) on 2 process(es)")  # the progress bar's label
    assert sorted(p.name for p in out.iterdir()) == ["a.proposed.ttl", "slim.proposed.ttl"]
    again = CliRunner().invoke(main, args)
    assert again.stdout.splitlines()[-1] == "5 article(s): 0 new, 3 already known, 2 failed"
    one_url = CliRunner().invoke(main, [*args, "--url", "https://example.org/a"])
    assert one_url.exit_code == 2 and "one article's" in one_url.output
    assert f"a.txt: known: already proposed as {out / 'a.proposed.ttl'}" in again.stdout.splitlines()


def test_a_batch_reports_each_article_as_it_is_done(tmp_path, user, seed_data):
    from graph.batch import ingest_folder

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy2(ARTICLES / "slim.txt", folder / "slim.txt")
    shutil.copy2(ARTICLES / "slim.html", folder / "slim.html")
    seen = []
    outcomes = ingest_folder(folder, workers=2, progress=seen.append, user_dir=user, data_dir=seed_data,
                             publisher="Example Desk")
    assert sorted(o.path.name for o in seen) == ["slim.html", "slim.txt"]
    # two articles of the same name: two proposals, never one over the other
    assert [(o.path.name, o.status, Path(o.note).name) for o in outcomes] == [
        ("slim.html", "new", "slim.proposed.ttl"), ("slim.txt", "new", "slim-txt.proposed.ttl")]


def test_the_user_data_folder_is_chosen_by_option_variable_or_xdg(monkeypatch, tmp_path):
    assert not paths.user_data_dir().is_relative_to(Path.home())  # the tests never touch the real one
    monkeypatch.delenv("SPACEKG_USER_DATA")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert paths.user_data_dir() == tmp_path / "xdg" / "spacekg"
    monkeypatch.setenv("XDG_DATA_HOME", "relative/xdg")  # ignored, as the XDG specification says
    assert paths.user_data_dir() == Path.home() / ".local" / "share" / "spacekg"
    monkeypatch.delenv("XDG_DATA_HOME")
    assert paths.user_data_dir() == Path.home() / ".local" / "share" / "spacekg"
    monkeypatch.setenv("SPACEKG_USER_DATA", str(tmp_path / "mine"))
    assert paths.user_data_dir() == tmp_path / "mine"


def test_build_combines_the_shipped_data_and_the_users(tmp_path, user, seed_data):
    propose(ARTICLES / "slim.txt", user_dir=user, data_dir=seed_data, publisher="Example Desk")
    accept("slim", user_dir=user, data_dir=seed_data, text_dirs=[ARTICLES])
    build = tmp_path / "build"
    result = CliRunner().invoke(main, ["build", "--data", str(seed_data), "--user-data", str(user), "--texts",
                                       str(ARTICLES), "--build-dir", str(build), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["sources"] == {
        "cnet-2021-ilrs": {"statements": 28, "evidence": seed_evidence()},
        "slim": {"statements": 4, "evidence": "checked"}}
    assert rows(build, "SELECT ?label WHERE { kg:example-desk rdfs:label ?label }") == {("Example Desk",)}
    # a source accepted into both folders is refused, naming both
    twin = tmp_path / "twin"
    shutil.copytree(seed_data, twin)
    shutil.copy2(user / "sources" / "slim.ttl", twin / "sources" / "slim.ttl")
    clash = CliRunner().invoke(main, ["validate", "--data", str(twin), "--user-data", str(user)])
    assert clash.exit_code == 3
    assert f"{user / 'sources' / 'slim.ttl'}: slim is also a source in {twin / 'sources' / 'slim.ttl'}" in clash.output


def test_plain_text_without_any_header_is_an_article_too(tmp_path, user, seed_data):
    body = (ARTICLES / "slim.txt").read_text(encoding="utf-8").split("\n\n", 1)[1]
    article = tmp_path / "bare.txt"
    article.write_text(body, encoding="utf-8")
    missing = CliRunner().invoke(main, ["ingest", str(article), "--user-data", str(user), "--data", str(seed_data)])
    assert missing.exit_code == 4 and "--publisher" in missing.output  # a source needs its outlet
    proposal = propose(article, user_dir=user, data_dir=seed_data, publisher="Example Desk")
    text = proposal.path.read_text(encoding="utf-8")
    assert "# TODO: the article gives no title; 'bare (untitled)' is a placeholder to replace." in text
    g = Graph().parse(data=text, format="turtle")
    assert g.value(URIRef(SRC + "bare"), DCTERMS.issued) is None
    assert sorted((c.evidence.start, c.evidence.text) for c in read_claims(g))[0] == (0, body.split("\n")[0])


def test_a_web_page_without_main_text_is_refused(tmp_path, user):
    page = tmp_path / "empty.html"
    page.write_text("<html><head><title>Menu</title></head><body><div></div></body></html>", encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", str(page), "--user-data", str(user)])
    assert result.exit_code == 3 and "Traceback" not in result.output
    assert f"{page}: the web page has no main text that trafilatura can take out" in result.output
    assert not (user / "sources").exists()
