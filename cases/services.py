"""Changes to a case's family, by its sponsor or its counsellors, recorded in the audit trail as they are made.

One service for both: a change by the sponsor is flagged on the counsellors' dashboard until one of them opens
the case, and a change of name or birth date links (or unlinks) the documents that name the member
(``signals.member_identity_changed``, received by ``documents``).
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from audit.models import AuditEvent
from audit.services import record_event

from .models import Case, FamilyMember
from .selectors import can_manage_case
from .signals import cases_changed, member_identity_changed

# What a member form may change; the rest of the row is the case's and the system's.
MEMBER_FIELDS = (
    "relation", "given_names", "surname", "birth_date", "sex", "mentioned_in_asylum_procedure",
    "belongs_to_family", "other_parent_stays_behind", "married", "in_relationship", "other_parent",
)
# Linking compares these with what documents say.
IDENTIFYING_FIELDS = ("given_names", "surname", "birth_date")


def add_family_member(case: Case, member: FamilyMember, *, actor, request=None) -> FamilyMember:
    """Add ``member`` (unsaved, as a form made it) to ``case``, and link the documents that name them."""
    with transaction.atomic():
        member.case = case
        member.save()
        record_event(actor=actor, action=AuditEvent.Action.CREATE, target=member, case_id=case.pk, request=request,
                     changes={field: [None, getattr(member, field)] for field in MEMBER_FIELDS})
        _note_change_by_sponsor(case, actor)
        member_identity_changed.send(FamilyMember, member=member, before=None, actor=actor, request=request)
    return member


def update_family_member(member: FamilyMember, values: dict, *, actor, request=None) -> dict:
    """Change a member's details; return (and record) the changes as field: [old, new]."""
    before = {field: getattr(member, field) for field in IDENTIFYING_FIELDS}
    changes = {}
    for field in MEMBER_FIELDS:
        if field in values and getattr(member, field) != values[field]:
            changes[field] = [getattr(member, field), values[field]]
            setattr(member, field, values[field])
    if not changes:
        return {}
    with transaction.atomic():
        member.save(update_fields=list(changes))
        record_event(actor=actor, action=AuditEvent.Action.CHANGE, target=member, case_id=member.case_id,
                     changes=changes, request=request)
        _note_change_by_sponsor(member.case, actor)
        if any(field in changes for field in IDENTIFYING_FIELDS):
            member_identity_changed.send(FamilyMember, member=member, before=before, actor=actor, request=request)
    return changes


def remove_family_member(member: FamilyMember, *, actor, request=None) -> None:
    """Take a member off the case. Their documents stay (no longer linked to them); the audit keeps their details."""
    with transaction.atomic():
        record_event(actor=actor, action=AuditEvent.Action.DELETE, target=member, case_id=member.case_id,
                     request=request,
                     changes={field: [getattr(member, field), None] for field in MEMBER_FIELDS}
                     | {"documents": [sorted(member.documents.values_list("pk", flat=True)), None]})
        _note_change_by_sponsor(member.case, actor)
        member.delete()


def mark_family_seen(case: Case, user) -> None:
    """A counsellor (or admin) of the case has looked: the dashboard stops saying "changed by the sponsor"."""
    if case.members_changed_by_sponsor_at is not None and can_manage_case(user, case):
        Case.objects.filter(pk=case.pk).update(members_changed_by_sponsor_at=None)
        case.members_changed_by_sponsor_at = None
        cases_changed.send(Case, case_ids=[case.pk])


def _note_change_by_sponsor(case: Case, actor) -> None:
    if actor is not None and actor.pk == case.sponsor_id:
        now = timezone.now()
        Case.objects.filter(pk=case.pk).update(members_changed_by_sponsor_at=now)
        case.members_changed_by_sponsor_at = now
        cases_changed.send(Case, case_ids=[case.pk])
