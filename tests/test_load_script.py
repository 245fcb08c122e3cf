"""`scripts/load.py` runs a real server under real clients and reports what it saw."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "load.py"


@pytest.mark.slow
def test_the_load_script_reports_requests_outcomes_latency_and_memory(built: Path, tmp_path: Path):
    out = tmp_path / "load.json"
    # Seed 13 makes client 0 send a runaway first and clients 1 and 2 cheap queries, so one second of load
    # sees both kinds whatever the machine's speed; a runaway is stopped after one second.
    done = subprocess.run([sys.executable, str(SCRIPT), "--build-dir", str(built), "--clients", "3", "--seed", "13",
                           "--duration", "1", "--runaway-share", "0.3", "--json", str(out), "--", "--timeout", "1"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    [row] = json.loads(out.read_text(encoding="utf-8"))
    assert done.stdout.startswith("  3 clients: ")
    assert row["clients"] == 3 and row["requests"] == row["cheap"] + row["runaway"] > 0
    assert row["cheap"] > 0 and row["cheap_outcomes"] == {"200": row["cheap"]}
    assert row["runaway"] > 0 and set(row["runaway_outcomes"]) == {"503"}  # every runaway is stopped
    assert 0 < row["cheap_p50_ms"] <= row["cheap_p99_ms"]
    assert row["peak_memory_mb"] >= row["peak_worker_mb"] > 0
