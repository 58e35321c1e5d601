"""Changes sponsors make to their case, recorded in the audit trail as they are made."""

from __future__ import annotations

from django.db import transaction

from audit.models import AuditEvent
from audit.services import record_event

from .models import Case, FamilyMember


def add_family_member(case: Case, member: FamilyMember, *, actor, request=None) -> FamilyMember:
    """Add ``member`` (unsaved, as the sponsor's form made it) to ``case``."""
    with transaction.atomic():
        member.case = case
        member.save()
        record_event(actor=actor, action=AuditEvent.Action.CREATE, target=member, case_id=case.pk, request=request)
    return member
