"""`spacekg review` without a browser: the edits as text, the write endpoint's guards, failures.

The server is real (on 127.0.0.1, a free port) and so is the client (urllib); the proposal is the
one `spacekg ingest` writes for the test article (tests/review_support.py), in a user data folder;
the shipped data is the seed alone (``seed_data``), so that accepting builds quickly.
"""

from __future__ import annotations

import json
import re
import shutil
import threading
import urllib.error
import urllib.request

import pytest
from click.testing import CliRunner

from graph.cli import main
from tests.conftest import SHUTDOWN_POLL
from tests.review_support import DATA, SOURCE_ID, make_review_data

TOKEN = "test-token"
MOU = "kg:cnsa-roscosmos-memorandum-of-understanding-on-international-lunar-research-station-ilrs"


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    """The user data folder as ingest leaves it (made once; each test works on a copy)."""
    return make_review_data(tmp_path_factory.mktemp("review") / "user")


@pytest.fixture
def user(tmp_path, pristine):
    shutil.copytree(pristine, tmp_path / "user")
    return tmp_path / "user"


@pytest.fixture
def server(user, seed_data, tmp_path):
    from graph.review.app import make_review_server
    from graph.review.workspace import Workspace

    workspace = Workspace(data_dir=seed_data, user_dir=user, text_dirs=(DATA,), build_dir=tmp_path / "build")
    httpd = make_review_server(workspace, quiet=True)
    httpd.RequestHandlerClass.token = TOKEN
    thread = threading.Thread(target=httpd.serve_forever, args=(SHUTDOWN_POLL,), daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()
    thread.join(10)


def call(httpd, path: str, body: dict | None = None, **headers) -> tuple[int, dict | str]:
    """A request to the server as the page makes it; ``headers`` override the page's (None drops one)."""
    port = httpd.server_address[1]
    sent = {"Host": f"127.0.0.1:{port}"}
    if body is not None:
        sent |= {"Origin": f"http://127.0.0.1:{port}", "X-SpaceKG-Token": TOKEN, "Content-Type": "application/json"}
    sent |= {k.replace("_", "-"): v for k, v in headers.items()}
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", method="POST" if body is not None else "GET",
                                     data=json.dumps(body).encode() if body is not None else None,
                                     headers={k: v for k, v in sent.items() if v is not None})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            status, raw = response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        status, raw = exc.code, exc.read().decode()
    try:
        return status, json.loads(raw)
    except ValueError:
        return status, raw


def edit(httpd, action: str, **fields) -> tuple[int, dict | str]:
    """One action on the test proposal, at the version the page has just read."""
    _, state = call(httpd, f"/api/proposal?id={SOURCE_ID}")
    return call(httpd, "/api/edit", {"id": SOURCE_ID, "version": state["version"], "action": action, **fields})


def proposal_path(user):
    return user / "sources" / f"{SOURCE_ID}.proposed.ttl"


UNTOUCHED = ["catalog", "catalog/review-outlet.ttl", "sources", f"sources/{SOURCE_ID}.proposed.ttl"]


def tree(user) -> list[str]:
    """What the user data folder holds (no journal, no temporary file), but the lock file."""
    return sorted(str(p.relative_to(user)) for p in user.rglob("*") if p.name != ".lock")


def without(text: str, *spans: tuple[int, int]) -> str:
    """``text`` without the 1-based, inclusive line ranges ``spans``."""
    lines = text.split("\n")
    for first, last in sorted(spans, reverse=True):
        del lines[first - 1:last]
    return "\n".join(lines)


def test_the_page_lists_the_proposal_and_shows_its_statements_in_words(server, user):
    status, listing = call(server, "/api/proposals")
    assert status == 200
    assert listing == {"proposals": [{"id": SOURCE_ID, "title": "China's far-side relay and the lunar station plan",
                                      "statements": 6, "entities": 2}], "folder": str(user / "sources")}
    status, state = call(server, f"/api/proposal?id={SOURCE_ID}")
    mou = "CNSA-Roscosmos memorandum of understanding on International Lunar Research Station (ILRS)"
    assert [(s["line"], s["words"], s["found"], s["new_entities"]) for s in state["statements"]] == [
        (43, "CNSA operates Queqiao relay satellite · stated", True, ["kg:queqiao-relay-satellite"]),
        (48, "CNSA based in China · stated", True, []),
        (53, "Chang'e 4 landed on far side of the Moon · January 2019 · stated", True, []),
        (59, f"CNSA signed agreement {mou} · March 2021 · stated", True, [MOU]),
        (65, f"Roscosmos signed agreement {mou} · March 2021 · stated", True, [MOU]),
        (71, "CNSA partner of Roscosmos · March 2021 · stated", True, []),
    ]
    assert [(e["line"], e["iri"], e["class"], e["statements"]) for e in state["entities"]] == [
        (31, "kg:queqiao-relay-satellite", "spacecraft", [43]),
        (36, MOU, "agreement", [59, 65]),
    ]
    assert (state["file"], state["catalog_file"]) == (str(proposal_path(user)),
                                                      str(user / "catalog" / f"{SOURCE_ID}.ttl"))
    page = urllib.request.urlopen(f"http://127.0.0.1:{server.server_address[1]}/", timeout=30).read().decode()
    assert f'<meta name="spacekg-token" content="{TOKEN}">' in page


def test_an_edit_rewrites_only_its_paragraph_and_keeps_a_persons_own_lines(server, user):
    path = proposal_path(user)
    text = path.read_text(encoding="utf-8").replace("[] rdf:subject kg:change-4",
                                                    "# checked against the NASA page\n[] rdf:subject kg:change-4")
    path.write_text(text, encoding="utf-8")
    _, state = call(server, f"/api/proposal?id={SOURCE_ID}")
    status, after = call(server, "/api/edit", {"id": SOURCE_ID, "version": state["version"], "action": "edit-statement",
                                               "line": 54, "subject": "kg:change-4", "relation": ":landedOn",
                                               "object": "kg:far-side-of-the-moon", "certainty": "Stated",
                                               "time_kind": "pointInTime", "time": "2019-01-03"})
    assert status == 200, after
    new = path.read_text(encoding="utf-8")
    assert new == text.replace(':pointInTime "2019-01"^^xsd:gYearMonth ;\n    :timeExpression "January 2019"',
                               ':pointInTime "2019-01-03"^^xsd:date ;\n    :timeExpression "January 2019"', 1)
    assert after["version"] != state["version"]


def test_an_edit_into_a_date_relation_writes_a_typed_date(server, user):
    path = proposal_path(user)
    _, state = call(server, f"/api/proposal?id={SOURCE_ID}")
    line = next(st["line"] for st in state["statements"] if st["subject"]["value"] == "kg:change-4")
    status, after = call(server, "/api/edit", {"id": SOURCE_ID, "version": state["version"], "action": "edit-statement",
                                               "line": line, "subject": "kg:change-4", "relation": ":targetDate",
                                               "object": "2019-01", "certainty": "Planned",
                                               "time_kind": "pointInTime", "time": ""})
    assert status == 200, after
    assert ('[] rdf:subject kg:change-4 ; rdf:predicate :targetDate ; rdf:object "2019-01"^^xsd:gYearMonth ;\n'
            '    :certainty :Planned ;') in path.read_text(encoding="utf-8")
    status, refused = call(server, "/api/edit", {"id": SOURCE_ID, "version": after["version"],
                                                 "action": "edit-statement", "line": line, "subject": "kg:change-4",
                                                 "relation": ":targetDate", "object": "2019-02-31",
                                                 "certainty": "Planned", "time_kind": "pointInTime", "time": ""})
    assert status == 422, refused


def test_rejecting_a_new_entity_drops_its_entry_and_the_statements_that_use_it(server, user):
    before = proposal_path(user).read_text(encoding="utf-8")
    status, after = edit(server, "reject-entity", line=36)
    assert status == 200, after
    # the entry, its `introduced by` line and the blank line after; the two statements and theirs
    assert proposal_path(user).read_text(encoding="utf-8") == without(before, (36, 40), (59, 70))
    assert [e["iri"] for e in after["entities"]] == ["kg:queqiao-relay-satellite"]
    assert [s["line"] for s in after["statements"]] == [38, 43, 48, 54]


def test_re_linking_is_the_edit_the_header_says_to_make_by_hand(server, user):
    before = proposal_path(user).read_text(encoding="utf-8")
    status, after = edit(server, "relink-entity", line=36, target="kg:ilrs-mou-2021")
    assert status == 200, after
    # delete the entry, then: sed -i 's/kg:cnsa-roscosmos-...\b/kg:ilrs-mou-2021/g'
    by_hand = re.sub(re.escape(MOU) + r"\b", "kg:ilrs-mou-2021", without(before, (36, 40)))
    assert proposal_path(user).read_text(encoding="utf-8") == by_hand
    assert [s["words"] for s in after["statements"] if "ILRS" in s["words"]] == [
        "CNSA signed agreement ILRS memorandum of understanding · March 2021 · stated",
        "Roscosmos signed agreement ILRS memorandum of understanding · March 2021 · stated",
    ]


def test_without_new_entities_left_the_proposal_is_as_ingest_writes_one_without_them(server, user):
    before = proposal_path(user).read_text(encoding="utf-8")
    assert edit(server, "reject-entity", line=36)[0] == 200
    status, after = edit(server, "reject-entity", line=31)
    assert status == 200 and after["entities"] == []
    # the whole block (markers included) and every statement that used one of its entities
    assert proposal_path(user).read_text(encoding="utf-8") == without(before, (29, 47), (59, 70))
    _, listing = call(server, "/api/proposals")
    assert listing["proposals"][0] | {"title": ""} == {"id": SOURCE_ID, "title": "", "statements": 3, "entities": 0}


@pytest.mark.parametrize(("headers", "words"), [
    ({"X-SpaceKG-Token": None}, "token"),
    ({"X-SpaceKG-Token": "guessed"}, "token"),
    ({"Origin": "http://evil.example"}, "Origin"),
    ({"Origin": None}, "Origin"),
    ({"Host": "evil.example:80"}, "answers only"),
])
def test_writes_only_from_the_page_itself(server, user, headers, words):
    before = proposal_path(user).read_bytes()
    _, state = call(server, f"/api/proposal?id={SOURCE_ID}")
    status, answer = call(server, "/api/edit", {"id": SOURCE_ID, "version": state["version"],
                                                "action": "reject-statement", "line": 48}, **headers)
    assert status == 403 and words in answer
    assert proposal_path(user).read_bytes() == before


def test_a_page_of_another_name_cannot_read_either(server):
    status, answer = call(server, f"/api/proposal?id={SOURCE_ID}", Host="rebound.example:7879")
    assert status == 403 and "answers only" in answer


def test_a_proposal_edited_by_hand_meanwhile_is_never_overwritten(server, user):
    _, state = call(server, f"/api/proposal?id={SOURCE_ID}")
    path = proposal_path(user)
    by_hand = path.read_text(encoding="utf-8").replace(":certainty :Stated", ":certainty :Planned", 1)
    path.write_text(by_hand, encoding="utf-8")
    status, answer = call(server, "/api/edit", {"id": SOURCE_ID, "version": state["version"],
                                                "action": "reject-statement", "line": 48})
    assert status == 409 and "changed on disk" in answer["error"]
    assert path.read_text(encoding="utf-8") == by_hand


@pytest.mark.parametrize(("fields", "status", "words"), [
    ({"action": "reject-statement", "line": 49}, 422, "line 49 of the proposal starts no statement"),
    ({"action": "reject-entity", "line": 43}, 422, "line 43 of the proposal starts no entity"),
    ({"action": "relink-entity", "line": 31, "target": "kg:no-such-thing"}, 422, "not an entity of the catalog"),
    ({"action": "relink-entity", "line": 31, "target": MOU}, 422, "not an entity of the catalog"),
    ({"action": "edit-statement", "line": 53, "subject": "kg:change-4", "relation": ":landedOn",
      "object": "kg:far-side-of-the-moon", "certainty": "Stated", "time": "2019-13"}, 422, "month 13"),
    ({"action": "edit-statement", "line": 53, "subject": "kg:change-4", "relation": ":landedOn",
      "object": "kg:far-side-of-the-moon", "certainty": "Sure"}, 422, "not a certainty"),
    ({"action": "accept-entity", "line": 31}, 422, "unknown action 'accept-entity'"),
    ({"action": "accept-source", "date": "2021-03-12"}, 422, "already has a dcterms:issued date"),
    ({"id": "no-such-proposal", "action": "reject-statement", "line": 48}, 404, "no such proposal"),
])
def test_bad_edits_get_a_clear_error_and_change_nothing(server, user, fields, status, words):
    before = proposal_path(user).read_bytes()
    _, state = call(server, f"/api/proposal?id={SOURCE_ID}")
    got, answer = call(server, "/api/edit", {"id": SOURCE_ID, "version": state["version"], **fields})
    assert got == status and words in answer["error"], answer
    assert proposal_path(user).read_bytes() == before
    assert tree(user) == UNTOUCHED


def test_a_source_that_breaks_the_build_is_refused_and_nothing_changes(server, user, tmp_path):
    # partnerOf between a lander and a place: the SHACL shapes refuse it
    status, after = edit(server, "edit-statement", line=53, subject="kg:change-4", relation=":partnerOf",
                         object="kg:far-side-of-the-moon", certainty="Stated")
    assert status == 200, after
    before = proposal_path(user).read_bytes()
    status, answer = call(server, "/api/edit",
                          {"id": SOURCE_ID, "version": after["version"], "action": "accept-source"})
    assert status == 422 and answer["exit_code"] == 6 and "partnerOf" in answer["error"], answer
    assert f"{proposal_path(user)}:53" in answer["error"]  # the proposal's line, as `spacekg ingest --accept` says
    assert proposal_path(user).read_bytes() == before
    assert tree(user) == UNTOUCHED
    assert not (tmp_path / "build").exists()


def test_accepting_on_the_page_writes_what_ingest_accept_writes(server, user, seed_data, tmp_path):
    """An undated article, dated when accepted: on the page and with `spacekg ingest --accept --date`."""
    from graph.proposals import NO_DATE

    path = proposal_path(user)
    path.write_text(path.read_text(encoding="utf-8").replace('    dcterms:issued "2021-03-12"^^xsd:date ;',
                                                             NO_DATE + " (accept with --date)"), encoding="utf-8")
    by_hand = tmp_path / "by-hand"
    shutil.copytree(user, by_hand)
    _, state = call(server, f"/api/proposal?id={SOURCE_ID}")
    assert state["issued"] == ""
    status, answer = edit(server, "accept-source", date="2021-03-12")
    written = [str(user / "sources" / f"{SOURCE_ID}.ttl"), str(user / "catalog" / f"{SOURCE_ID}.ttl")]
    assert (status, answer) == (200, {"accepted": SOURCE_ID, "paths": written, "build_dir": str(tmp_path / "build")})
    result = CliRunner().invoke(main, ["ingest", "--accept", SOURCE_ID, "--date", "2021-03-12", "--data",
                                       str(seed_data), "--user-data", str(by_hand), "--texts", str(DATA),
                                       "--build-dir", str(tmp_path / "build-by-hand")])
    assert result.exit_code == 0, result.output

    def files(folder):
        return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*.ttl"))}

    assert files(user) == files(by_hand)
    assert sorted(files(user)) == [f"catalog/{SOURCE_ID}.ttl", "catalog/review-outlet.ttl", f"sources/{SOURCE_ID}.ttl"]
    assert '    dcterms:issued "2021-03-12"^^xsd:date ;' in (user / "sources" / f"{SOURCE_ID}.ttl").read_text()
    _, listing = call(server, "/api/proposals")
    assert listing["proposals"] == []


def test_the_command_line_documents_the_review(tmp_path):
    result = CliRunner().invoke(main, ["review", "--help"])
    assert result.exit_code == 0 and "127.0.0.1 only" in result.output
    assert all(option in result.output for option in ("--user-data", "--texts", "--build-dir", "--data"))
    result = CliRunner().invoke(main, ["review", "--data", str(tmp_path / "missing")])
    assert result.exit_code == 2 and "does not exist" in result.output


def test_clearing_a_time_drops_it_with_its_expression_and_keeps_the_rest(server, user):
    status, after = edit(server, "edit-statement", line=71, subject="kg:cnsa", relation=":partnerOf",
                         object="kg:roscosmos", certainty="Planned", time_kind="pointInTime", time="",
                         time_was="pointInTime")
    assert status == 200, after
    assert after["statements"][5]["words"] == "CNSA partner of Roscosmos · planned"
    text = proposal_path(user).read_text(encoding="utf-8")
    assert ("[] rdf:subject kg:cnsa ; rdf:predicate :partnerOf ; rdf:object kg:roscosmos ;\n"
            "    :certainty :Planned ; :eventType cameo:060 ;\n"
            '    :evidence "CNSA and Roscosmos signed') in text


def test_a_port_in_use_is_a_clear_error(server, user, seed_data):
    result = CliRunner().invoke(main, ["review", "--data", str(seed_data), "--user-data", str(user),
                                       "--port", str(server.server_address[1])])
    assert result.exit_code == 9 and "cannot listen on 127.0.0.1" in result.output
    assert "Traceback" not in result.output


def test_without_the_text_the_page_says_which_folder_to_give(user, seed_data, tmp_path):
    from graph.review.workspace import Workspace

    state = Workspace(data_dir=seed_data, user_dir=user, build_dir=tmp_path / "build").state(SOURCE_ID)
    assert state["text"] is None and "--texts FOLDER" in state["text_note"]
    assert [s["found"] for s in state["statements"]] == [False] * 6  # not checked: shown, not marked


def test_a_broken_entity_block_is_a_clear_error_naming_the_line(user):
    from graph.errors import InputSyntaxError
    from graph.review import proposal as doc

    text = proposal_path(user).read_text(encoding="utf-8").replace("# <<< new entities", "# end of entities")
    with pytest.raises(InputSyntaxError, match="lacks its `# <<< new entities` line") as caught:
        doc.parse(SOURCE_ID, text, path="p.ttl")
    assert (str(caught.value.path), caught.value.line) == ("p.ttl", 29)


def test_the_command_serves_the_page_until_stopped(user, tmp_path):
    import selectors
    import subprocess
    import sys

    from tests.conftest import stop_process

    command = [sys.executable, "-m", "graph.cli", "review", "--user-data", str(user), "--texts", str(DATA),
               "--build-dir", str(tmp_path / "build"), "--port", "0", "--quiet"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        selector = selectors.DefaultSelector()
        selector.register(process.stdout, selectors.EVENT_READ)
        line = process.stdout.readline().decode() if selector.select(timeout=60) else ""
        selector.close()
        assert line.startswith("SpaceKG review at http://127.0.0.1:"), line
        assert f"(1 proposal(s) in {user / 'sources'})" in line, line
        url = line.split(" at ", 1)[1].split()[0]
        with urllib.request.urlopen(url + "api/proposals", timeout=30) as response:
            assert [p["id"] for p in json.load(response)["proposals"]] == [SOURCE_ID]
        with urllib.request.urlopen(url, timeout=30) as response:
            page = response.read().decode()
            assert response.headers["Content-Security-Policy"].startswith("default-src 'self'")
        assert '<meta name="spacekg-token" content="' in page and "{{token}}" not in page
    finally:
        stop_process(process)
        process.stdout.close()
        process.stderr.close()
    assert process.returncode == 0


def test_the_review_reads_what_ingest_writes_today(tmp_path, seed_data):
    """Whatever the extraction finds in the article now, the page shows each statement and entity, and
    rejecting every new entity leaves what ingest writes for the article when it proposes none."""
    from graph.extraction import extract
    from graph.ingest import render_proposal
    from graph.linking import Linker
    from graph.review.workspace import Workspace
    from graph.sources import sha256_of
    from graph.text import read_article
    from tests.review_support import ARTICLE, propose_again

    user = tmp_path / "user"
    text = propose_again(user, seed_data).read_text(encoding="utf-8")
    workspace = Workspace(data_dir=seed_data, user_dir=user, text_dirs=(DATA,))
    state = workspace.state(SOURCE_ID)
    assert len(state["statements"]) == text.count("rdf:subject") > 0
    assert len(state["entities"]) == text.count("\n# introduced by:")
    assert all(s["found"] for s in state["statements"])
    while state["entities"]:
        state = workspace.edit(SOURCE_ID, state["version"], "reject-entity", {"line": state["entities"][-1]["line"]})
    article = read_article(ARTICLE)
    statements = extract(article, date="2021-03-12", linker=Linker.for_catalogs(
        (seed_data / "catalog", user / "catalog")))
    without_new = render_proposal(SOURCE_ID, article, list(statements), url=None, title=article.meta["title"],
                                  issued="2021-03-12", publisher="kg:spacekg-test-desk", sha256=sha256_of(ARTICLE))
    assert proposal_path(user).read_text(encoding="utf-8").split("\n", 1)[1] == without_new
