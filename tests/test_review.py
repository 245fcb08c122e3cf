"""`spacekg review` without a browser: the edits as text, the write endpoint's guards, failures.

The server is real (on 127.0.0.1, a free port) and so is the client (urllib); the proposal is the
one `spacekg ingest` writes for the test article (tests/review_support.py).
"""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request

import pytest
from click.testing import CliRunner

from graph.cli import main
from tests.review_support import DATA, SOURCE_ID, make_review_data

TOKEN = "test-token"


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    """The data folder as ingest leaves it (made once; each test works on a copy)."""
    return make_review_data(tmp_path_factory.mktemp("review") / "data")


@pytest.fixture
def data(tmp_path, pristine):
    import shutil

    shutil.copytree(pristine, tmp_path / "data")
    return tmp_path / "data"


@pytest.fixture
def server(data, tmp_path):
    from graph.review.app import make_review_server
    from graph.review.workspace import Workspace

    httpd = make_review_server(Workspace(data_dir=data, text_dirs=(DATA,), build_dir=tmp_path / "build"), quiet=True)
    httpd.RequestHandlerClass.token = TOKEN
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
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


def proposal_path(data):
    return data / "sources" / f"{SOURCE_ID}.proposed.ttl"


def test_the_page_lists_the_proposal_and_shows_its_statements_in_words(server):
    status, listing = call(server, "/api/proposals")
    assert status == 200
    assert listing["proposals"] == [{"id": SOURCE_ID, "title": "China's far-side relay and the lunar station plan",
                                     "statements": 3, "waiting": 3, "entities": 2}]
    status, state = call(server, f"/api/proposal?id={SOURCE_ID}")
    assert [(s["line"], s["words"], s["found"]) for s in state["statements"]] == [
        (23, "CNSA based in China · stated", True),
        (28, "Chang'e 4 landed on far side of the Moon · January 2019 · stated", True),
        (34, "CNSA partner of Roscosmos · March 2021 · stated", True),
        (50, "CNSA operates Queqiao relay satellite · stated", True),
        (55, "CNSA signed agreement CNSA-Roscosmos memorandum of understanding on International Lunar Research "
             "Station (ILRS) · March 2021 · stated", True),
        (61, "Roscosmos signed agreement CNSA-Roscosmos memorandum of understanding on International Lunar Research "
             "Station (ILRS) · March 2021 · stated", True),
    ]
    assert [(e["line"], e["iri"], e["class"], e["statements"]) for e in state["entities"]] == [
        (43, "kg:queqiao-relay-satellite", "spacecraft", [50]),
        (46, "kg:cnsa-roscosmos-memorandum-of-understanding-on-international-lunar-research-station-ilrs",
         "agreement", [55, 61]),
    ]
    page = urllib.request.urlopen(f"http://127.0.0.1:{server.server_address[1]}/", timeout=30).read().decode()
    assert f'<meta name="spacekg-token" content="{TOKEN}">' in page


def test_an_edit_rewrites_only_its_paragraph_and_keeps_a_persons_own_lines(server, data):
    path = proposal_path(data)
    text = path.read_text(encoding="utf-8").replace("[] rdf:subject kg:change-4",
                                                    "# checked against the NASA page\n[] rdf:subject kg:change-4")
    path.write_text(text, encoding="utf-8")
    _, state = call(server, f"/api/proposal?id={SOURCE_ID}")
    status, after = call(server, "/api/edit", {"id": SOURCE_ID, "version": state["version"], "action": "edit-statement",
                                               "line": 29, "subject": "kg:change-4", "relation": ":landedOn",
                                               "object": "kg:far-side-of-the-moon", "certainty": "Stated",
                                               "time_kind": "pointInTime", "time": "2019-01-03"})
    assert status == 200, after
    new = path.read_text(encoding="utf-8")
    assert new == text.replace(':pointInTime "2019-01"^^xsd:gYearMonth ;\n    :timeExpression "January 2019"',
                               ':pointInTime "2019-01-03"^^xsd:date ;\n    :timeExpression "January 2019"', 1)
    assert after["version"] != state["version"]


def test_rejecting_a_new_entity_drops_the_statements_that_use_it(server, data):
    _, state = call(server, f"/api/proposal?id={SOURCE_ID}")
    status, after = call(server, "/api/edit", {"id": SOURCE_ID, "version": state["version"], "action": "reject-entity",
                                               "line": 46})
    assert status == 200, after
    waiting = [s["words"] for s in after["statements"] if s["waiting"]]
    assert waiting == ["CNSA operates Queqiao relay satellite · stated"]
    assert [e["iri"] for e in after["entities"]] == ["kg:queqiao-relay-satellite"]
    assert "memorandum-of-understanding" not in proposal_path(data).read_text(encoding="utf-8")


@pytest.mark.parametrize(("headers", "words"), [
    ({"X-SpaceKG-Token": None}, "token"),
    ({"X-SpaceKG-Token": "guessed"}, "token"),
    ({"Origin": "http://evil.example"}, "Origin"),
    ({"Origin": None}, "Origin"),
    ({"Host": "evil.example:80"}, "answers only"),
])
def test_writes_only_from_the_page_itself(server, data, headers, words):
    before = proposal_path(data).read_bytes()
    _, state = call(server, f"/api/proposal?id={SOURCE_ID}")
    status, answer = call(server, "/api/edit", {"id": SOURCE_ID, "version": state["version"],
                                                "action": "reject-statement", "line": 23}, **headers)
    assert status == 403 and words in answer
    assert proposal_path(data).read_bytes() == before


def test_a_page_of_another_name_cannot_read_either(server):
    status, answer = call(server, f"/api/proposal?id={SOURCE_ID}", Host="rebound.example:7879")
    assert status == 403 and "answers only" in answer


def test_a_proposal_edited_by_hand_meanwhile_is_never_overwritten(server, data):
    _, state = call(server, f"/api/proposal?id={SOURCE_ID}")
    path = proposal_path(data)
    by_hand = path.read_text(encoding="utf-8").replace(":certainty :Stated", ":certainty :Planned", 1)
    path.write_text(by_hand, encoding="utf-8")
    status, answer = call(server, "/api/edit", {"id": SOURCE_ID, "version": state["version"],
                                                "action": "reject-statement", "line": 23})
    assert status == 409 and "changed on disk" in answer["error"]
    assert path.read_text(encoding="utf-8") == by_hand


@pytest.mark.parametrize(("fields", "status", "words"), [
    ({"action": "reject-statement", "line": 24}, 422, "line 24 of the proposal starts no statement"),
    ({"action": "relink-entity", "line": 43, "target": "kg:no-such-thing"}, 422, "not an entity of the catalog"),
    ({"action": "edit-statement", "line": 28, "subject": "kg:change-4", "relation": ":landedOn",
      "object": "kg:far-side-of-the-moon", "certainty": "Stated", "time": "2019-13"}, 422, "month 13"),
    ({"action": "edit-statement", "line": 28, "subject": "kg:change-4", "relation": ":landedOn",
      "object": "kg:far-side-of-the-moon", "certainty": "Sure"}, 422, "not a certainty"),
    ({"action": "dance"}, 422, "unknown action"),
    ({"id": "no-such-proposal", "action": "reject-statement", "line": 23}, 404, "no such proposal"),
])
def test_bad_edits_get_a_clear_error_and_change_nothing(server, data, fields, status, words):
    before = proposal_path(data).read_bytes()
    _, state = call(server, f"/api/proposal?id={SOURCE_ID}")
    got, answer = call(server, "/api/edit", {"id": SOURCE_ID, "version": state["version"], **fields})
    assert got == status and words in answer["error"], answer
    assert proposal_path(data).read_bytes() == before


def test_a_source_that_breaks_the_build_is_refused_and_nothing_changes(server, data, tmp_path):
    _, state = call(server, f"/api/proposal?id={SOURCE_ID}")
    # partnerOf between a lander and a place: the SHACL shapes refuse it
    status, after = call(server, "/api/edit", {"id": SOURCE_ID, "version": state["version"], "action": "edit-statement",
                                               "line": 28, "subject": "kg:change-4", "relation": ":partnerOf",
                                               "object": "kg:far-side-of-the-moon", "certainty": "Stated"})
    assert status == 200, after
    before = proposal_path(data).read_bytes()
    status, answer = call(server, "/api/edit",
                          {"id": SOURCE_ID, "version": after["version"], "action": "accept-source"})
    assert status == 422 and answer["exit_code"] == 6 and "partnerOf" in answer["error"]
    assert proposal_path(data).read_bytes() == before
    assert not (data / "sources" / f"{SOURCE_ID}.ttl").exists() and not (tmp_path / "build").exists()


def test_the_command_line_documents_the_review(tmp_path):
    result = CliRunner().invoke(main, ["review", "--help"])
    assert result.exit_code == 0 and "127.0.0.1 only" in result.output
    result = CliRunner().invoke(main, ["review", "--data", str(tmp_path / "missing")])
    assert result.exit_code == 2 and "does not exist" in result.output


def test_clearing_a_time_drops_it_with_its_expression_and_keeps_the_rest(server, data):
    _, state = call(server, f"/api/proposal?id={SOURCE_ID}")
    status, after = call(server, "/api/edit", {"id": SOURCE_ID, "version": state["version"], "action": "edit-statement",
                                               "line": 34, "subject": "kg:cnsa", "relation": ":partnerOf",
                                               "object": "kg:roscosmos", "certainty": "Planned",
                                               "time_kind": "pointInTime", "time": "", "time_was": "pointInTime"})
    assert status == 200, after
    assert after["statements"][2]["words"] == "CNSA partner of Roscosmos · planned"
    text = proposal_path(data).read_text(encoding="utf-8")
    assert ("[] rdf:subject kg:cnsa ; rdf:predicate :partnerOf ; rdf:object kg:roscosmos ;\n"
            "    :certainty :Planned ; :eventType cameo:060 ;\n"
            '    :evidence "CNSA and Roscosmos signed') in text


def test_a_port_in_use_is_a_clear_error(server, data):
    result = CliRunner().invoke(main, ["review", "--data", str(data), "--port", str(server.server_address[1])])
    assert result.exit_code == 9 and "cannot listen on 127.0.0.1" in result.output
    assert "Traceback" not in result.output


def test_without_the_text_the_page_says_which_folder_to_give(data, tmp_path):
    from graph.review.workspace import Workspace

    state = Workspace(data_dir=data, build_dir=tmp_path / "build").state(SOURCE_ID)
    assert state["text"] is None and "--texts FOLDER" in state["text_note"]
    assert [s["found"] for s in state["statements"]] == [False] * 6  # not checked: shown, not marked


def test_a_statement_stays_commented_while_an_entity_of_it_is_not_in_the_catalog(pristine):
    from graph.review import proposal as doc

    text = proposal_path(pristine).read_text(encoding="utf-8")
    # a person deleted the Queqiao entity's comment without adding it to the catalog
    lines = text.split("\n")
    del lines[42:45]
    parsed = doc.parse(SOURCE_ID, "\n".join(lines))
    assert [b.kind for b in parsed.blocks] == ["statement"] * 3 + ["entity"] + ["waiting"] * 3
    catalog = frozenset({"https://w3id.org/spacekg/id/" + x for x in ("cnsa", "roscosmos", "china", "change-4",
                                                                     "far-side-of-the-moon")})
    edited = doc.apply(parsed, doc.Change(remove={parsed.blocks[0].start}, known=catalog))
    assert "# [] rdf:subject kg:cnsa ; rdf:predicate :operates ; rdf:object kg:queqiao-relay-satellite ;" in edited
    assert [b.kind for b in doc.parse(SOURCE_ID, edited).blocks] == ["statement"] * 2 + ["entity"] + ["waiting"] * 3


def test_the_command_serves_the_page_until_stopped(data, tmp_path):
    import selectors
    import subprocess
    import sys

    from tests.conftest import stop_process

    command = [sys.executable, "-m", "graph.cli", "review", "--data", str(data), "--texts", str(DATA),
               "--build-dir", str(tmp_path / "build"), "--port", "0", "--quiet"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        selector = selectors.DefaultSelector()
        selector.register(process.stdout, selectors.EVENT_READ)
        line = process.stdout.readline().decode() if selector.select(timeout=60) else ""
        selector.close()
        assert line.startswith("SpaceKG review at http://127.0.0.1:") and "1 proposal(s)" in line, line
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


def test_the_review_reads_what_ingest_writes_today(tmp_path):
    """Whatever the extraction finds in the article now, the page shows each statement and entity."""
    from graph.review.workspace import Workspace
    from tests.review_support import propose_again

    data = tmp_path / "data"
    text = propose_again(data).read_text(encoding="utf-8")
    state = Workspace(data_dir=data, text_dirs=(DATA,)).state(SOURCE_ID)
    assert len(state["statements"]) == text.count("rdf:subject") > 0
    assert len(state["entities"]) == text.count("#     introduced by:")
    assert all(s["found"] for s in state["statements"])
