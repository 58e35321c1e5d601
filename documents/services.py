"""Changes people make to documents after upload."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.db.models import QuerySet

from audit.models import AuditEvent
from audit.services import record_event
from cases.models import FamilyMember

from .models import Document
from .queueing import enqueue
from .signals import document_withdrawn, documents_changed


def set_document_members(document: Document, members: Iterable[FamilyMember]) -> None:
    members = list(members)
    if any(member.case_id != document.case_id for member in members):
        raise ValueError("Family members must belong to the document's case.")
    document.members.set(members)


def relink_document(document: Document, members: Iterable[FamilyMember], *, actor, may_review: bool,
                    about_sponsor: bool | None = None, request=None) -> None:
    """Someone changes whom a document is about (family members, and whether it is about the sponsor).

    A counsellor's acceptance was for the people it was linked to then: when the
    sponsor relinks a reviewed document, it goes back to waiting for review.
    """
    members = list(members)
    before = sorted(document.members.values_list("pk", flat=True))
    after = sorted(member.pk for member in members)
    changes = {}
    if before != after:
        changes["members"] = [before, after]
    if about_sponsor is not None and about_sponsor != document.about_sponsor:
        changes["about_sponsor"] = [document.about_sponsor, about_sponsor]
        document.about_sponsor = about_sponsor
    if not changes:
        return
    with transaction.atomic():
        fields = ["about_sponsor"] if "about_sponsor" in changes else []
        if "members" in changes:
            set_document_members(document, members)
            if "members" not in document.set_by_hand:  # a new reading does not link it otherwise
                document.set_by_hand = [*document.set_by_hand, "members"]
                fields.append("set_by_hand")
        if not may_review and document.review_status != Document.Review.PENDING:
            changes["review_status"] = [document.review_status, Document.Review.PENDING]
            document.review_status = Document.Review.PENDING
            fields.append("review_status")
        if fields:
            document.save(update_fields=[*fields, "updated_at"])
        record_event(actor=actor, action=AuditEvent.Action.CHANGE, target=document, case_id=document.case_id,
                     changes=changes, request=request)


def delete_document(document: Document) -> None:
    """Remove the row and, once the deletion is committed, the stored file.

    Only the bin emptying itself (``bin.empty_bin``) and an admin call this: people remove to the bin."""
    file_name, storage = document.file.name, document.file.storage
    with transaction.atomic():
        document_withdrawn.send(Document, document=document)
        document.delete()
        transaction.on_commit(lambda: storage.delete(file_name))


def read_again(documents: Iterable[Document] | QuerySet[Document], *, actor, request=None) -> int:
    """Reset documents to ``received`` and queue them for the pipeline again; return how many were queued."""
    count = 0
    for document in documents:
        try:
            with transaction.atomic():
                Document.objects.filter(pk=document.pk).update(
                    status=Document.Status.RECEIVED, attempts=0, claimed_by="", error_message="")
                record_event(actor=actor, action=AuditEvent.Action.CHANGE, target=document, case_id=document.case_id,
                             changes={"status": [document.status, Document.Status.RECEIVED]}, request=request)
                documents_changed.send(Document, case_ids=[document.case_id])  # being read again, not to review
                transaction.on_commit(lambda document=document: enqueue(document))
        except IntegrityError:
            continue  # a failed copy of a file the case has again, live (document_once_per_case): nothing to read
        count += 1
    return count
