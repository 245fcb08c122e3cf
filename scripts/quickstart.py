#!/usr/bin/env python3
"""Set up SpaceKG in ./.venv and run its main job, or its tests. Needs only Python 3.11+.

    python3 scripts/quickstart.py          # set up, build the graph, answer example questions, draw maps
    python3 scripts/quickstart.py test     # set up, lint, and run the test suite (on every core, with pytest-xdist)

The virtual environment is created once and refreshed whenever pyproject.toml changes.
Extra arguments after `test` go to pytest (e.g. `test -k shapes`).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".spacekg-installed"
# Third-party article texts beside the repository, when present: the build checks quotes against them.
TEXTS = [ROOT.parent / "shared" / name for name in ("seed", "corpus", "devset")]

# The questions of the README, each a named query of ontology/queries/ with its parameters.
QUESTIONS = [
    ("Who signed the ILRS memorandum, and when?", "agreement-signatories", []),
    ("Which mission landed on the far side of the Moon, and when?", "landed-on", ["place", "far-side-of-the-moon"]),
    ("What does NASA plan?", "plans-of", ["actor", "nasa"]),
    (
        'What is the evidence that "CNSA is a partner of Roscosmos", and where is it from?',
        "evidence",
        ["subject", "cnsa", "predicate", ":partnerOf", "object", "roscosmos"],
    ),
    ("Which statements are only speculative or inferred?", "uncertain-statements", []),
]


def setup() -> None:
    """Create .venv and install the project (editable, with test tools) if pyproject.toml changed."""
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted:
        return
    if sys.version_info < (3, 11):  # noqa: UP036 - this script may be started by an older python3
        sys.exit(f"SpaceKG needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    if not (BIN / "python").exists():
        print(f"creating {VENV.relative_to(ROOT)}/ ...", flush=True)
        venv.create(VENV, with_pip=True)
    print("installing SpaceKG and its dependencies ...", flush=True)
    run(BIN / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-e", f"{ROOT}[test]")
    STAMP.write_text(wanted)


def run(*command: object, env: dict[str, str] | None = None) -> None:
    result = subprocess.run([str(c) for c in command], cwd=ROOT, env=env)
    if result.returncode != 0:
        sys.exit(result.returncode)


def spacekg(*args: str) -> None:
    run(BIN / "spacekg", *args)


def demo() -> None:
    texts = [arg for folder in TEXTS if folder.is_dir() for arg in ("--texts", str(folder))]
    print("\n== spacekg build", flush=True)
    spacekg("build", *texts)
    for question, name, params in QUESTIONS:
        pairs = [item for k, v in zip(params[::2], params[1::2], strict=True) for item in ("-p", k, v)]
        print(f"\n== {question}\n   spacekg query --name {name} {' '.join(pairs)}".rstrip(), flush=True)
        spacekg("query", "--name", name, *pairs)
    maps = ROOT / "scripts" / "render_maps.py"
    if maps.exists():
        print("\n== maps", flush=True)
        run(BIN / "python", maps)


# Debian packages the tests use: the headless browser and its driver for tests/test_review_browser.py,
# and for the remote-store tests (tests/test_stores_agree*.py) the Virtuoso server and Jena ARQ with a
# Java compiler (tests/jena_support.py).
TEST_DEBIAN_PACKAGES = {"chromium": "/usr/bin/chromium", "chromium-driver": "/usr/bin/chromedriver",
                        "virtuoso-opensource": "/usr/bin/virtuoso-t",
                        "libapache-jena-java": "/usr/share/java/jena-arq.jar", "default-jdk-headless": "/usr/bin/javac"}


def install_test_packages() -> None:
    """Install the Debian packages of the browser, Virtuoso and Jena tests with apt-get when they are missing.

    Only as root on a Debian-like system (CI runs as root); elsewhere say what to install: without
    them those tests are skipped, naming what is missing.
    """
    missing = [name for name, path in TEST_DEBIAN_PACKAGES.items() if not Path(path).exists()]
    if not missing:
        return
    apt = Path("/usr/bin/apt-get")
    if not apt.exists() or not hasattr(os, "geteuid") or os.geteuid() != 0:
        print(f"note: the browser, Virtuoso and Jena tests need the Debian packages {' '.join(missing)} "
              f"(sudo apt-get install {' '.join(missing)}); they are skipped without them", flush=True)
        return
    print(f"installing the Debian packages {' '.join(missing)} for the browser, Virtuoso and Jena tests ...",
          flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update", "-qq"],
                    ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing]):
        if subprocess.run(command, env=env, stdin=subprocess.DEVNULL).returncode != 0:
            print(f"note: `{' '.join(command)}` failed: the tests that need {' '.join(missing)} will be skipped",
                  flush=True)
            return


def parallel(pytest_args: list[str]) -> list[str]:
    """pytest-xdist's options for the suite: one worker more than the usable cores (at most 4), none on one core.

    ``--dist loadfile`` hands each test file to one worker whole, so a file's servers (Oxigraph,
    Virtuoso, Jena) and other module fixtures start once; each worker builds its own session fixtures in
    its own temporary folder. The extra worker keeps the cores busy while other workers wait on a
    server, a socket timeout or a killed process; the files are handed out longest first
    (tests/scheduling.py). Options of the caller's own (``-n 0``, ``-p no:xdist``, ``--dist``) win.
    """
    if any(arg.startswith(("-n", "--numprocesses", "--dist")) or arg.endswith("no:xdist") for arg in pytest_args):
        return []
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return ["-n", str(min(cores + 1, 4)), "--dist", "loadfile"] if cores > 1 else []


def test(pytest_args: list[str]) -> None:
    install_test_packages()
    run(BIN / "ruff", "check", "graph", "tests", "scripts")
    run(BIN / "python", "-m", "pytest", *parallel(pytest_args), *pytest_args, env=caching_bytecode())


def caching_bytecode() -> dict[str, str]:
    """This environment, with Python let to cache compiled modules (``__pycache__``, ignored by git).

    Some environments (container images) set PYTHONDONTWRITEBYTECODE; in the test suite every
    pytest worker would then compile the project and rewrite every test file's asserts again, and
    each ``spacekg`` process the tests start would compile what it imports: in a fresh clone, the
    three workers' start alone took 14.1 s of CPU instead of 8.4 s.
    """
    return {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def main() -> None:
    command, rest = (sys.argv[1], sys.argv[2:]) if len(sys.argv) > 1 else ("demo", [])
    if command not in ("demo", "test"):
        sys.exit(__doc__)
    setup()
    if command == "demo":
        demo()
    else:
        test(rest)


if __name__ == "__main__":
    main()
