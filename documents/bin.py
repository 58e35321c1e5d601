"""The bin: a removed document is kept, file and all, for ``DOCUMENT_BIN_DAYS``, then the bin empties itself.

Nothing a sponsor does deletes a file: removing moves the document to the bin (undo puts it back), and an
accepted document only a counsellor may remove; the sponsor asks for it. Only ``empty_bin``, run by Celery
beat, deletes files, and only of documents that have been in the bin for the whole period.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.models import AuditEvent
from audit.services import record_event
from cases.models import Case

from .messages import embedded_name
from .models import Document
from .services import delete_document
from .signals import document_withdrawn, documents_changed


class RemovalRefused(PermissionError):
    """A removal the person may not make; the message is shown to them."""


class AlreadyInCase(ValueError):
    """A document cannot come back from the bin: the same file is in the case again; the message says so."""


def bin_days() -> int:
    return settings.DOCUMENT_BIN_DAYS


def emptied_on(document: Document) -> datetime | None:
    """When the bin empties itself of ``document``."""
    return document.removed_at + timedelta(days=bin_days()) if document.removed_at else None


def binned_documents_of(case: Case) -> QuerySet[Document]:
    return case.documents.filter(removed_at__isnull=False).select_related("removed_by").order_by("-removed_at")


def may_remove(document: Document, *, may_review: bool) -> bool:
    """Counsellors remove any document; the sponsor any that is not accepted."""
    return may_review or document.review_status != Document.Review.ACCEPTED


def remove_document(document: Document, *, actor, may_review: bool, request=None) -> None:
    if document.removed_at is not None:
        return
    if not may_remove(document, may_review=may_review):
        raise RemovalRefused(_("An accepted document can only be removed by your counsellor. You can ask for it."))
    with transaction.atomic():
        document.removed_at = timezone.now()
        document.removed_by = actor if getattr(actor, "is_authenticated", False) else None
        document.save(update_fields=["removed_at", "removed_by", "updated_at"])
        document_withdrawn.send(Document, document=document)  # a decision in the bin proposes no deadline
        record_event(actor=actor, action=AuditEvent.Action.CHANGE, target=document, case_id=document.case_id,
                     changes={"removed_at": [None, document.removed_at]}, request=request)


def restore_document(document: Document, *, actor, request=None) -> None:
    """Undo: the document is back where it was, with its links and review."""
    if document.removed_at is None:
        return
    removed_at = document.removed_at
    try:
        with transaction.atomic():
            Document.objects.filter(pk=document.pk).update(removed_at=None, removed_by=None,
                                                           removal_requested_at=None, updated_at=timezone.now())
            record_event(actor=actor, action=AuditEvent.Action.CHANGE, target=document, case_id=document.case_id,
                         changes={"removed_at": [removed_at, None]}, request=request)
            documents_changed.send(Document, case_ids=[document.case_id])
    except IntegrityError:  # the same file was uploaded again after it was removed (document_once_per_case)
        raise AlreadyInCase(_("%(name)s was not put back: the same file was uploaded again after it was removed "
                              "and is already there.") % {"name": embedded_name(document.original_name)}) from None
    document.removed_at = document.removed_by = document.removal_requested_at = None


def ask_for_removal(document: Document, *, actor, request=None) -> None:
    """The sponsor asks the counsellor to remove an accepted document."""
    if document.removal_requested_at is not None or document.removed_at is not None:
        return
    with transaction.atomic():
        document.removal_requested_at = timezone.now()
        document.save(update_fields=["removal_requested_at", "updated_at"])
        record_event(actor=actor, action=AuditEvent.Action.CHANGE, target=document, case_id=document.case_id,
                     changes={"removal_requested_at": [None, document.removal_requested_at]}, request=request)


def empty_bin(now: datetime | None = None) -> int:
    """Delete for good what has been in the bin for ``DOCUMENT_BIN_DAYS``; return how many documents went.

    Each deletion is audited (by nobody: the bin empties itself); the file goes once that is committed.
    """
    cutoff = (now or timezone.now()) - timedelta(days=bin_days())
    emptied = 0
    for document in Document.objects.filter(removed_at__lte=cutoff).order_by("pk"):
        with transaction.atomic():
            # Someone may have restored it meanwhile: only delete what is still in the bin and old enough.
            still_binned = Document.objects.select_for_update().filter(pk=document.pk, removed_at__lte=cutoff).first()
            if still_binned is None:
                continue
            record_event(actor=None, action=AuditEvent.Action.DELETE, target=still_binned,
                         case_id=still_binned.case_id,
                         changes={"removed_at": [still_binned.removed_at, None],
                                  "sha256": [still_binned.sha256, None]})
            delete_document(still_binned)
        emptied += 1
    return emptied
