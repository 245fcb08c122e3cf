"""A real Apache Jena ARQ 4.5 endpoint for the store comparisons (tests/test_stores_agree_jena.py).

Fuseki, Jena's SPARQL server, is not packaged by Debian, and its Maven artifacts cannot be fetched
here; Debian's ``libapache-jena-java`` 4.5.0 is: Jena ARQ (Fuseki's query engine) and TDB2 (its
store). ``tests/jena/SparqlEndpoint.java``, compiled with ``javac`` against those jars (once
per machine, see below), loads a build's TriG into an in-memory TDB2 dataset whose default graph is the union
of its named graphs (Fuseki's ``tdb2:unionDefaultGraph true``) and answers the SPARQL 1.1 Protocol
on a loopback port. It is no Fuseki (its HTTP side is the JDK's own server, read-only), but every
answer is computed by Jena's engine over Jena's store.

Debian's ``jena-core.jar`` 4.5.0-2 holds its relocated Xerces classes in the package ``xerces``
but their message bundles under ``org/apache/jena/ext/xerces/``, so Jena cannot initialise its XSD
datatypes ("RuntimeException: internal error" in ``xerces.impl.dv.xs.XSSimpleTypeDecl``);
:func:`compile_endpoint` adds a folder holding those bundles where the classes look for them.

``javac`` runs once per machine: the classes and bundles are kept in ``$XDG_CACHE_HOME/spacekg/jena-endpoint``
(else ``~/.cache/spacekg/jena-endpoint``) under the SHA-256 of the source, the JDK's ``release`` file and
the jars' names, sizes and times, so that a changed source, JDK or Jena compiles afresh. The endpoint's JVM
runs with the client compiler only and the serial collector: for a few hundred small queries that halves
its CPU time (the C2 compiler and the parallel collector pay off only on long runs).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from tests.conftest import answers

JAVA_DIR = Path("/usr/share/java")
SOURCE = Path(__file__).resolve().parent / "jena" / "SparqlEndpoint.java"
# libapache-jena-java's jars and the jars of the Debian packages it depends on that Jena ARQ, RIOT
# and TDB2 load (one SLF4J binding only: slf4j-nop, so that the endpoint logs nothing)
JARS = [f"jena-{name}.jar" for name in (
    "arq", "base", "core", "dboe-base", "dboe-index", "dboe-storage", "dboe-trans-data", "dboe-transaction",
    "iri", "rdfconnection", "tdb2")] + [f"{name}.jar" for name in (
    "commons-cli", "commons-codec", "commons-compress", "commons-csv", "commons-io", "commons-lang3",
    "dexx.collection", "gson", "guava", "httpclient", "httpcore", "jackson-annotations", "jackson-core",
    "jackson-databind", "jakarta.json-api", "jsonld-java", "slf4j-api", "slf4j-nop", "thrift", "protobuf",
    "titanium-json-ld")]
XERCES_BUNDLES = "org/apache/jena/ext/xerces/"
# A short-lived JVM: the client (C1) compiler only, the serial collector (for javac and the endpoint)
JVM_FLAGS = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]


def jena_missing() -> str | None:
    """Why the Jena endpoint cannot run here, or None."""
    tools = [name for name in ("java", "javac") if shutil.which(name) is None]
    jars = [name for name in JARS if not (JAVA_DIR / name).is_file()]
    if not tools and not jars:
        return None
    what = ", ".join([*tools, *(str(JAVA_DIR / jar) for jar in jars[:3])] + (["..."] if len(jars) > 3 else []))
    return (f"Jena ARQ is not installed ({what} not found): apt-get install libapache-jena-java "
            "default-jdk-headless (scripts/quickstart.py test does it when run as root)")


def cache_root() -> Path:
    """``$XDG_CACHE_HOME/spacekg/jena-endpoint``, else ``~/.cache/spacekg/jena-endpoint``."""
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".cache"
    return base / "spacekg" / "jena-endpoint"


def compile_key() -> str:
    """The SHA-256 of what the compiled classes depend on: the source, the JDK and the jars."""
    javac = Path(shutil.which("javac")).resolve()
    release = javac.parent.parent / "release"  # JAVA_VERSION and the rest of the JDK's identity
    digest = hashlib.sha256(SOURCE.read_bytes())
    digest.update(release.read_bytes() if release.is_file() else str(javac).encode())
    for jar in JARS:
        info = (JAVA_DIR / jar).stat()
        digest.update(f"{jar} {info.st_size} {info.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def compile_into(folder: Path) -> None:
    """Compile the endpoint into ``folder/classes``, and extract Xerces' message bundles into ``folder/bundles``.

    Raises RuntimeError (with javac's messages) if it does not compile.
    """
    bundles = folder / "bundles"
    with zipfile.ZipFile(JAVA_DIR / "jena-core.jar") as jar:
        for name in jar.namelist():
            if name.startswith(XERCES_BUNDLES) and name.endswith(".properties"):
                target = bundles / "xerces" / name[len(XERCES_BUNDLES):]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(jar.read(name))
    jars = ":".join(str(JAVA_DIR / jar) for jar in JARS)
    compiled = subprocess.run([shutil.which("javac"), *(f"-J{flag}" for flag in JVM_FLAGS), "-d",
                               str(folder / "classes"), "-cp", jars, str(SOURCE)],
                              capture_output=True, text=True, timeout=300)
    if compiled.returncode != 0:
        raise RuntimeError(f"javac could not compile {SOURCE.name}: {compiled.stderr[-2000:]}")


def compile_endpoint(scratch: Path) -> Path:
    """The folder holding the compiled endpoint (``classes``) and the bundles: the cached one, compiled
    there first if need be (into a temporary folder renamed into place, so that two suites compiling at
    once never see half a folder); ``scratch`` if the cache cannot be written."""
    cached = cache_root() / compile_key()
    if (cached / "classes" / "SparqlEndpoint.class").is_file():
        return cached
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=".tmp-", dir=cached.parent))
    except OSError:
        compile_into(scratch)
        return scratch
    try:
        compile_into(work)
        os.rename(work, cached)
    except OSError:  # another suite put it in place meanwhile
        pass
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return cached if (cached / "classes" / "SparqlEndpoint.class").is_file() else scratch


def classpath(compiled: Path) -> str:
    """The endpoint's classes, Xerces' bundles where its classes look for them, and the jars."""
    return ":".join([str(compiled / "classes"), str(compiled / "bundles"), *(str(JAVA_DIR / jar) for jar in JARS)])


def start_jena(folder: Path, data: Path, port: int) -> tuple[subprocess.Popen, str]:
    """Start the endpoint (compiled once, :func:`compile_endpoint`) on ``port`` with ``data`` (TriG or
    N-Quads) loaded, its log in ``folder``.

    Returns the process and its ``/sparql`` URL; raises RuntimeError (with the end of its output) if
    it does not compile or does not answer within 120 s.
    """
    folder.mkdir(parents=True, exist_ok=True)
    path = classpath(compile_endpoint(folder))
    log = folder / "jena.log"
    with log.open("wb") as out:
        process = subprocess.Popen([shutil.which("java"), "-Xmx512m", *JVM_FLAGS, "-cp", path, "SparqlEndpoint",
                                    str(port), str(data)], stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    endpoint = f"http://127.0.0.1:{port}/sparql"
    if answers(endpoint + "?query=ASK%7B%7D", process, 120):
        return process, endpoint
    if process.poll() is None:
        process.kill()
        process.wait(timeout=15)
    raise RuntimeError(f"the Jena endpoint did not start: {log.read_text(errors='replace')[-2000:]}")
