"""The date on the asylum decision, which fixes the nareis deadline.

The pipeline reads it from an uploaded decision; it is only *proposed* until the
sponsor or a counsellor confirms it, because a misread date would move the
deadline without anyone noticing.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction

from audit.models import AuditEvent
from audit.services import record_event
from cases.models import Case
from cases.signals import cases_changed

from . import rules
from .models import DecisionDateProposal
from .rules import DocumentKind


def read_decision_date(fields: dict | None) -> date | None:
    value = (fields or {}).get("decision_date")
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def propose_decision_date(document) -> date | None:
    """Called after a document is read: an asylum decision proposes its date for the case; returns it.

    Nothing is proposed when the case already has that date.
    """
    if document.kind != DocumentKind.ASYLUM_DECISION:
        return None
    decision_date = read_decision_date(document.fields)
    if decision_date is None:
        return None
    case = Case.objects.get(pk=document.case_id)
    if case.permit_decision_date == decision_date:
        return None
    Case.objects.filter(pk=case.pk).update(proposed_decision_date=decision_date)
    cases_changed.send(Case, case_ids=[case.pk])
    DecisionDateProposal.objects.update_or_create(case_id=case.pk, defaults={"document_id": document.pk})
    record_event(actor=None, action=AuditEvent.Action.CHANGE, target=case, case_id=case.pk,
                 changes={"proposed_decision_date": [case.proposed_decision_date, decision_date]})
    return decision_date


def proposed_deadline(case: Case, today: date) -> tuple[date, int] | None:
    """The deadline the proposed date would give, and the days it leaves: shown before anyone confirms it."""
    if case.proposed_decision_date is None:
        return None
    deadline = rules.deadline_for(case.proposed_decision_date)
    return deadline, (deadline - today).days


def confirm_proposed_decision_date(case: Case, *, actor, by_counsellor: bool, request=None) -> date | None:
    """The proposed date becomes the case's decision date (and so fixes the deadline).

    Confirmed by the sponsor alone, the date is still to be checked by a counsellor (``decision_date_to_check``).
    """
    with transaction.atomic():
        case = Case.objects.select_for_update().get(pk=case.pk)
        proposed = case.proposed_decision_date
        if proposed is None:
            return None
        old = case.permit_decision_date
        case.permit_decision_date = proposed
        case.proposed_decision_date = None
        case.decision_date_to_check = not by_counsellor
        case.save(update_fields=["permit_decision_date", "proposed_decision_date", "decision_date_to_check",
                                 "updated_at"])
        DecisionDateProposal.objects.filter(case_id=case.pk).delete()
        record_event(actor=actor, action=AuditEvent.Action.CHANGE, target=case, case_id=case.pk, request=request,
                     changes={"permit_decision_date": [old, proposed],
                              "decision_date_to_check": [False, case.decision_date_to_check]})
    return proposed


def check_decision_date(case: Case, *, actor, request=None) -> bool:
    """A counsellor checked the date the sponsor confirmed; returns whether there was anything to check."""
    with transaction.atomic():
        updated = Case.objects.filter(pk=case.pk, decision_date_to_check=True).update(decision_date_to_check=False)
        if updated:
            case.decision_date_to_check = False
            cases_changed.send(Case, case_ids=[case.pk])
            record_event(actor=actor, action=AuditEvent.Action.CHANGE, target=case, case_id=case.pk, request=request,
                         changes={"decision_date_to_check": [True, False]})
    return bool(updated)


def dismiss_proposed_decision_date(case: Case, *, actor, request=None) -> None:
    with transaction.atomic():
        proposed = case.proposed_decision_date
        Case.objects.filter(pk=case.pk).update(proposed_decision_date=None)
        cases_changed.send(Case, case_ids=[case.pk])
        DecisionDateProposal.objects.filter(case_id=case.pk).delete()
        record_event(actor=actor, action=AuditEvent.Action.CHANGE, target=case, case_id=case.pk, request=request,
                     changes={"proposed_decision_date": [proposed, None]})


def forget_proposal_from(document) -> None:
    """A deleted or rejected decision no longer proposes anything."""
    proposals = DecisionDateProposal.objects.filter(case_id=document.case_id, document_id=document.pk)
    if proposals.exists():
        Case.objects.filter(pk=document.case_id).update(proposed_decision_date=None)
        cases_changed.send(Case, case_ids=[document.case_id])
        proposals.delete()
