"""The extraction evaluation does not know the entities learnt from the dev set's own articles."""

from __future__ import annotations

import sys
from pathlib import Path

from graph import paths
from graph.linking import Linker

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

from evaluate_extraction import LEARNT_FROM_DEVSET, evaluation_linker

KG = "https://w3id.org/spacekg/id/"


def test_the_evaluation_links_against_the_catalog_without_the_entities_learnt_from_the_dev_articles():
    assert (paths.CATALOG_DIR / LEARNT_FROM_DEVSET).is_file()
    full, evaluated = Linker.default(), evaluation_linker()
    assert full.find("Glavkosmos") == KG + "glavkosmos"  # learnt from dev article 15
    assert evaluated.find("Glavkosmos") is None
    assert set(full.entities) - set(evaluated.entities) >= {KG + "glavkosmos", KG + "change-7", KG + "odysseus"}
    assert evaluated.find("Roscosmos") == KG + "roscosmos"  # the rest of the catalog is still there
