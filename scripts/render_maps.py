#!/usr/bin/env python3
"""Render the README's maps from the current build into docs/maps/ (run after `spacekg build`).

    python scripts/render_maps.py [--build-dir build] [--out docs/maps]

A thin script over `spacekg render`: one PNG per map kind, and the headline picture: partners
and rivals at the end of 2021 and of 2025 side by side, on one layout, what changed marked.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from click.testing import CliRunner

from graph.cli import main as spacekg

ROOT = Path(__file__).resolve().parent.parent
MAPS = [
    ("partnerships.png", ["partnerships"]),
    ("rivalries.png", ["rivalries"]),
    ("signed.png", ["signed"]),
    ("memberships.png", ["memberships"]),
    ("timeline.png", ["timeline", "--all-dates"]),  # every dated statement, ended ones too
    # The camps before and after ESA left ExoMars with Roscosmos (July 2022) for NASA.
    # Two panels side by side: a wider canvas, so that each holds as much as a single map.
    ("signed-change.png", ["signed", "--as-of", "2021-12-31", "--as-of", "2025-12-31", "--title",
                           "Partners and rivals: end of 2021 and end of 2025", "--width", "2100", "--height", "1100"]),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build-dir", default="build")
    parser.add_argument("--out", default=str(ROOT / "docs" / "maps"))
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, options in MAPS:
        result = CliRunner().invoke(spacekg, ["render", *options, "--build-dir", args.build_dir, "-o", str(out / name)])
        print(result.output, end="")
        if result.exit_code != 0:
            return result.exit_code
    return 0


if __name__ == "__main__":
    sys.exit(main())
