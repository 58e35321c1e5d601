"""Saying where the pipeline cannot decide, for the counsellor's review.

A confident ``other`` for a photo that looks like an ID card hides what a person
should look at; so does a passport whose MRZ fails its check digits. ``doubt``
names the reason in a short sentence ("unsure: looks like an ID card, no MRZ
found") and caps the confidence, so the review shows it rather than a guess. The
sentence carries a code and the kinds it names: the review screen says it in the
counsellor's language (``documents.messages.doubt_message``).
"""

from __future__ import annotations

from enum import StrEnum

from .classify import MIN_EVIDENCE, Classification, kind_of_mrz
from .mrz_doubt import MrzDoubt
from .types import DocumentKind, MrzResult

DOUBTFUL_CONFIDENCE = 0.45  # at most this confident where there is a reason to doubt
CLOSE_CALL = 0.5  # a kind chosen with less confidence than this was a close call
IDENTITY = (DocumentKind.PASSPORT, DocumentKind.ID_CARD)


class DoubtCode(StrEnum):
    MRZ_FAILS = "mrz_fails"
    NO_MRZ = "no_mrz"
    LITTLE_EVIDENCE = "little_evidence"
    CLOSE_CALL = "close_call"
    LITTLE_TEXT = "little_text"
    ZONE_FAILS = "zone_fails"
    ZONE_PARTIAL = "zone_partial"
    BY_LABELS = "by_labels"
    INTENDED_DECISION = "intended_decision"
    # The kind is clear, its MRZ passes its check digits, yet may be read wrong (``mrz_doubt``).
    MRZ_NAMES_DIFFER = MrzDoubt.NAMES_DIFFER.value
    MRZ_LOOKALIKES = MrzDoubt.LOOKALIKES.value
    MRZ_NARROW_VOTE = MrzDoubt.NARROW_VOTE.value


# Doubts about what the MRZ says, not about the kind: they leave the kind's confidence as it is.
MRZ_READING_DOUBTS = frozenset({DoubtCode.MRZ_NAMES_DIFFER, DoubtCode.MRZ_LOOKALIKES, DoubtCode.MRZ_NARROW_VOTE})


ENGLISH = {
    DoubtCode.MRZ_FAILS: "{kind}, but its MRZ does not pass its check digits",
    DoubtCode.NO_MRZ: "looks like {kind}, no MRZ found",
    DoubtCode.LITTLE_EVIDENCE: "looks like {kind}, too little evidence",
    DoubtCode.CLOSE_CALL: "{kind} or {other}: a close call",
    DoubtCode.LITTLE_TEXT: "hardly any text could be read",
    DoubtCode.ZONE_FAILS: "looks like {kind}, its MRZ does not pass its check digits",
    DoubtCode.ZONE_PARTIAL: "looks like {kind}, its MRZ could be read only in part",
    DoubtCode.BY_LABELS: "looks like {kind} by its labels, its title could not be read",
    DoubtCode.INTENDED_DECISION: "looks like {kind}, but it is an intended decision, not the decision itself",
    DoubtCode.MRZ_NAMES_DIFFER: "the names in the MRZ read differently from one reading to the next",
    DoubtCode.MRZ_LOOKALIKES: "the MRZ passes its check digits either way with characters that look alike",
    DoubtCode.MRZ_NARROW_VOTE: "the readings of the MRZ disagree on a number that passes its check digit",
}


class Doubt(str):
    """The reason as an English sentence (the CLI and the benches print it), with its code and kinds, which
    ``Document.fields["unsure"]`` keeps (``to_dict``) so a page can say it in the reader's language."""

    code: DoubtCode
    kind: DocumentKind
    other: DocumentKind | None

    def __new__(cls, code: DoubtCode, kind: DocumentKind, other: DocumentKind | None = None):
        sentence = ENGLISH[code].format(kind=_named(kind), other=_named(other) if other else "")
        self = super().__new__(cls, sentence)
        self.code, self.kind, self.other = DoubtCode(code), DocumentKind(kind), other and DocumentKind(other)
        return self

    def __getnewargs__(self):
        return self.code, self.kind, self.other

    def to_dict(self) -> dict:
        return {"code": str(self.code), "kind": str(self.kind), "other": str(self.other) if self.other else None}


def doubt(classification: Classification, mrz: MrzResult | None, is_visa: bool = False,
          little_text: bool = False, unread_zone: MrzResult | None = None) -> Doubt | str:
    """Why ``classification`` may be wrong, or "" when nothing speaks against it. ``little_text``: hardly any
    words could be read (a photo too dark, too small or turned for the OCR, or no document at all): "other"
    is then no finding. ``unread_zone``: a zone that was not taken as evidence though most of its check
    digits hold. Where nothing speaks against the kind, why its valid MRZ may be read wrong (``MrzResult.doubt``)."""
    reason = _kind_doubt(classification, mrz, is_visa, little_text, unread_zone)
    if not reason and mrz is not None and mrz.valid and mrz.doubt:
        return Doubt(DoubtCode(mrz.doubt), classification.kind)
    return reason


def _kind_doubt(classification: Classification, mrz: MrzResult | None, is_visa: bool,
                little_text: bool, unread_zone: MrzResult | None) -> Doubt | str:
    kind, scores = classification.kind, classification.scores
    if kind in IDENTITY and mrz is not None and not mrz.valid:
        return Doubt(DoubtCode.MRZ_FAILS, kind)
    if kind in IDENTITY and mrz is None and classification.partial_zone:
        return Doubt(DoubtCode.ZONE_FAILS if classification.partial_zone == "failing" else DoubtCode.ZONE_PARTIAL, kind)
    if kind in IDENTITY and mrz is None and classification.confidence < CLOSE_CALL:
        return Doubt(DoubtCode.NO_MRZ, kind)
    if classification.intended_decision:
        return Doubt(DoubtCode.INTENDED_DECISION, DocumentKind.ASYLUM_DECISION)
    if classification.by_labels and classification.face_beside_labels and mrz is None:
        return Doubt(DoubtCode.CLOSE_CALL, DocumentKind.BIRTH_CERTIFICATE, DocumentKind.ID_CARD)
    if classification.by_labels and mrz is None:
        # A birth told by its labels may fall short of a claim ("other"); a book's page is claimed as one.
        return Doubt(DoubtCode.BY_LABELS, DocumentKind.BIRTH_CERTIFICATE if kind is DocumentKind.OTHER else kind)
    if kind is DocumentKind.OTHER and not is_visa:
        claimed = max((k for k in scores if k is not DocumentKind.OTHER), key=lambda k: scores[k])
        if claimed in IDENTITY and scores[claimed] > 0 and mrz is None:
            return Doubt(DoubtCode.NO_MRZ, claimed)
        if scores[claimed] >= MIN_EVIDENCE / 2:
            return Doubt(DoubtCode.LITTLE_EVIDENCE, claimed)
        # A zone whose layout is no identity document's (a vehicle registration's) says nothing against "other".
        if unread_zone is not None and mrz is None and kind_of_mrz(unread_zone) in IDENTITY:
            return Doubt(DoubtCode.ZONE_FAILS, kind_of_mrz(unread_zone))
        if little_text and mrz is None:
            return Doubt(DoubtCode.LITTLE_TEXT, kind)
        return ""
    if kind is not DocumentKind.OTHER and classification.confidence < CLOSE_CALL:
        ranked = sorted((k for k in scores if k is not kind), key=lambda k: scores[k], reverse=True)
        if ranked and scores[ranked[0]] > 0:
            return Doubt(DoubtCode.CLOSE_CALL, kind, ranked[0])
    return ""


def _named(kind: DocumentKind) -> str:
    words = "ID card" if kind is DocumentKind.ID_CARD else str(kind).replace("_", " ")
    return ("an " if words[0] in "aeiouAEIOU" else "a ") + words
