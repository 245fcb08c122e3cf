"""Running the benchmark's steps: each in a fresh interpreter, timed, with its own peak memory."""

from __future__ import annotations

import json
import os
import queue
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def measured(cmd: list[str], *, timeout: float | None = None, env: dict | None = None) -> dict:
    """Run ``cmd``; its wall time, peak memory (``wait4`` rusage), exit code and output."""
    with tempfile.TemporaryFile() as out_file, tempfile.TemporaryFile() as err_file:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out_file, stderr=err_file, env=env, start_new_session=True)
        timer = threading.Timer(timeout, lambda: os.killpg(proc.pid, signal.SIGKILL)) if timeout else None
        if timer:
            timer.start()
        # wait4, not Popen.wait: it gives this child's own rusage (peak memory), not a running maximum
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        if timer:
            timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out_file.seek(0)
        err_file.seek(0)
        stdout, stderr = out_file.read().decode("utf-8", "replace"), err_file.read().decode("utf-8", "replace")
    return {"seconds": seconds, "rss_mb": usage.ru_maxrss / 1024, "rc": proc.returncode, "stdout": stdout,
            "stderr": stderr}


def step(name: str, *args: str, timeout: float | None = None) -> dict:
    """Run one worker in a fresh interpreter and return its JSON report (plus the whole-process figures)."""
    result = measured([sys.executable, str(HERE / "bench_workers.py"), name, *args], timeout=timeout)
    if result["rc"] != 0:
        raise RuntimeError(f"step {name} failed ({result['rc']}):\n{result['stderr'][-3000:]}")
    report = json.loads(result["stdout"].strip().splitlines()[-1])
    report["process_seconds"] = result["seconds"]
    report["process_rss_mb"] = result["rss_mb"]
    return report


def _pump(proc: subprocess.Popen, lines: queue.Queue) -> None:
    for line in proc.stdout:
        lines.put(line)
    lines.put(None)


def rdflib_queries(nq: Path, texts_file: Path, names: list[str], cap: float) -> dict:
    """Run the queries on rdflib in a worker; a query over ``cap`` seconds is killed and marked, the rest go on."""
    results: dict[str, dict] = {}
    pending = list(names)
    while pending:
        cmd = [sys.executable, str(HERE / "bench_workers.py"), "queries-rdflib", str(nq), str(texts_file),
               ",".join(pending)]
        errors = tempfile.TemporaryFile()  # noqa: SIM115 (read after the worker ends, closed below)
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=errors, text=True, start_new_session=True)
        lines: queue.Queue = queue.Queue()
        threading.Thread(target=_pump, args=(proc, lines), daemon=True).start()
        first = lines.get()  # the load: not capped (it is measured on its own in the load step)
        if first is None:
            raise RuntimeError("the rdflib query worker died while loading")
        while pending:
            try:
                line = lines.get(timeout=cap)
            except queue.Empty:
                results[pending.pop(0)] = {"seconds": None, "timeout": cap}
                os.killpg(proc.pid, signal.SIGKILL)
                break
            if line is None:
                proc.wait()
                errors.seek(0)
                last = (errors.read().decode("utf-8", "replace").strip().splitlines() or ["?"])[-1]
                results[pending.pop(0)] = {"seconds": None, "error": f"failed: {last[:120]}"}
                break
            report = json.loads(line)
            results[report["query"]] = report
            pending.remove(report["query"])
        proc.wait()
        errors.close()
    return results


def median_process(cmd: list[str], runs: int, *, before=None) -> dict:
    times, rss, last = [], [], None
    for _ in range(runs):
        if before:
            before()
        last = measured(cmd)
        if last["rc"] != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed ({last['rc']}):\n{last['stderr'][-2000:]}")
        times.append(last["seconds"])
        rss.append(last["rss_mb"])
    return {"seconds": statistics.median(times), "runs": times, "rss_mb": max(rss), "stdout": last["stdout"]}
