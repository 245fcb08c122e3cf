"""`spacekg build` and `spacekg validate`: outputs, summary, and every error case.

Each error case checks the message (what and where), the documented exit code, that no traceback
is printed, and that the previous build is left exactly as it was.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, URIRef
from rdflib.compare import isomorphic

from graph.cli import main
from graph.errors import EvidenceError, InputSyntaxError, UnknownEntityError, ValidationError
from graph.store import format_for, serialize
from tests.conftest import SEED_TEXT, seed_evidence, skip_without_seed_text

SEED_TTL = "sources/cnet-2021-ilrs.ttl"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture()
def data(tmp_path: Path, seed_data: Path) -> Path:
    """A private copy of curated data (the whole catalog and the seed source), to break in a test.

    Every error case below breaks the catalog or the seed source; the other sources would only
    make each build slower.
    """
    folder = tmp_path / "data"
    shutil.copytree(seed_data, folder)
    return folder


@pytest.fixture()
def previous(tmp_path: Path, built: Path) -> Path:
    """A build folder with a good build in it (a copy of the session's seed build)."""
    return Path(shutil.copytree(built, tmp_path / "build", symlinks=True))


def fingerprint(build_dir: Path) -> tuple[str, str, list[str]]:
    trig = hashlib.sha256((build_dir / "spacekg.trig").read_bytes()).hexdigest()
    return trig, os.readlink(build_dir / "current"), sorted(p.name for p in (build_dir / "builds").iterdir())


def replace_in(path: Path, old: str, new: str) -> int:
    """Replace ``old`` (which must occur once) and return the 1-based line where it was."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def test_build_writes_trig_and_store_and_prints_a_summary(previous: Path, seed_data: Path):
    assert (previous / "spacekg.trig").stat().st_size > 0
    assert os.readlink(previous / "oxigraph") == "current/oxigraph"
    # The seed alone, so the summary's counts are the seed's hand-counted ones.
    result = run("build", "--data", str(seed_data), "--build-dir", str(previous))
    assert result.exit_code == 0
    assert "statements" in result.output.lower()
    assert f"cnet-2021-ilrs: 28 statements, evidence {seed_evidence()}" in result.output
    assert "19 stated, 6 planned, 1 speculative, 2 inferred" in result.output


def test_rebuilding_replaces_the_store_and_removes_the_old_one(previous: Path, seed_data: Path):
    old_target = os.readlink(previous / "current")
    assert run("build", "--data", str(seed_data), "--build-dir", str(previous)).exit_code == 0
    new_target = os.readlink(previous / "current")
    assert new_target != old_target and new_target.startswith("builds/")
    assert not (previous / old_target).exists()
    assert [p.name for p in (previous / "builds").iterdir()] == [new_target.removeprefix("builds/")]
    assert (previous / "oxigraph").resolve() == (previous / new_target / "oxigraph").resolve()


def test_build_output_is_written_in_the_format_of_its_extension(tmp_path: Path, seed_build, seed_data: Path):
    out = tmp_path / "graph.nq"
    result = run("build", "--data", str(seed_data), "--build-dir", str(tmp_path / "b"), "--output", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == serialize(seed_build.dataset, "nquads")


@pytest.mark.parametrize("suffix", [".trig", ".nq", ".ttl", ".nt"])
def test_output_format_follows_the_extension(tmp_path: Path, seed_build, suffix: str):
    """Each extension's format holds the graph (written as ``build --output`` writes it, see above)."""
    out = tmp_path / f"graph{suffix}"
    out.write_bytes(serialize(seed_build.dataset, format_for(out)))
    fmt = {".trig": "trig", ".nq": "nquads", ".ttl": "turtle", ".nt": "nt"}[suffix]
    if suffix in (".trig", ".nq"):
        ds = Dataset()
        ds.parse(out, format=fmt)
        for named in seed_build.dataset.graphs():
            if len(named):
                assert isomorphic(ds.graph(URIRef(named.identifier)), named), named.identifier
    else:
        from rdflib import Graph

        assert isomorphic(Graph().parse(out, format=fmt), seed_build.union())


def test_unknown_output_extension_is_refused_and_writes_nothing(tmp_path: Path, previous: Path, seed_data: Path):
    before = fingerprint(previous)
    output = tmp_path / "graph.xyz"
    result = run("build", "--data", str(seed_data), "--build-dir", str(previous), "--output", str(output))
    assert result.exit_code == 9
    assert "unknown RDF format for extension '.xyz'" in result.output
    assert fingerprint(previous) == before


def test_unwritable_output_is_an_io_error(tmp_path: Path, previous: Path, seed_data: Path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    output = blocker / "graph.trig"
    result = run("build", "--data", str(seed_data), "--build-dir", str(previous), "--output", str(output))
    assert result.exit_code == 9
    assert "Traceback" not in result.output


def test_validate_checks_without_writing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)  # where a build would go by default (./build)
    monkeypatch.delenv("SPACEKG_BUILD_DIR", raising=False)
    result = run("validate")  # the project's own data, every source
    assert result.exit_code == 0
    assert result.output.startswith("valid: ")
    assert list(tmp_path.iterdir()) == []


ERRORS = {
    "malformed Turtle": (
        SEED_TTL, ":certainty :Speculative ;", ":certainty :Speculative ;;; ]]", InputSyntaxError,
        "Turtle syntax error",
    ),
    "evidence not at its offsets": (
        SEED_TTL, "or ILRS.\" ;\n    :evidenceStart 519 .\n\n[] rdf:subject kg:cnsa ; rdf:predicate :plansMission",
        "or ILRS.\" ;\n    :evidenceStart 520 .\n\n[] rdf:subject kg:cnsa ; rdf:predicate :plansMission", EvidenceError,
        "is not at offsets 520-631 of the source text; it is at offset 519",
    ),
    "evidence not in the source": (
        SEED_TTL, '"facilitate extensive cooperation in the ILRS, open to all',
        '"facilitate broad cooperation in the ILRS, open to all', EvidenceError, "it is nowhere in the text",
    ),
    "unknown entity": (
        SEED_TTL, "rdf:subject kg:change-5 ; rdf:predicate :returnedSamples",
        "rdf:subject kg:change-6 ; rdf:predicate :returnedSamples", UnknownEntityError,
        "unknown entity (subject) kg:change-6 (did you mean kg:change-8, kg:change-7, kg:change-5?)",
    ),
    "unknown relation": (
        SEED_TTL, "rdf:predicate :landedOn", "rdf:predicate :landedAt", UnknownEntityError,
        "unknown property :landedAt (did you mean :landedOn",
    ),
    "shape violation": (
        "catalog/countries.ttl", ':isoCode "RU"', ':isoCode "Russia"', ValidationError,
        "exactly one ISO 3166-1 alpha-2 code",
    ),
}


def statement_line(path: Path, subject: str, predicate: str) -> int:
    text = path.read_text(encoding="utf-8")
    return text[: text.index(f"[] rdf:subject {subject} ; rdf:predicate {predicate} ")].count("\n") + 1


@pytest.mark.parametrize("case", ERRORS)
def test_bad_input_is_reported_and_the_previous_build_survives(case: str, data: Path, previous: Path):
    if case.startswith("evidence not"):
        skip_without_seed_text()
    relative, old, new, error, message = ERRORS[case]
    line = replace_in(data / relative, old, new)
    before = fingerprint(previous)
    result = run("build", "--data", str(data), "--build-dir", str(previous))
    assert result.exit_code == error.exit_code, result.output
    assert message in result.output
    assert "Traceback" not in result.output
    assert result.output.startswith("error: ")
    if error is EvidenceError:  # points at the first line of the statement's paragraph
        subject, predicate = ("kg:ilrs", ":openTo") if "nowhere" in message else ("kg:cnsa", ":partnerOf")
        assert f"{data / relative}:{statement_line(data / relative, subject, predicate)}" in result.output
    elif error is not ValidationError:
        assert f"{data / relative}:{line}" in result.output
    else:
        assert f"{data / relative}:" in result.output  # the violating entity's file and line
    assert fingerprint(previous) == before


@pytest.mark.needs_shared(SEED_TEXT)  # the seed's article, copied beside its source
def test_a_changed_source_text_fails_its_hash_check(data: Path, previous: Path):
    text = data / "sources" / "cnet-2021-ilrs.txt"
    text.write_bytes(text.read_bytes().replace(b"heating up", b"cooling off"))
    before = fingerprint(previous)
    result = run("build", "--data", str(data), "--build-dir", str(previous))
    assert result.exit_code == EvidenceError.exit_code
    assert "has SHA-256" in result.output and "records" in result.output
    assert fingerprint(previous) == before


@pytest.mark.needs_shared(SEED_TEXT)  # the seed's article, copied beside its source
def test_a_source_whose_text_is_not_at_hand_builds_but_says_so(data: Path, tmp_path: Path):
    (data / "sources" / "cnet-2021-ilrs.txt").unlink()
    result = run("build", "--data", str(data), "--build-dir", str(tmp_path / "b"))
    assert result.exit_code == 0, result.output
    assert "cnet-2021-ilrs: 28 statements, evidence not checked (text not at hand)" in result.output


@pytest.mark.needs_shared(SEED_TEXT)  # the seed's article, copied beside its source
def test_texts_folder_supplies_a_missing_text_by_its_hash(data: Path, tmp_path: Path):
    texts = tmp_path / "texts"
    texts.mkdir()
    shutil.move(data / "sources" / "cnet-2021-ilrs.txt", texts / "whatever-name.txt")
    result = run("build", "--data", str(data), "--texts", str(texts), "--build-dir", str(tmp_path / "b"))
    assert result.exit_code == 0, result.output
    assert "evidence checked" in result.output


def test_query_without_a_build_says_how_to_get_one(tmp_path: Path):
    result = run("query", "--build-dir", str(tmp_path / "nothing"), "SELECT * { ?s ?p ?o }")
    assert result.exit_code == 8
    assert "run `spacekg build` first" in result.output


def test_malformed_query_is_a_query_error(built: Path):
    result = run("query", "--build-dir", str(built), "SELECT ?x WHERE { ?x ")
    assert result.exit_code == 7
    assert "the query ends too early" in result.output
    assert "Traceback" not in result.output


@pytest.mark.slow  # two whole-process builds (of the catalog and the seed source)
def test_the_build_is_byte_for_byte_reproducible_across_processes(tmp_path: Path, seed_data: Path):
    """Python randomises string hashing per process; the TriG (and so the build hash) must not change."""
    import subprocess
    import sys

    builds = {}
    for seed in ("1", "2"):  # the two builds run side by side
        out = tmp_path / f"b{seed}"
        builds[out] = subprocess.Popen([sys.executable, "-m", "graph.cli", "build", "--data", str(seed_data),
                                        "--build-dir", str(out)],
                                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                       env={**os.environ, "PYTHONHASHSEED": seed})
    digests = set()
    for out, process in builds.items():
        output, _ = process.communicate(timeout=300)
        assert process.returncode == 0, output.decode(errors="replace")
        digests.add(hashlib.sha256((out / "spacekg.trig").read_bytes()).hexdigest())
    assert len(digests) == 1


def test_a_shared_turtle_text_is_parsed_once_wherever_its_file_is(tmp_path: Path):
    from graph.build import load_turtle

    text = '@prefix ex: <http://example.org/> .\nex:a ex:b "c" .\n'
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "v.ttl").write_text(text, encoding="utf-8")
    first, _ = load_turtle(tmp_path / "one" / "v.ttl", shared=True)
    assert load_turtle(tmp_path / "two" / "v.ttl", shared=True)[0] is first  # no IRI depends on the file
    assert load_turtle(tmp_path / "one" / "v.ttl")[0] is not first  # not shared: a graph of its own
    (tmp_path / "one" / "v.ttl").write_text(text.replace('"c"', '"d"'), encoding="utf-8")
    changed, _ = load_turtle(tmp_path / "one" / "v.ttl", shared=True)
    assert {str(o) for o in changed.objects()} == {"d"}  # a changed file is read again


def test_a_shared_turtle_text_with_relative_iris_is_parsed_again_in_another_folder(tmp_path: Path):
    from graph.build import load_turtle

    subjects = set()
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "v.ttl").write_text('<thing> <http://example.org/b> "c" .\n', encoding="utf-8")
        g, _ = load_turtle(tmp_path / folder / "v.ttl", shared=True)
        subjects |= set(g.subjects())
    assert subjects == {URIRef((tmp_path / folder / "thing").as_uri()) for folder in ("one", "two")}


def test_a_build_leaves_the_shared_vocabularies_as_parsed(tmp_path: Path, seed_data: Path,
                                                         monkeypatch: pytest.MonkeyPatch):
    from rdflib import Graph

    from graph import paths
    from graph.build import assemble, load_turtle

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # no graph conformed before: SHACL runs
    assemble(catalog_dir=seed_data / "catalog", sources_dir=seed_data / "sources")
    for path in (paths.ontology_file(), paths.cameo_file(), *sorted(
            (seed_data / "catalog").glob("*.ttl"))):
        shared, _ = load_turtle(path, shared=True)
        assert isomorphic(shared, Graph().parse(path, format="turtle")), path
