"""Removing a case for good: every row of it and every stored file.

Used by admins (the "Purge" action in the Django admin) when a family's data
must go, for example at the end of the retention period or on request. The
audit trail keeps that it happened and who did what before (audit events outlive
the case by design), but not the names and values those events recorded.
"""

from __future__ import annotations

import contextlib
import os

from django.db import transaction

from audit.models import AuditEvent
from audit.services import forget_case_details, record_event
from cases.models import Case
from documents.models import Document

from .models import ReplacedLetterScan



def purge_case(case: Case, *, actor, request=None) -> int:
    """Delete ``case`` with its members, explanations, documents and letters' scans; return how many documents'
    files were removed.

    Files are removed once the deletion is committed, so a failed purge leaves nothing half-deleted.
    """
    documents = Document.objects.filter(case=case)
    file_names = [name for name in documents.values_list("file", flat=True) if name]
    letter_scans = [name for name in case.ind_letters.values_list("scan", flat=True) if name]
    letter_scans += [name for name in ReplacedLetterScan.objects.filter(letter__case=case).values_list("scan", flat=True)
                     if name]
    storage = Document._meta.get_field("file").storage
    case_id = case.pk
    with transaction.atomic():
        forget_case_details(case_id)  # before the purge's own event, whose count stays
        record_event(actor=actor, action=AuditEvent.Action.DELETE, target=case, case_id=case_id,
                     changes={"purged_documents": [len(file_names), 0]}, request=request)
        documents.delete()  # before the case: documents refer to each other (translations)
        sponsor = case.sponsor
        case.delete()
        forget_sponsor(sponsor)
        transaction.on_commit(lambda: _delete_files(storage, letter_scans, folder=f"cases/{case_id}/letters"))
        transaction.on_commit(lambda: _delete_files(storage, file_names, folder=f"cases/{case_id}"))
    return len(file_names)


def forget_sponsor(sponsor) -> None:
    """The sponsor's account outlives the case (audit events point at it) but not their name or contact
    details, unless they have another case. It can no longer sign in."""
    if sponsor is None or Case.objects.filter(sponsor=sponsor).exists():
        return
    sponsor.first_name = sponsor.last_name = sponsor.email = ""
    if hasattr(sponsor, "phone"):
        sponsor.phone = ""
    sponsor.is_active = False
    sponsor.set_unusable_password()
    sponsor.save()


def _delete_files(storage, file_names: list[str], *, folder: str) -> None:
    for name in file_names:
        storage.delete(name)
    # Anything else left in the case's folder (an upload interrupted half-way) goes too.
    try:
        _, leftovers = storage.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return
    for leftover in leftovers:
        storage.delete(f"{folder}/{leftover}")
    try:
        local_folder = storage.path(folder)
    except NotImplementedError:  # object storage has no folders
        return
    with contextlib.suppress(OSError):
        os.rmdir(local_folder)
