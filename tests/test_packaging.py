"""The data files travel with the package: a wheel installed elsewhere builds and queries the graph."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


# The project's PEP 517 build backend (pyproject.toml's build-system), called as `pip wheel --no-build-isolation`
# calls it, without pip's own start (two seconds of it on a busy machine)
BUILD_WHEEL = """
import importlib, pathlib, sys, tomllib
backend = tomllib.loads(pathlib.Path("pyproject.toml").read_text())["build-system"]["build-backend"]
print(importlib.import_module(backend).build_wheel(sys.argv[1]))
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-c", BUILD_WHEEL, str(out)], cwd=ROOT, check=True, capture_output=True)
    (found,) = out.glob("spacekg-*.whl")
    return found


def test_the_wheel_carries_ontology_shapes_queries_catalog_and_sources(wheel: Path):
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "graph/ontology/space.ttl",
        "graph/ontology/shapes.ttl",
        "graph/ontology/cameo.ttl",
        "graph/ontology/queries/evidence.rq",
        "graph/data/catalog/agencies.ttl",
        "graph/data/sources/cnet-2021-ilrs.ttl",
        "graph/review/static/review.html",
        "graph/review/static/review.js",
        "graph/review/static/review.css",
    ):
        assert required in names
    # the articles themselves are third-party texts: the wheel carries none
    assert not [n for n in names if n.startswith("graph/data/sources/") and n.endswith(".txt")]


@pytest.mark.slow
def test_an_installed_wheel_builds_and_queries_from_any_folder(wheel: Path, tmp_path: Path):
    env_dir = tmp_path / "venv"
    venv.create(env_dir)  # without pip of its own: this test run's pip installs into it (--python)
    python = env_dir / "bin" / "python"
    # Nothing of the checkout may leak in: the installed wheel alone must be what runs.
    env = {name: value for name, value in os.environ.items() if name != "PYTHONPATH"}
    # The dependencies are those of this test run (no download); the wheel alone is installed fresh.
    # A path added by a .pth file is not a site folder, so the editable install's own .pth is not applied.
    purelib = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True, env=env).stdout.strip()
    Path(purelib, "spacekg-test-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps",
                    "--force-reinstall", wheel], check=True, env=env)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    spacekg = env_dir / "bin" / "spacekg"
    built = subprocess.run([spacekg, "build"], cwd=elsewhere, capture_output=True, text=True, env=env)
    assert built.returncode == 0, built.stderr
    assert "cnet-2021-ilrs: 28 statements" in built.stdout  # the shipped sources, from the installed wheel
    location = subprocess.run(
        [python, "-c", "import graph.paths as p; print(p.ontology_file())"], cwd=elsewhere, capture_output=True,
        text=True, check=True, env=env,
    ).stdout.strip()
    assert Path(location).is_relative_to(env_dir)
    answer = subprocess.run(
        [spacekg, "query", "--format", "csv", "SELECT ?b WHERE { GRAPH src:cnet-2021-ilrs { kg:cnsa :partnerOf ?b } }"],
        cwd=elsewhere, capture_output=True, text=True, check=True, env=env,
    )
    assert answer.stdout.splitlines() == ["b", "https://w3id.org/spacekg/id/roscosmos"]
