"""The order in which pytest-xdist hands out test files (``--dist loadfile``): the longest first.

pytest-xdist hands out whole files, by default those with the most tests first; a file of a few long
tests (the benchmark harness, the kill -9 loops, a server under load) then starts last and keeps one
worker busy while the others are done. Here each run of the whole suite records how many seconds
each file took (in pytest's cache, ``.pytest_cache``, under :data:`KEY`), and the next run hands the
files out longest first, so that the workers finish together. A fresh clone, which has no record yet,
reads the times committed with the tests (:data:`DEFAULTS`, a whole-suite run's record; refresh it by
copying ``.pytest_cache/v/spacekg/seconds-per-file`` over it); a file recorded nowhere (a new one)
keeps pytest-xdist's order, after the recorded ones. Only the scheduler in the controlling process
reads the record: every worker collects the tests in the same order. Files that share a costly
fixture, such as spaCy's language model, go to one worker together (:data:`UNITS`).
"""

from __future__ import annotations

import json
from collections import OrderedDict, defaultdict
from pathlib import Path

import pytest

KEY = "spacekg/seconds-per-file"
DEFAULTS = Path(__file__).with_name("seconds-per-file.json")
# Files that share something costly that each worker makes once, for itself: each group is handed out
# as one unit, to one worker, so that it is made once in the run instead of once in every worker. A
# file missing from its group only costs one making more.
UNITS = {
    # spaCy's language model (graph.extraction.nlp.pipeline: ~2 s of CPU each time a process loads it)
    "the files that load the language model": frozenset({
        "tests/test_accept_crash.py", "tests/test_evaluation.py", "tests/test_extract.py", "tests/test_ingest.py",
        "tests/test_review.py", "tests/test_user_data.py",
    }),
    # the whole graph, assembled and written (the full_assembly and full_build fixtures: ~1.5 s of CPU)
    "the files that build the whole graph": frozenset({
        "tests/test_corpus.py", "tests/test_maps_legibility.py", "tests/test_maps_output.py",
        "tests/test_time_and_params.py",
    }),
}
UNIT_OF_FILE = {file: unit for unit, files in UNITS.items() for file in files}
_seconds: defaultdict[str, float] = defaultdict(float)


def whole_suite(config: pytest.Config) -> bool:
    """Whether this run is the whole suite (the test paths, no -k or -m): only then are files' times recorded."""
    return (config.args_source == pytest.Config.ArgsSource.TESTPATHS and not config.option.keyword
            and not config.option.markexpr)


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    _seconds[report.nodeid.split("::", 1)[0]] += report.duration


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    config = session.config
    cache = getattr(config, "cache", None)  # none with -p no:cacheprovider
    if hasattr(config, "workerinput") or cache is None or not _seconds or not whole_suite(config):
        return  # a worker (the controller records), no cache, or not the whole suite
    cache.set(KEY, {name: round(seconds, 2) for name, seconds in sorted(_seconds.items())})


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log):
    """``--dist loadfile``, the files recorded as longest handed out first, each group of :data:`UNITS`
    as one unit."""
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    cache = getattr(config, "cache", None)
    recorded: dict[str, float] = (cache.get(KEY, None) if cache is not None else None) or json.loads(
        DEFAULTS.read_text(encoding="utf-8"))

    def seconds(unit: dict[str, bool]) -> float:
        return sum(recorded.get(name, 0.0) for name in {nodeid.split("::", 1)[0] for nodeid in unit})

    class LongestFileFirst(LoadFileScheduling):
        ordered = False

        def _split_scope(self, nodeid: str) -> str:
            file = super()._split_scope(nodeid)
            return UNIT_OF_FILE.get(file, file)

        def _assign_work_unit(self, node) -> None:
            if not self.ordered:  # the first hand-out: the queue holds every file
                self.ordered = True
                units = sorted(self.workqueue, key=lambda name: -seconds(self.workqueue[name]))  # stable: new last
                self.workqueue = OrderedDict((name, self.workqueue[name]) for name in units)
            super()._assign_work_unit(node)

    return LongestFileFirst(config, log)
