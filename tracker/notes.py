"""Internal notes and tasks on a case: staff write them for each other; the sponsor never sees them."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.models import AuditEvent
from audit.services import record_event
from cases.models import Case
from cases.selectors import cases_visible_to

from .models import CaseNote
from .review import ReviewError


def add_note(case: Case, *, text: str, due_on: date | None = None, assignee=None, actor, request=None) -> CaseNote:
    """``assignee``: one of the case's counsellors (the form offers only those)."""
    if not text.strip():
        raise ReviewError(_("Write the note."), field="text")
    with transaction.atomic():
        note = CaseNote.objects.create(case=case, author=actor, text=text.strip(), due_on=due_on, assignee=assignee)
        record_event(actor=actor, action=AuditEvent.Action.CREATE, target=note, case_id=case.pk, request=request,
                     changes={"due_on": [None, due_on.isoformat() if due_on else None],
                              "assignee": [None, str(assignee) if assignee else None]})
    return note


def complete_task(note: CaseNote, *, actor, request=None) -> bool:
    if note.done_at is not None:
        return False
    with transaction.atomic():
        note.done_at = timezone.now()
        note.save(update_fields=["done_at"])
        record_event(actor=actor, action=AuditEvent.Action.CHANGE, target=note, case_id=note.case_id,
                     request=request, changes={"done_at": [None, note.done_at.isoformat()]})
    return True


def open_tasks_for(user):
    """Tasks for ``user`` (assigned to them) not done yet, the nearest due date first."""
    return (CaseNote.objects.filter(assignee=user, done_at__isnull=True, case__in=cases_visible_to(user).values("pk"))
            .select_related("case__sponsor")
            .order_by("due_on", "created_at"))
