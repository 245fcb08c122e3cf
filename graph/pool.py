"""The worker pool of ``spacekg serve``: query processes with limits, and room kept for short queries.

pyoxigraph runs a query in native code that Python cannot interrupt, so each query runs in a
worker process that can be killed (:func:`graph.answers.worker_main`). The pool

- keeps ``workers`` processes warm and starts more, up to ``max_workers``, when all are busy
  (a spare is started as soon as the last idle one is taken, so the next query rarely waits
  for a process to start); the extra ones stop again once idle;
- kills a query's worker when the query overruns ``timeout`` seconds, or when the worker's
  memory (its resident set, read from ``/proc`` every :data:`POLL` seconds) passes
  ``max_memory`` megabytes; the client gets ``503`` and a new worker takes its place. A worker's
  copy of the build in memory, if it holds one, counts in its memory: by default a worker copies
  the build only when the copy fits in :data:`MEMORY_COPY_SHARE` of ``max_memory``, and a new
  worker is handed no query before its copy is made;
- keeps room for short queries: a query that has used :data:`LONG_AFTER` seconds of processor
  time is *long*, and at most ``max_workers - workers`` long queries run at once; one more is
  stopped with ``503`` (try again later), so ``workers`` processes stay free for the short
  queries that are most of the traffic, whatever the long ones do. Processor time, not time on
  the clock: a short query that waits for a busy processor is not taken for a long one (a query
  is also long after :data:`LONG_WALL` seconds on the clock, so that on a machine too busy to
  give runaway queries their processor time they still leave room). A long query's process
  runs at a lower priority (``nice`` :data:`LONG_NICENESS`), so that short queries get the
  processor first, and is replaced by a fresh one when its query ends.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from graph.answers import Answer, error, worker_main

DEFAULT_TIMEOUT = 10.0
DEFAULT_MAX_RESULTS = 10_000
DEFAULT_WORKERS = 2
DEFAULT_MAX_WORKERS = 8
DEFAULT_MAX_MEMORY = 512  # megabytes per query's worker
MEMORY_COPY_SHARE = 0.5  # of max_memory a worker's copy of the build may take, when it decides itself
LONG_AFTER = 1.0  # processor seconds after which a query counts as long
LONG_WALL = 3.0  # or seconds on the clock, whatever the processor gave it
POLL = 0.05  # seconds between checks of a running query's time and memory
RETIRE_AFTER = 30.0  # seconds an extra worker may stay idle before it stops
LONG_NICENESS = 10  # the scheduling priority of a long query's process (nice): short queries come first
PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


@dataclass(frozen=True)
class Limits:
    """The server's limits: seconds per query, rows (or triples) per answer, megabytes per worker."""

    timeout: float = DEFAULT_TIMEOUT
    max_results: int = DEFAULT_MAX_RESULTS
    max_memory: int = DEFAULT_MAX_MEMORY


class Worker:
    """One worker process and the pipe to it."""

    def __init__(self, context, build_dir: Path, in_memory: bool | None = False, memory_budget: float = 0) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=worker_main, args=(str(build_dir), child, in_memory, memory_budget),
                                       daemon=True)
        self.process.start()
        child.close()
        self.long = False
        self.idle_since = time.monotonic()
        self.stopping = threading.Lock()
        self.stopped = False

    def wait_ready(self) -> None:
        """Wait until the worker has opened (or copied into memory) the current build."""
        # if it died starting, its first query gets the answer of a dead worker, and a new one
        with contextlib.suppress(EOFError, OSError):
            self.conn.recv()

    def memory(self) -> int | None:
        """The worker's resident memory in bytes (Linux ``/proc``), or ``None`` where unknown."""
        try:
            with open(f"/proc/{self.process.pid}/statm", "rb") as statm:
                return int(statm.read().split()[1]) * PAGE
        except (OSError, ValueError, IndexError):
            return None

    def cpu(self) -> float | None:
        """Processor seconds the worker has used (Linux ``/proc``), or ``None`` where unknown."""
        try:
            with open(f"/proc/{self.process.pid}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / TICKS  # utime and stime (fields 14 and 15)
        except (OSError, ValueError, IndexError):
            return None

    def kill(self) -> None:
        """Stop the process and close the pipe, once (the pool's owner of the worker calls this)."""
        with self.stopping:
            if self.stopped:
                return
            self.stopped = True
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


class Pool:
    """Worker processes over one build folder; :meth:`run` answers a query within the limits."""

    def __init__(self, build_dir: Path, *, workers: int = DEFAULT_WORKERS, limits: Limits | None = None,
                 max_workers: int | None = None, in_memory: bool | None = None) -> None:
        self.build_dir = build_dir
        self.limits = limits or Limits()
        self.in_memory = in_memory
        self.workers = max(1, workers)
        self.max_workers = max(self.workers, max_workers if max_workers is not None else DEFAULT_MAX_WORKERS)
        self.context = _context()
        self.lock = threading.Lock()
        self.ready = threading.Condition(self.lock)
        self.free: list[Worker] = []  # idle workers, the most recently used last
        self.all: set[Worker] = set()
        self.starting = self.workers
        self.long = 0
        self.closed = False
        # all started before any is waited for, so that they open (or copy) the build side by side
        for worker in [self._new_worker() for _ in range(self.workers)]:
            self._add(worker)

    @property
    def memory_budget(self) -> float:
        """Megabytes a worker's copy of the build in memory may take when ``in_memory`` is ``None``:
        half of ``max_memory``, the other half being left to its queries."""
        return self.limits.max_memory * MEMORY_COPY_SHARE

    @property
    def max_long(self) -> int:
        """How many long queries may run at once: the workers beyond the warm ones."""
        return max(1, self.max_workers - self.workers)

    def _new_worker(self) -> Worker:
        return Worker(self.context, self.build_dir, self.in_memory, self.memory_budget)

    def _add(self, worker: Worker | None = None) -> None:
        """Add ``worker`` (else a new one) to the idle workers once it is ready."""
        try:
            worker = worker or self._new_worker()
            worker.wait_ready()
        except BaseException:
            with self.lock:
                self.starting = max(0, self.starting - 1)
            raise
        with self.ready:
            self.starting = max(0, self.starting - 1)
            if self.closed:
                worker.kill()
                return
            self.all.add(worker)
            self.free.append(worker)
            self.ready.notify()

    def _grow(self) -> bool:
        """Count a new worker as starting if none is idle and the pool may grow; call with the lock held."""
        if self.closed or self.free or len(self.all) + self.starting >= self.max_workers:
            return False
        self.starting += 1
        return True

    def _start(self) -> None:
        threading.Thread(target=self._add, daemon=True).start()

    def _take(self, timeout: float) -> Worker | None:
        """An idle worker within ``timeout`` seconds (starting one if the pool may grow), else ``None``."""
        with self.ready:
            grow = self._grow()
        if grow:
            self._start()
        with self.ready:
            if not self.ready.wait_for(lambda: self.free or self.closed, timeout) or self.closed:
                return None
            worker = self.free.pop()
            grow = self._grow()  # a spare for the next query, so that it rarely waits for a start
        if grow:
            self._start()
        return worker

    def _release(self, worker: Worker) -> None:
        if worker.long:  # its priority was lowered, and cannot be raised again: a fresh process takes its place
            self._replace(worker)
            return
        retired = []
        with self.ready:
            worker.idle_since = time.monotonic()
            self.free.append(worker)
            self.ready.notify()
            # the pool shrinks back to its warm workers once a burst is over
            while len(self.all) > self.workers and self.free and \
                    time.monotonic() - self.free[0].idle_since > RETIRE_AFTER:
                old = self.free.pop(0)
                self.all.discard(old)
                retired.append(old)
        for old in retired:
            old.kill()

    def _replace(self, worker: Worker) -> None:
        with self.ready:
            if worker.long:
                worker.long = False
                self.long -= 1
            self.all.discard(worker)
            if self.closed:
                grow = False
            elif len(self.all) + self.starting < self.workers:
                self.starting += 1
                grow = True
            else:
                grow = self._grow()  # a query may be waiting for the worker just stopped
        worker.kill()
        if grow:  # in the background, so the client gets its answer now
            self._start()

    def run(self, text: str, *, accept: list[tuple[str, float]], requested: str | None = None,
            default_graphs: list[str] | None = None, named_graphs: list[str] | None = None) -> Answer:
        timeout = self.limits.timeout
        worker = self._take(timeout)
        if worker is None:
            return error(503, f"every worker is busy; try again later (waited {timeout:g} s)")
        job = {"text": text, "accept": accept, "requested": requested, "max_results": self.limits.max_results,
               "default_graphs": default_graphs or [], "named_graphs": named_graphs or []}
        try:
            worker.conn.send(job)
            answer = self._watch(worker, timeout)
        except (EOFError, OSError):
            self._replace(worker)
            return error(500, "the query worker died; the query was not answered")
        if isinstance(answer, Answer):
            self._release(worker)
            return answer
        self._replace(worker)
        return error(503, answer)

    def _watch(self, worker: Worker, timeout: float) -> Answer | str:
        """The worker's answer, or why it was stopped (a message for a 503)."""
        started = time.monotonic()
        cpu_start = worker.cpu()
        cap = self.limits.max_memory * 1024 * 1024
        while not worker.conn.poll(POLL):
            elapsed = time.monotonic() - started
            if elapsed > timeout:
                return (f"the query ran longer than {timeout:g} s, the server's limit (--timeout), and was "
                        "stopped: narrow the query or add a LIMIT")
            memory = worker.memory()
            if memory is not None and memory > cap:
                return (f"the query needed more than {self.limits.max_memory} MB, the server's limit "
                        "(--max-memory), and was stopped: narrow the query or add a LIMIT")
            cpu = worker.cpu()
            used = cpu - cpu_start if cpu is not None and cpu_start is not None else elapsed
            is_long = used > LONG_AFTER or elapsed > LONG_WALL
            if is_long and not worker.long and not self._make_long(worker):
                return (f"the server is already running {self.max_long} long queries (over {LONG_AFTER:g} s of "
                        f"processor time or {LONG_WALL:g} s in all); "
                        "this one was stopped to keep room for short ones: try again later")
        return worker.conn.recv()

    def _make_long(self, worker: Worker) -> bool:
        """Count ``worker``'s query as long, if there is room, and lower its processor priority."""
        with self.lock:
            if self.long >= self.max_long:
                return False
            self.long += 1
            worker.long = True
        with contextlib.suppress(OSError, AttributeError):  # short queries get the processor first
            os.setpriority(os.PRIO_PROCESS, worker.process.pid, LONG_NICENESS)
        return True

    def close(self) -> None:
        with self.ready:
            self.closed = True
            busy = [worker for worker in self.all if worker not in self.free]
            free, self.all, self.free = self.free, set(), []
            self.ready.notify_all()
        for worker in free:
            worker.kill()
        for worker in busy:  # the thread that runs its query sees it end and closes its pipe
            if worker.process.is_alive():
                worker.process.kill()


def _context():
    """Start workers with a fork server that has imported pyoxigraph and the worker's code already.

    Forking the HTTP server itself would copy its threads' locks; spawning a fresh interpreter
    takes a second or more on a busy machine, which a waiting query would feel.
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["graph.answers", "graph.store", "graph.offline", "pyoxigraph"])
    return context
