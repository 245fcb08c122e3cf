"""The same answers on the embedded store and on a real Virtuoso (tests/store_comparisons.py).

Virtuoso is Debian's `virtuoso-opensource` (installed by `scripts/quickstart.py test` when run as root,
as on CI; where it is missing these tests are skipped, saying so), started on free loopback ports in a
temporary folder; the seed graph is pushed into it with `spacekg push --update` (SPARQL Update, all or
nothing).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import answers, stop_process
from tests.store_comparisons import (  # noqa: F401 - the comparisons, run here on Virtuoso
    invoke,
    test_analysis_agrees,
    test_export_agrees,
    test_graph_and_boolean_answers_agree,
    test_maps_agree,
    test_named_queries_agree,
    test_named_queries_agree_for_every_date,
    test_render_command_agrees,
)
from tests.test_remote import free_port

VIRTUOSO_INI = """[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
LockFile = {db}/virtuoso.lck
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
NumberOfBuffers = 4000
MaxDirtyBuffers = 3000
MaxQueryMem = 256M
DirsAllowed = .
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerThreads = 8
[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
"""


def virtuoso_missing() -> str | None:
    missing = [name for name in ("virtuoso-t", "isql-vt") if shutil.which(name) is None]
    if missing:
        return (f"Virtuoso is not installed ({', '.join(missing)} not found): apt-get install virtuoso-opensource "
                "(scripts/quickstart.py test does it when run as root)")
    return None


def start_virtuoso(folder: Path) -> tuple[subprocess.Popen, str]:
    """A Virtuoso server on free loopback ports whose SPARQL endpoint may update; its /sparql URL."""
    folder.mkdir(parents=True, exist_ok=True)
    sql_port, http_port = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(db=folder, sql_port=sql_port, http_port=http_port), encoding="utf-8")
    log = (folder / "stdout.log").open("wb")
    process = subprocess.Popen([shutil.which("virtuoso-t"), "-f", "-c", str(ini)], cwd=folder, stdout=log,
                               stderr=subprocess.STDOUT, start_new_session=True)
    endpoint = f"http://127.0.0.1:{http_port}/sparql"
    if not answers(endpoint + "?query=ASK%7B%7D", process, 120):
        stop_process(process)
        pytest.fail(f"Virtuoso did not start: {(folder / 'stdout.log').read_text(errors='replace')[-2000:]}")
    # the SPARQL endpoint's user may read only; the push needs SPARQL Update
    granted = subprocess.run([shutil.which("isql-vt"), f"127.0.0.1:{sql_port}", "dba", "dba",
                              'exec=grant SPARQL_UPDATE to "SPARQL";'], capture_output=True, timeout=60)
    if granted.returncode != 0:
        stop_process(process)
        pytest.fail(f"cannot grant SPARQL_UPDATE: {granted.stdout[-500:]!r} {granted.stderr[-500:]!r}")
    return process, endpoint


@pytest.fixture(scope="module")
def endpoint(built: Path, tmp_path_factory: pytest.TempPathFactory):
    """A Virtuoso server holding the seed graph, pushed with `spacekg push --update`; its /sparql URL."""
    reason = virtuoso_missing()
    if reason:
        pytest.skip(reason)
    process, url = start_virtuoso(tmp_path_factory.mktemp("virtuoso"))
    try:
        result = invoke("push", "--endpoint", url, "--update", "--build-dir", str(built))
        assert result.exit_code == 0, result.output
        yield url
    finally:
        stop_process(process)
