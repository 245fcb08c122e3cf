"""Where SpaceKG's files are, whether it runs from a checkout, an editable install or a wheel.

The ontology, shapes and named queries live in ``ontology/`` at the top of the repository; a wheel
carries the same folder as ``graph/ontology/`` (see ``pyproject.toml``). The curated data (catalog,
sources) lives in ``graph/data/`` in both cases. The built graph goes to ``./build/`` unless
``SPACEKG_BUILD_DIR`` or ``--build-dir`` says otherwise.

The user's own data (proposals, accepted sources, the entities accepted with them) lives outside
the package, in the *user data folder*: ``--user-data``, else ``$SPACEKG_USER_DATA``, else
``$XDG_DATA_HOME/spacekg``, else ``~/.local/share/spacekg``. It has the same layout as
``graph/data/`` (``catalog/`` and ``sources/``); the shipped data is never written to, and a build
combines both (see :mod:`graph.userdata`).
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"
CATALOG_DIR = DATA_DIR / "catalog"
SOURCES_DIR = DATA_DIR / "sources"


def ontology_dir() -> Path:
    """The folder holding ``space.ttl``, ``shapes.ttl``, ``cameo.ttl`` and ``queries/``."""
    installed = PACKAGE_DIR / "ontology"
    if installed.is_dir():
        return installed
    return PACKAGE_DIR.parent / "ontology"


def ontology_file() -> Path:
    return ontology_dir() / "space.ttl"


def shapes_file() -> Path:
    return ontology_dir() / "shapes.ttl"


def cameo_file() -> Path:
    return ontology_dir() / "cameo.ttl"


def queries_dir() -> Path:
    return ontology_dir() / "queries"


def default_build_dir() -> Path:
    """``$SPACEKG_BUILD_DIR`` if set, else ``./build``."""
    return Path(os.environ.get("SPACEKG_BUILD_DIR", "build"))


def user_data_dir() -> Path:
    """The user's data folder: ``$SPACEKG_USER_DATA``, else ``$XDG_DATA_HOME/spacekg``, else
    ``~/.local/share/spacekg`` (it need not exist yet). A relative ``$XDG_DATA_HOME`` is ignored,
    as the XDG Base Directory specification says.
    """
    explicit = os.environ.get("SPACEKG_USER_DATA")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".local" / "share"
    return base / "spacekg"
