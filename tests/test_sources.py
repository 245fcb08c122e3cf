"""The seed article's quirks: offsets count the characters of the text as stored (in shared/seed/)."""

from __future__ import annotations

import hashlib

from graph import paths
from graph.query import run
from graph.sources import read_text
from tests.conftest import SEED_TEXT

JUNK_LINES = ["X", "nasafullmoon", "See all photos", "NASA/Kim Shiflett", "2 min read", "Amanda Kooser"]


def test_the_seed_text_has_the_hash_the_source_records():
    assert hashlib.sha256(SEED_TEXT.read_bytes()).hexdigest() == (
        "2199452e92c760f7213b3100aa690f22a55a4ce40dffd508ab57bbe5c04a5de9"
    )


def test_the_project_keeps_no_third_party_text():
    # sources keep metadata, the text's hash and quoted evidence; the articles stay in shared/
    assert sorted(p.name for p in paths.SOURCES_DIR.iterdir() if p.suffix != ".ttl") == []


def test_the_text_has_the_quirks_we_must_cope_with():
    text = read_text(SEED_TEXT)
    lines = text.split("\n")
    assert lines[0] == "X"
    for junk in JUNK_LINES:
        assert junk in lines
    assert text.count("\u00a0") == 5


def test_offsets_count_characters_of_the_stored_text_across_non_breaking_spaces(store):
    text = read_text(SEED_TEXT)
    rows = list(run(store, """
        SELECT ?evidence ?start ?end WHERE {
          ?st :evidence ?evidence ; :evidenceStart ?start ; :evidenceEnd ?end }"""))
    assert rows
    for row in rows:
        start, end = int(row["start"].value), int(row["end"].value)
        assert text[start:end] == row["evidence"].value
    with_nbsp = [r for r in rows if "\u00a0" in r["evidence"].value]
    assert with_nbsp, "the MoU sentence keeps its non-breaking space"
    assert {(int(r["start"].value), int(r["end"].value)) for r in with_nbsp} == {(632, 837)}
    # Counting bytes instead of characters would put the next sentences off by one per NBSP.
    assert len(text[:837].encode("utf-8")) == 838


def test_no_statement_quotes_page_furniture(store):
    evidence = {r["e"].value for r in run(store, "SELECT DISTINCT ?e WHERE { ?st :evidence ?e }")}
    for junk in JUNK_LINES:
        assert junk not in evidence


def test_the_curated_file_shows_non_breaking_spaces_as_escapes():
    curated = (paths.SOURCES_DIR / "cnet-2021-ilrs.ttl").read_text(encoding="utf-8")
    assert "\u00a0" not in curated
    assert "earlier this week\\u00A0that" in curated
