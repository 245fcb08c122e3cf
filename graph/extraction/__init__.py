"""From an article's text to proposed statements and entities (see :mod:`graph.extraction.extractor`)."""

from graph.extraction.extractor import EVENT_TYPES, Extracted, Extraction, entity_turtle, extract, to_tsv
from graph.extraction.times import TimeValue, find_times

__all__ = [
    "EVENT_TYPES", "Extracted", "Extraction", "TimeValue",
    "entity_turtle", "extract", "find_times", "to_tsv",
]
