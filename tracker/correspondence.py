"""Letters and questions from the IND, with the dates by which the sponsor must respond."""

from __future__ import annotations

from datetime import date

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.models import AuditEvent
from audit.services import record_event

from documents.intake import UploadRejected, check_upload, without_location
from documents.pipeline import filetypes
from documents.sanitise import Sanitised

from .models import Case, IndLetter
from .notifications import Notice, notify_sponsor_on_commit


class CorrespondenceError(ValueError):
    pass


def record_letter(case: Case, *, kind: str, received_on: date, response_due: date | None, subject: str,
                  notes: str = "", scan: UploadedFile | None = None, actor, request=None) -> IndLetter:
    """``scan``: the letter's photo or PDF, checked and cleaned exactly like a document (``documents.intake``);
    a refused one raises ``CorrespondenceError`` and nothing is recorded."""
    if response_due is not None and response_due < received_on:
        raise CorrespondenceError(_("The response date cannot be before the letter was received."))
    cleaned = _checked_scan(scan) if scan else None
    with transaction.atomic():
        letter = IndLetter(case=case, kind=kind, received_on=received_on, response_due=response_due,
                           subject=subject.strip(), notes=notes.strip(), created_by=actor)
        if cleaned is not None:
            letter.scan_content_type = cleaned.content_type
            letter.scan_name = (scan.name or "letter")[:255]
            letter.scan.save(f"letter{filetypes.extension_for(cleaned.content_type)}", ContentFile(cleaned.data),
                             save=False)
        try:
            letter.save()
        except Exception:
            if letter.scan:
                letter.scan.delete(save=False)  # nothing half-stored
            raise
        record_event(actor=actor, action=AuditEvent.Action.CREATE, target=letter, case_id=case.pk, request=request,
                     changes={"kind": [None, kind], "response_due": [None, response_due],
                              "scan_name": [None, letter.scan_name or None]})
        notify_sponsor_on_commit(case.pk, Notice.IND_LETTER, letter=letter)
    return letter


def _checked_scan(scan: UploadedFile) -> Sanitised:
    try:
        return without_location(check_upload(scan))
    except UploadRejected as rejection:
        raise CorrespondenceError(str(rejection)) from None


def mark_answered(letter: IndLetter, *, actor, answered_on: date | None = None, request=None) -> IndLetter:
    answered_on = answered_on or timezone.localdate()
    with transaction.atomic():
        old = letter.answered_on
        letter.answered_on = answered_on
        letter.save(update_fields=["answered_on"])
        record_event(actor=actor, action=AuditEvent.Action.CHANGE, target=letter, case_id=letter.case_id,
                     request=request, changes={"answered_on": [old, answered_on]})
    return letter
