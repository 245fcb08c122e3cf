"""Every curated-data error has its documented exit code, its file and line, and no traceback;
`validate` and `build` agree on each; and what is wrong is refused rather than built.

Each case breaks a private copy of the seed source (or catalog) in one place, then runs both
commands on it: same exit code, same message, the file and line of the break, and the previous
build untouched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.errors import EvidenceError, InputSyntaxError, UnknownEntityError
from tests.conftest import SEED_TEXT, skip_without_seed_text

SEED = "sources/cnet-2021-ilrs.ttl"
# the seed's article (third-party, in shared/): the evidence cases need it beside the source
TEXT = SEED_TEXT.read_text(encoding="utf-8") if SEED_TEXT.is_file() else ""
CREATOR = ('rdf:object kg:amanda-kooser ;\n    :certainty :Stated ; :pointInTime "2021-03"^^xsd:gYearMonth ;\n'
           '    :evidence "Freelance writer Amanda C. Kooser covers gadgets and tech news with a twist for CNET." ;\n'
           '    :evidenceStart 120 .')
CREATOR_LINE = 26  # where the creator claim's paragraph starts in the seed source


def evidence(quote: str, start: int) -> str:
    return CREATOR.split("    :evidence ")[0] + f'    :evidence "{quote}" ;\n    :evidenceStart {start} .'


def replace(old: str, new: str) -> Callable[[Path], None]:
    def change(data: Path) -> None:
        path = data / SEED
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, old
        path.write_text(text.replace(old, new), encoding="utf-8")

    return change


def rewrite(change: Callable[[bytes], bytes]) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        path = data / SEED
        path.write_bytes(change(path.read_bytes()))

    return apply


def duplicate_first_claim(data: Path) -> None:
    path = data / SEED
    text = path.read_text(encoding="utf-8")
    claim = text[text.index("[] rdf:subject src:cnet-2021-ilrs ; rdf:predicate dcterms:creator"):]
    path.write_text(text + "\n" + claim.split("\n\n")[0] + "\n", encoding="utf-8")


def shared_claim_node(data: Path) -> None:
    """Two source files name one claim node: the seed, and a copy of it under another source."""
    replace("[] rdf:subject src:cnet-2021-ilrs ; rdf:predicate dcterms:creator",
            "<https://w3id.org/spacekg/statement/shared> rdf:subject src:cnet-2021-ilrs ; "
            "rdf:predicate dcterms:creator")(data)
    text = (data / SEED).read_text(encoding="utf-8")
    other = text.replace("cnet-2021-ilrs", "cnet-2021-ilrs-copy").replace(
        "2199452e92c760f7213b3100aa690f22a55a4ce40dffd508ab57bbe5c04a5de9", "0" * 64)
    (data / "sources" / "cnet-2021-ilrs-copy.ttl").write_text(other, encoding="utf-8")


RIVAL = ('rdf:subject kg:cnsa ; rdf:predicate :rivalOf ; rdf:object kg:nasa ;\n'
         '    :certainty :Inferred ; :pointInTime "2021-03"^^xsd:gYearMonth')
SEED_LINES = len((Path(__file__).resolve().parents[1] / "graph" / "data" / SEED).read_text(
    encoding="utf-8").splitlines())


def misnamed(data: Path) -> None:
    (data / SEED).rename(data / "sources" / "other.ttl")


def second_article(data: Path) -> None:
    with (data / SEED).open("a", encoding="utf-8") as curated:
        curated.write("\nsrc:another a :SourceArticle .\n")


CROSS = TEXT.find("twist for CNET. When not")
# case: (change, error, message, file relative to the data folder, line)
CASES = {
    "evidenceStart not a number": (replace(":evidenceStart 120 .\n\n[] rdf:subject src:cnet-2021-ilrs ; "
                                           "rdf:predicate dcterms:publisher",
                                           ':evidenceStart "x" .\n\n[] rdf:subject src:cnet-2021-ilrs ; '
                                           "rdf:predicate dcterms:publisher"),
                                   InputSyntaxError, "evidenceStart must be an integer >= 0, not x", SEED, 26),
    "evidenceStart missing": (replace(CREATOR, CREATOR.replace(" ;\n    :evidenceStart 120 .", " .")),
                              InputSyntaxError, "lacks :evidenceStart", SEED, CREATOR_LINE),
    "two rdf:object": (replace("rdf:object kg:amanda-kooser ;", "rdf:object kg:amanda-kooser , kg:cnet ;"),
                       InputSyntaxError, "has 2 values for rdf:object: a claim has one", SEED, CREATOR_LINE),
    "undeclared class": (replace("src:cnet-2021-ilrs a :SourceArticle ;",
                                 "src:cnet-2021-ilrs a :SourceArticle, :NoSuchClass ;"),
                         UnknownEntityError, "not declared in the ontology: :NoSuchClass", SEED, 19),
    "invalid xsd:date": (replace(RIVAL, RIVAL.replace('"2021-03"^^xsd:gYearMonth', '"2021-02-30"^^xsd:date')),
                         InputSyntaxError, "'2021-02-30' is not a valid xsd:date", SEED, 47),
    "UTF-8 byte-order mark": (rewrite(lambda b: b"\xef\xbb\xbf" + b), InputSyntaxError,
                              "starts with a byte-order mark (U+FEFF): save it as UTF-8 without one", SEED, 1),
    "UTF-16": (rewrite(lambda b: b.decode("utf-8").encode("utf-16")), InputSyntaxError,
               "is UTF-16LE, not UTF-8: convert it", SEED, 1),
    "space in an IRI": (replace("rdf:object kg:amanda-kooser ;",
                                "rdf:object <https://w3id.org/spacekg/id/amanda kooser> ;"),
                        InputSyntaxError, "holds ' ', which an IRI cannot hold", SEED, CREATOR_LINE),
    "lone surrogate": (replace(CREATOR, CREATOR.replace(":evidenceStart 120 .",
                                                        ':evidenceStart 120 ; rdfs:comment "\\uD800" .')),
                       InputSyntaxError, "a literal holds a lone surrogate U+D800", SEED, CREATOR_LINE),
    "NUL in a literal": (replace('rdfs:comment "A race for lunar research between the ILRS partners and NASA, '
                                 'implied by the article, not stated."@en ;\n    :evidence "The race to expand '
                                 'research opportunities on the moon is heating up." ;\n    :evidenceStart 450 .\n\n'
                                 "[] rdf:subject kg:roscosmos",
                                 'rdfs:comment "A\\u0000 race for lunar research between the ILRS partners and '
                                 'NASA, implied by the article, not stated."@en ;\n    :evidence "The race to '
                                 'expand research opportunities on the moon is heating up." ;\n    :evidenceStart '
                                 "450 .\n\n[] rdf:subject kg:roscosmos"),
                         InputSyntaxError, "a literal holds the control character U+0000", SEED, 46),
    "duplicate claim": (duplicate_first_claim, InputSyntaxError, "stated twice (also at line 26): remove one",
                        SEED, None),
    "one claim node in two files": (shared_claim_node, InputSyntaxError,
                                    "the claim node stmt:shared is also a claim of", "sources/cnet-2021-ilrs.ttl",
                                    26),
    "source file misnamed": (misnamed, InputSyntaxError, "the file of source src:cnet-2021-ilrs must be named "
                             "cnet-2021-ilrs.ttl", "sources/other.ttl", 19),
    "two source articles in one file": (second_article, InputSyntaxError, "describes exactly one :SourceArticle, "
                                        "this one has 2", SEED, SEED_LINES + 2),
    "evidence cuts a word": (replace(CREATOR, evidence("reelance writer Amanda", 121)), EvidenceError,
                             "cuts a word at offset 121", SEED, CREATOR_LINE),
    "evidence not in the prose": (replace(CREATOR, evidence("Amanda Kooser", TEXT.find("Amanda Kooser"))),
                                  EvidenceError, "is not in the article's prose", SEED, CREATOR_LINE),
    "evidence across two sentences": (replace(CREATOR, evidence("twist for CNET. When not", CROSS)),
                                      EvidenceError, "takes part of one sentence and part of another", SEED,
                                      CREATOR_LINE),
}
# the cases whose error is found by reading the quote in the article: they need the seed's text
NEEDS_TEXT = {case for case, (_, error, *_) in CASES.items() if error is EvidenceError}


@pytest.fixture()
def data(tmp_path: Path, seed_data: Path) -> Path:
    return Path(shutil.copytree(seed_data, tmp_path / "data"))


@pytest.mark.parametrize("case", CASES)
def test_validate_and_build_report_the_same_error_with_file_and_line(case: str, data: Path, tmp_path: Path,
                                                                   built: Path):
    if case in NEEDS_TEXT:
        skip_without_seed_text()
    change, error, message, relative, line = CASES[case]
    change(data)
    previous = Path(shutil.copytree(built, tmp_path / "build", symlinks=True))
    before = os.readlink(previous / "current")
    runner = CliRunner()
    checked = runner.invoke(main, ["validate", "--data", str(data)])
    written = runner.invoke(main, ["build", "--data", str(data), "--build-dir", str(previous)])
    for result in (checked, written):
        assert result.exit_code == error.exit_code, result.output
        assert message in result.output
        assert "Traceback" not in result.output and "internal error" not in result.output
        where = f"error: {data / relative}:{line}: " if line else f"error: {data / relative}:"
        assert result.output.startswith(where), result.output
    assert checked.output == written.output
    assert os.readlink(previous / "current") == before


def test_an_invalid_date_prints_no_rdflib_traceback(data: Path):
    """rdflib logs a traceback for a literal it cannot convert: only the error line must reach the user."""
    CASES["invalid xsd:date"][0](data)
    result = subprocess.run([sys.executable, "-m", "graph.cli", "validate", "--data", str(data)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 3
    assert result.stdout == ""
    assert result.stderr == f"error: {data / SEED}:47: '2021-02-30' is not a valid xsd:date\n"
