"""Saying where the pipeline cannot decide, for the counsellor's review.

A confident ``other`` for a photo that looks like an ID card hides what a person
should look at; so does a passport whose MRZ fails its check digits. ``doubt``
names the reason in a short sentence ("unsure: looks like an ID card, no MRZ
found") and caps the confidence, so the review shows it rather than a guess.
"""

from __future__ import annotations

from .classify import MIN_EVIDENCE, Classification
from .types import DocumentKind, MrzResult

DOUBTFUL_CONFIDENCE = 0.45  # at most this confident where there is a reason to doubt
CLOSE_CALL = 0.5  # a kind chosen with less confidence than this was a close call
IDENTITY = (DocumentKind.PASSPORT, DocumentKind.ID_CARD)


def doubt(classification: Classification, mrz: MrzResult | None, is_visa: bool = False) -> str:
    """Why ``classification`` may be wrong, or "" when nothing speaks against it."""
    kind, scores = classification.kind, classification.scores
    if kind in IDENTITY and mrz is not None and not mrz.valid:
        return f"{_named(kind)}, but its MRZ does not pass its check digits"
    if kind in IDENTITY and mrz is None and classification.confidence < CLOSE_CALL:
        return f"looks like {_named(kind)}, no MRZ found"
    if kind is DocumentKind.OTHER and not is_visa:
        claimed = max((k for k in scores if k is not DocumentKind.OTHER), key=lambda k: scores[k])
        if claimed in IDENTITY and scores[claimed] > 0 and mrz is None:
            return f"looks like {_named(claimed)}, no MRZ found"
        if scores[claimed] >= MIN_EVIDENCE / 2:
            return f"looks like {_named(claimed)}, too little evidence"
        return ""
    if kind is not DocumentKind.OTHER and classification.confidence < CLOSE_CALL:
        ranked = sorted((k for k in scores if k is not kind), key=lambda k: scores[k], reverse=True)
        if ranked and scores[ranked[0]] > 0:
            return f"{_named(kind)} or {_named(ranked[0])}: a close call"
    return ""


def _named(kind: DocumentKind) -> str:
    words = "ID card" if kind is DocumentKind.ID_CARD else str(kind).replace("_", " ")
    return ("an " if words[0] in "aeiouAEIOU" else "a ") + words
