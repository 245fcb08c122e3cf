"""Relationship maps as PNG, SVG or PDF: partnerships, rivalries, both, memberships, a timeline, and change.

Rendering has two steps so that what is drawn can be tested without looking at pixels:

1. :func:`layout_map` (or :func:`layout_triples` for a query's result; :mod:`~graph.maps.layout`,
   :mod:`~graph.maps.timeline`, :mod:`~graph.maps.geometry`) decides everything: which
   nodes and edges, their positions, colours, markers, line styles, the legend, the title,
   subtitle and footer. It returns a :class:`MapSpec` and imports no plotting library.
   A crowded map groups its minor nodes (:mod:`~graph.maps.grouping`, "+5 agreements", with a
   key); :func:`layout_change` (:mod:`~graph.maps.change`) lays out small multiples of several
   dates on one layout, with the ties that are new or ended marked.
2. :func:`draw` (:mod:`~graph.maps.drawing`) turns a spec into PNG, SVG or PDF bytes with
   matplotlib (headless), placing labels beside their nodes or on leader lines so that they
   overlap neither each other nor the nodes (:mod:`~graph.maps.labels`), and records in the file
   what the map shows (kind, filters, as-of date, build hash, sources).

Encodings are chosen to survive greyscale and colour-blindness: relations differ by line style
as well as by colour (partnership solid, rivalry dashed, membership dotted), certainty by
opacity and width (stated strongest, inferred faintest), entity types by marker shape as well as
by colour (the Okabe-Ito palette).

Layout is deterministic and stable: each node starts from a position derived from a hash of its
IRI alone, and the force layout runs a fixed number of iterations with a fixed seed, so the same
graph gives the same picture and one more fact moves the others only a little.

Only :func:`render` and :func:`render_query` (:mod:`~graph.maps.from_store`) read the store: they
mirror it and hand the layout the data to draw. Styles and kinds are tables in
:mod:`~graph.maps.spec`, where entity classes and certainty levels take their styles from the
ontology's hierarchy and ranks.
"""

from graph.lazy import lazy_exports

# Each name loads with the module that defines it, on first use (graph/lazy.py).
__getattr__, __dir__ = lazy_exports(__name__, ("spec", "geometry", "grouping", "labels", "layout", "timeline",
                                               "change", "drawing", "from_store"))
