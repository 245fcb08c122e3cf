"""``spacekg review``: review the proposals of ``spacekg ingest`` in the browser.

- :mod:`graph.review.proposal`: a proposal file as blocks of lines, and the reviewer's edits as text
  edits that keep every other line (the same curated Turtle as a review by hand);
- :mod:`graph.review.workspace`: where proposals live, the edits, and accepting a source through
  :func:`graph.ingest.accept`;
- :mod:`graph.review.view`: what the page shows of a proposal (JSON);
- :mod:`graph.review.app`: the HTTP server on 127.0.0.1 (``spacekg serve``'s machinery) and its
  guards for the one write endpoint; the page itself is ``static/``.
"""
