"""The benchmark's report: the machine it ran on, its rows, and the table printed from them."""

from __future__ import annotations

import os
import platform
import shutil
from pathlib import Path


def machine() -> dict:
    import networkx
    import pyoxigraph
    import rdflib

    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                      if line.startswith("MemTotal"))
    except (OSError, StopIteration):
        mem_kb = 0
    versions = {"python": platform.python_version(), "pyoxigraph": pyoxigraph.__version__,
                "rdflib": rdflib.__version__, "networkx": networkx.__version__}
    for name in ("oxrdflib", "matplotlib", "scipy"):
        try:
            from importlib.metadata import version

            versions[name] = version(name)
        except Exception:
            versions[name] = None
    return {"nproc": os.cpu_count(), "cpu": cpu, "memory_gb": round(mem_kb / 1024 / 1024, 1),
            "platform": platform.platform(), "versions": versions, "hyperfine": shutil.which("hyperfine")}


def row(rows: list, key: str, what: str, value, unit: str, *, baseline=None, baseline_name: str = "",
        ratio=None, target: str = "", ok: bool | None = None, note: str = "") -> None:
    rows.append({"id": key, "what": what, "value": value, "unit": unit, "baseline": baseline,
                 "baseline_name": baseline_name, "ratio": ratio, "target": target,
                 "result": None if ok is None else ("PASS" if ok else "MISS"), "note": note})


def format_value(value, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "s":
        return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"
    return f"{value:.0f} {unit}"


def format_table(report: dict) -> str:
    """The rows as a Markdown table (it reads as plain text too)."""
    lines = [f"SpaceKG benchmark, {report['triples']} triples (size {report['size']}, seed {report['seed']}), "
             f"{report['machine']['nproc']} x {report['machine']['cpu']}, {report['machine']['memory_gb']} GB",
             "", "| measure | SpaceKG | baseline | ratio | target | result |", "|---|---|---|---|---|---|"]
    for r in report["rows"]:
        base = f"{format_value(r['baseline'], r['unit'])} ({r['baseline_name']})" if r["baseline_name"] else ""
        ratio = f"{r['ratio']:.2f}x" if r["ratio"] is not None else ""
        what = r["what"] + (f" [{r['note']}]" if r["note"] else "")
        lines.append(f"| {what} | {format_value(r['value'], r['unit'])} | {base} | {ratio} | {r['target']} | "
                     f"{r['result'] or ''} |")
    return "\n".join([*lines, "", f"whole run: {report['elapsed_s']:.0f} s"])
