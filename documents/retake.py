"""Taking a photo again: the worker's retake advice in words, and a new photo in the old one's place.

The pipeline stores its advice in ``Document.fields["retake"]`` (``pipeline.retake.Retake`` values); the
sponsor's document card names each fault and offers to take the photo again. The new photo keeps the old
one's links to family members, and the old one goes to the bin (where it can be put back).
"""

from __future__ import annotations

import hashlib

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from cases.selectors import can_manage_case

from .bin import remove_document
from .intake import Received, find_duplicate, receive_upload
from .models import Document
from .pipeline.retake import Retake

RETAKE_KEY = "retake"  # the key of the advice in Document.fields

RETAKE_LABELS = {
    Retake.BLURRED: _("The photo is blurred. Hold the phone still and tap the page on the screen to focus."),
    Retake.TOO_DARK: _("The photo is too dark. Take it again in daylight or under a lamp."),
    Retake.GLARE: _("Light shines on the page and hides part of the text. Tilt the page or turn away from the lamp."),
    Retake.CUT_OFF: _("Part of the page is missing. Make sure all four corners of the page are in the photo."),
    Retake.TOO_SMALL: _("The page is too small to read. Come closer, so that the page fills the photo."),
    Retake.NOT_A_DOCUMENT: _("This photo does not seem to show a document. Was it the wrong photo?"),
}


def retake_advice(document: Document) -> list[str]:
    """What the sponsor should put right in a new photo, in the reader's language; [] when nothing."""
    if document.status != Document.Status.DONE or document.review_status == Document.Review.ACCEPTED:
        return []
    codes = (document.fields or {}).get(RETAKE_KEY) or []
    return [str(RETAKE_LABELS[Retake(code)]) for code in codes if code in Retake._value2member_map_]


def retake_document(document: Document, uploaded, *, user, request=None) -> Received:
    """Store ``uploaded`` as a new document in place of ``document``: the new one gets its links, the old
    one goes to the bin. A duplicate (the same photo sent again) changes nothing."""
    with transaction.atomic():
        received = receive_upload(case=document.case, uploaded=uploaded, user=user, request=request)
        if received.duplicate_of is not None:
            return received
        new = received.document
        new.about_sponsor = document.about_sponsor
        # A new photo of the same document: the kind a person gave the old one stays theirs.
        if "kind" in (document.set_by_hand or []):
            new.kind, new.set_by_hand = document.kind, ["kind"]
        new.save(update_fields=["about_sponsor", "kind", "set_by_hand"])
        new.members.add(*document.members.all())
        remove_document(document, actor=user, may_review=can_manage_case(user, document.case), request=request)
    return received


def replaced_by(document: Document, uploaded) -> Document | None:
    """The document in the case that is ``uploaded`` itself, when ``document`` is in the bin: a retake sent again
    after its answer was lost (the sha256 is of the file as sent, as ``intake`` records it)."""
    if document.removed_at is None:
        return None
    digest = hashlib.sha256()
    for chunk in uploaded.chunks():
        digest.update(chunk)
    uploaded.seek(0)
    return find_duplicate(document.case, digest.hexdigest())
