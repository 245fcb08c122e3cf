"""Ingest: bad articles are refused without a trace; proposals are curated Turtle; accept is atomic."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from graph.cli import main
from graph.ingest import accept, propose
from graph.statements import read_claims
from tests.conftest import CORPUS

SOURCES = Path(__file__).resolve().parent.parent / "graph" / "data" / "sources"
ARTICLE = CORPUS / "04_esa-ends-exomars-roscosmos.txt"
HEADER = "url: https://example.org/a\ntitle: T\ndate: 2024-01-02\n\n"


def unseen(folder: Path, name: str = ARTICLE.name) -> Path:
    """A corpus article as the graph has not seen it: another URL (same outlet), so another text hash."""
    folder.mkdir(parents=True, exist_ok=True)
    text = (CORPUS / name).read_text(encoding="utf-8")
    url = text.splitlines()[0]
    copy = folder / name
    copy.write_text(text.replace(url, url.rstrip("/") + "?edition=test", 1), encoding="utf-8")
    return copy


def bad_articles(tmp_path: Path) -> dict[str, Path]:
    files = {
        "empty": b"",
        "binary": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "latin1": (HEADER + "NASA and ESA sign an agreement in Z\u00fcrich.").encode("latin-1"),
        "no-entity": (HEADER + "The cat sat on the mat for a long, long while.").encode(),
    }
    paths = {}
    for name, data in files.items():
        paths[name] = tmp_path / f"{name}.txt"
        paths[name].write_bytes(data)
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:  # sparse: 50 MB on paper, nothing on disk
        handle.truncate(50 * 1024 * 1024)
    paths["big"] = big
    return paths


@pytest.mark.parametrize(("kind", "code", "words"), [
    ("empty", 3, "empty"), ("binary", 3, "binary"), ("latin1", 3, "not UTF-8"), ("big", 3, "bytes"),
    ("no-entity", 4, "no entity"),
])
def test_bad_articles_get_a_clear_message_and_change_nothing(tmp_path, kind, code, words):
    path = bad_articles(tmp_path)[kind]
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["ingest", str(path), "--out", str(out), "--publisher", "CNET"])
    assert result.exit_code == code, result.output
    assert words in result.output and "Traceback" not in result.output
    assert not out.exists() or list(out.iterdir()) == []
    assert CliRunner().invoke(main, ["extract", str(path)]).exit_code in (code, 0 if kind == "no-entity" else code)


@pytest.mark.needs_shared(CORPUS)
def test_the_proposal_is_curated_turtle_with_source_metadata(tmp_path):
    article_path = unseen(tmp_path / "texts")
    proposal = propose(article_path, out_dir=tmp_path)
    assert proposal.path == tmp_path / "esa-ends-exomars-roscosmos.proposed.ttl"
    text = proposal.path.read_text(encoding="utf-8")
    assert "dcterms:publisher kg:the-national" in text
    assert '"2022-07-14"^^xsd:date' in text
    g = Graph().parse(data=text, format="turtle")
    claims = read_claims(g)
    # no whole text: a sentence appears only as the evidence of a statement (written or waiting for review)
    from graph.extraction import extract
    from graph.text import read_article

    article = read_article(article_path)
    evidence = {st.evidence for st in extract(article)}
    assert ":sha256 \"" in text
    assert [s.text for s in article.sentences() if s.text in text and s.text not in evidence] == []
    assert any(s.text not in text for s in article.sentences())
    stored = article_path.read_bytes().decode("utf-8")
    for claim in claims:
        assert stored[claim.evidence.start:claim.evidence.end] == claim.evidence.text
    assert {str(c.predicate).rsplit("#", 1)[1] for c in claims} >= {"operates", "basedIn"}


@pytest.mark.needs_shared(CORPUS)
def test_accept_moves_a_valid_proposal_into_place_and_refuses_a_broken_one(tmp_path, seed_data):
    user, texts, build = tmp_path / "user", tmp_path / "texts", tmp_path / "build"
    propose(unseen(texts), user_dir=user, data_dir=seed_data)
    proposal = user / "sources" / "esa-ends-exomars-roscosmos.proposed.ttl"
    good = proposal.read_text(encoding="utf-8")
    broken = good.replace(":evidenceStart ", ":evidenceStart 1", 1)
    proposal.write_text(broken, encoding="utf-8")
    before = sorted(p.name for p in (user / "sources").iterdir())
    result = CliRunner().invoke(main, ["ingest", "--accept", "esa-ends-exomars-roscosmos", "--user-data", str(user),
                                       "--data", str(seed_data), "--texts", str(texts), "--build-dir", str(build)])
    assert result.exit_code == 5, result.output  # the quote is not at its offset: the error names the proposal's line
    lines = broken.split("\n")
    wrong = next(n for n, x in enumerate(lines) if ":evidenceStart 1" in x)
    line = max(n for n, x in enumerate(lines[:wrong]) if x.startswith("[] rdf:subject")) + 1  # its paragraph
    assert f"{proposal}:{line}: the evidence of" in result.output
    assert sorted(p.name for p in (user / "sources").iterdir()) == before and not build.exists()
    assert sorted(p.name for p in user.iterdir()) == [".lock", "sources"]  # no staging folder left
    proposal.write_text(good, encoding="utf-8")
    written = accept("esa-ends-exomars-roscosmos", user_dir=user, data_dir=seed_data, text_dirs=[texts])
    assert written[0] == user / "sources" / "esa-ends-exomars-roscosmos.ttl" and not proposal.exists()


@pytest.mark.needs_shared(CORPUS)
def test_a_folder_is_proposed_in_parallel_with_progress(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("04_esa-ends-exomars-roscosmos.txt", "11_nasa-roscosmos-seat-swap.txt"):
        unseen(folder, name)
    (folder / "zz_empty.txt").write_bytes(b"")
    result = CliRunner().invoke(main, ["ingest", str(folder), "--out", str(tmp_path / "out")])
    assert result.exit_code == 3  # one bad article: reported, the others still proposed
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "esa-ends-exomars-roscosmos.proposed.ttl", "nasa-roscosmos-seat-swap.proposed.ttl"]
    assert "zz_empty.txt: failed:" in result.stdout and "proposing 3 article(s) on 2 process(es)" in result.stderr
    assert result.stdout.splitlines()[-1] == "3 article(s): 2 new, 0 already known, 1 failed"


@pytest.mark.needs_shared(CORPUS)
def test_a_known_article_changes_nothing(tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["ingest", str(ARTICLE), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output == ("nothing to do: already a source as "
                             f"{SOURCES / 'national-2022-exomars-roscosmos-ends.ttl'}\n")
    assert not out.exists()
    # a proposal is known too: the same article again, even under another file name
    first = unseen(tmp_path / "texts")
    propose(first, out_dir=out)
    again = tmp_path / "again.txt"
    shutil.copy2(first, again)
    assert propose(again, out_dir=out).status == "known"
    assert sorted(p.name for p in out.iterdir()) == ["esa-ends-exomars-roscosmos.proposed.ttl"]


@pytest.mark.needs_shared(CORPUS)
def test_an_edited_proposal_is_never_overwritten(tmp_path):
    article = unseen(tmp_path / "texts")
    out = tmp_path / "out"
    first = propose(article, out_dir=out)
    target = first.path
    generated = target.read_text(encoding="utf-8")
    # the same proposal again: nothing to do; an unedited one is simply regenerated
    assert propose(article, out_dir=out, source_id="esa-ends-exomars-roscosmos").status == "known"
    # a reviewer edits it (deletes the first statement) ...
    edited = generated.replace(generated[generated.index("[] rdf:subject"):generated.index("\n\n", generated.index(
        "[] rdf:subject")) + 2], "", 1)
    target.write_text(edited, encoding="utf-8")
    # ... and a new proposal for the same article (here: its text seen again after the proposal was
    # renamed away) goes beside the edited one and says how it differs
    from graph.ingest import _write_proposal

    again = _write_proposal(out, "esa-ends-exomars-roscosmos", generated, first.statements)
    assert again.status == "beside" and again.path == out / "esa-ends-exomars-roscosmos-2.proposed.ttl"
    assert "differs from it in 1 statements" in again.note
    assert target.read_text(encoding="utf-8") == edited
    assert again.path.read_text(encoding="utf-8") == generated
    # an identical proposal is left alone, and one nobody edited is replaced by a new one
    assert _write_proposal(out, "esa-ends-exomars-roscosmos-2", generated, 0).status == "unchanged"
    from graph.ingest import _stamped

    renewed = _stamped(generated.partition("\n")[2] + "\n# one more line\n")
    assert _write_proposal(out, "esa-ends-exomars-roscosmos-2", renewed, 0).status == "updated"
    assert again.path.read_text(encoding="utf-8") == renewed


@pytest.mark.needs_shared(CORPUS)
def test_accept_updates_the_built_graph_at_once_and_a_failed_one_changes_nothing(tmp_path, seed_data):
    from graph.build import assemble
    from graph.errors import EvidenceError
    from graph.store import open_store, write_build

    user, build, texts = tmp_path / "user", tmp_path / "build", tmp_path / "texts"
    write_build(assemble(catalog_dir=seed_data / "catalog", sources_dir=seed_data / "sources").dataset, build)
    before = (build / "spacekg.trig").read_bytes()
    proposal = propose(unseen(texts), user_dir=user, data_dir=seed_data).path
    good = proposal.read_text(encoding="utf-8")
    ask = ("ASK { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), "
           "'https://w3id.org/spacekg/source/esa-ends-exomars-roscosmos')) }")
    assert not open_store(build).query(ask)
    # a proposal that breaks the build: neither the sources nor the built graph change
    proposal.write_text(good.replace(":evidenceStart ", ":evidenceStart 1", 1), encoding="utf-8")
    options = {"user_dir": user, "data_dir": seed_data, "text_dirs": [texts], "build_dir": build}
    with pytest.raises(EvidenceError):
        accept("esa-ends-exomars-roscosmos", **options)
    assert (build / "spacekg.trig").read_bytes() == before and proposal.exists()
    # a good one: the built graph answers with the new source's statements right away
    proposal.write_text(good, encoding="utf-8")
    accept("esa-ends-exomars-roscosmos", **options)
    assert open_store(build).query(ask)
    assert (build / "spacekg.trig").read_bytes() != before
