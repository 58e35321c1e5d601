"""Letters and questions from the IND, with the dates by which the sponsor must respond."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.models import AuditEvent
from audit.services import record_event

from cases.models import Case
from documents.bin import bin_days
from documents.intake import UploadRejected, check_upload, without_location
from documents.pipeline import filetypes
from documents.sanitise import Sanitised

from .models import IndLetter, ReplacedLetterScan
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
            _store_scan(letter, cleaned, scan.name)
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


def attach_scan(letter: IndLetter, scan: UploadedFile, *, actor, request=None) -> IndLetter:
    """Add the scan of a letter recorded without one, or replace its scan; checked and cleaned like a document.

    The scan it replaces goes to the bin (``ReplacedLetterScan``): a counsellor can put it back until the bin
    empties itself of it (the audit trail names both)."""
    cleaned = _checked_scan(scan)
    old_name = letter.scan_name
    with transaction.atomic():
        if letter.scan:
            _bin_current_scan(letter, actor=actor)
        _store_scan(letter, cleaned, scan.name)
        try:
            letter.save(update_fields=["scan", "scan_content_type", "scan_name"])
            record_event(actor=actor, action=AuditEvent.Action.CHANGE, target=letter, case_id=letter.case_id,
                         request=request, changes={"scan_name": [old_name or None, letter.scan_name]})
        except Exception:
            letter.scan.delete(save=False)  # nothing half-stored
            raise
    return letter


def _bin_current_scan(letter: IndLetter, *, actor) -> ReplacedLetterScan:
    return ReplacedLetterScan.objects.create(
        letter=letter, scan=letter.scan.name, scan_content_type=letter.scan_content_type, scan_name=letter.scan_name,
        replaced_by=actor if getattr(actor, "is_authenticated", False) else None)


def restore_scan(replaced: ReplacedLetterScan, *, actor, request=None) -> IndLetter:
    """Put a replaced scan back as its letter's scan; the scan it takes the place of goes to the bin in turn."""
    with transaction.atomic():
        replaced = ReplacedLetterScan.objects.select_for_update().select_related("letter").get(pk=replaced.pk)
        letter = replaced.letter
        current_name = letter.scan_name if letter.scan else None
        if letter.scan:
            _bin_current_scan(letter, actor=actor)
        letter.scan.name = replaced.scan.name
        letter.scan_content_type, letter.scan_name = replaced.scan_content_type, replaced.scan_name
        letter.save(update_fields=["scan", "scan_content_type", "scan_name"])
        replaced.delete()
        record_event(actor=actor, action=AuditEvent.Action.CHANGE, target=letter, case_id=letter.case_id,
                     request=request, changes={"scan_name": [current_name, letter.scan_name]})
    return letter


def empty_replaced_scans(now: datetime | None = None) -> int:
    """Delete for good the replaced scans in the bin for ``DOCUMENT_BIN_DAYS``; each deletion audited (by nobody:
    the bin empties itself), the file removed once that is committed. Run hourly with the documents' bin."""
    cutoff = (now or timezone.now()) - timedelta(days=bin_days())
    emptied = 0
    for replaced in ReplacedLetterScan.objects.filter(replaced_at__lte=cutoff).select_related("letter").order_by("pk"):
        with transaction.atomic():
            if not ReplacedLetterScan.objects.select_for_update().filter(pk=replaced.pk).exists():
                continue  # put back meanwhile
            record_event(actor=None, action=AuditEvent.Action.DELETE, target=replaced.letter,
                         case_id=replaced.letter.case_id, changes={"replaced_scan": [replaced.scan_name, None]})
            storage, name = replaced.scan.storage, replaced.scan.name
            replaced.delete()
            transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))
        emptied += 1
    return emptied


def _store_scan(letter: IndLetter, cleaned: Sanitised, name: str | None) -> None:
    letter.scan_content_type = cleaned.content_type
    letter.scan_name = (name or "letter")[:255]
    letter.scan.save(f"letter{filetypes.extension_for(cleaned.content_type)}", ContentFile(cleaned.data), save=False)


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


def delete_scans_with_letter(sender, instance: IndLetter, **kwargs) -> None:
    """A letter deleted (an admin's delete, single, in bulk or from the case's inline rows) takes its scan and the
    scans it replaced out of storage once that is committed: a family's papers are not left behind unlisted.
    Connected to ``pre_delete``, before the replaced scans' rows go with it."""
    names = [instance.scan.name] if instance.scan else []
    names += [name for name in instance.replaced_scans.values_list("scan", flat=True) if name]
    if names:
        storage = instance.scan.storage
        transaction.on_commit(lambda: [storage.delete(name) for name in names])

