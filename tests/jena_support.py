"""A real Apache Jena ARQ 4.5 endpoint for the store comparisons (tests/test_stores_agree.py).

Fuseki, Jena's SPARQL server, is not packaged by Debian, and its Maven artifacts cannot be fetched
here; Debian's ``libapache-jena-java`` 4.5.0 is: Jena ARQ (Fuseki's query engine) and TDB2 (its
store). ``tests/jena/SparqlEndpoint.java``, compiled with ``javac`` against those jars when the
tests start, loads a build's TriG into an in-memory TDB2 dataset whose default graph is the union
of its named graphs (Fuseki's ``tdb2:unionDefaultGraph true``) and answers the SPARQL 1.1 Protocol
on a loopback port. It is no Fuseki (its HTTP side is the JDK's own server, read-only), but every
answer is computed by Jena's engine over Jena's store.

Debian's ``jena-core.jar`` 4.5.0-2 holds its relocated Xerces classes in the package ``xerces``
but their message bundles under ``org/apache/jena/ext/xerces/``, so Jena cannot initialise its XSD
datatypes ("RuntimeException: internal error" in ``xerces.impl.dv.xs.XSSimpleTypeDecl``);
:func:`classpath` adds a folder holding those bundles where the classes look for them.
"""

from __future__ import annotations

import shutil
import subprocess
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


def jena_missing() -> str | None:
    """Why the Jena endpoint cannot run here, or None."""
    tools = [name for name in ("java", "javac") if shutil.which(name) is None]
    jars = [name for name in JARS if not (JAVA_DIR / name).is_file()]
    if not tools and not jars:
        return None
    what = ", ".join([*tools, *(str(JAVA_DIR / jar) for jar in jars[:3])] + (["..."] if len(jars) > 3 else []))
    return (f"Jena ARQ is not installed ({what} not found): apt-get install libapache-jena-java "
            "default-jdk-headless (scripts/quickstart.py test does it when run as root)")


def classpath(folder: Path) -> str:
    """The jars, plus ``folder/bundles`` holding Xerces' message bundles where its classes look for them."""
    bundles = folder / "bundles"
    with zipfile.ZipFile(JAVA_DIR / "jena-core.jar") as jar:
        for name in jar.namelist():
            if name.startswith(XERCES_BUNDLES) and name.endswith(".properties"):
                target = bundles / "xerces" / name[len(XERCES_BUNDLES):]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(jar.read(name))
    return ":".join([str(folder / "classes"), str(bundles), *(str(JAVA_DIR / jar) for jar in JARS)])


def start_jena(folder: Path, data: Path, port: int) -> tuple[subprocess.Popen, str]:
    """Compile the endpoint into ``folder``, start it on ``port`` with ``data`` (TriG or N-Quads) loaded.

    Returns the process and its ``/sparql`` URL; raises RuntimeError (with the end of its output) if
    it does not compile or does not answer within 120 s.
    """
    folder.mkdir(parents=True, exist_ok=True)
    path = classpath(folder)
    compiled = subprocess.run([shutil.which("javac"), "-d", str(folder / "classes"), "-cp", path, str(SOURCE)],
                              capture_output=True, text=True, timeout=300)
    if compiled.returncode != 0:
        raise RuntimeError(f"javac could not compile {SOURCE.name}: {compiled.stderr[-2000:]}")
    log = folder / "jena.log"
    with log.open("wb") as out:
        process = subprocess.Popen([shutil.which("java"), "-Xmx512m", "-cp", path, "SparqlEndpoint", str(port),
                                    str(data)], stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    endpoint = f"http://127.0.0.1:{port}/sparql"
    if answers(endpoint + "?query=ASK%7B%7D", process, 120):
        return process, endpoint
    if process.poll() is None:
        process.kill()
        process.wait(timeout=15)
    raise RuntimeError(f"the Jena endpoint did not start: {log.read_text(errors='replace')[-2000:]}")
