"""Letters and questions from the IND, with the dates by which the sponsor must respond."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.models import AuditEvent
from audit.services import record_event

from .models import Case, IndLetter


class CorrespondenceError(ValueError):
    pass


def record_letter(case: Case, *, kind: str, received_on: date, response_due: date | None, subject: str,
                  notes: str = "", actor, request=None) -> IndLetter:
    if response_due is not None and response_due < received_on:
        raise CorrespondenceError(_("The response date cannot be before the letter was received."))
    with transaction.atomic():
        letter = IndLetter.objects.create(case=case, kind=kind, received_on=received_on, response_due=response_due,
                                          subject=subject.strip(), notes=notes.strip(), created_by=actor)
        record_event(actor=actor, action=AuditEvent.Action.CREATE, target=letter, case_id=case.pk, request=request,
                     changes={"kind": [None, kind], "response_due": [None, response_due]})
    return letter


def mark_answered(letter: IndLetter, *, actor, answered_on: date | None = None, request=None) -> IndLetter:
    answered_on = answered_on or timezone.localdate()
    with transaction.atomic():
        old = letter.answered_on
        letter.answered_on = answered_on
        letter.save(update_fields=["answered_on"])
        record_event(actor=actor, action=AuditEvent.Action.CHANGE, target=letter, case_id=letter.case_id,
                     request=request, changes={"answered_on": [old, answered_on]})
    return letter
