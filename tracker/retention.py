"""Closing cases and purging them after the retention period, keeping only anonymous figures.

A counsellor closes a case when the family has arrived or the application was decided or withdrawn. The case
is purged ``CASE_RETENTION_DAYS`` after closing; the organisation's coordinators are warned
``RETENTION_WARNING_DAYS`` before (e-mail, and on their dashboard) and can extend the period. Before the purge,
``CaseFigures`` keeps what the reports need and nothing that names anyone: the organisation, dates, the close
reason and each document's upload day, kind, review outcome and standard rejection reason (never free text). Celery beat runs ``run_retention`` daily.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import User
from audit.models import AuditEvent
from audit.services import record_event
from cases.models import Case, CloseReason
from cases.signals import cases_changed
from documents.models import Document

from .models import CaseFigures, CaseSummary
from .purging import purge_case

RETENTION_WARNING_DAYS = 30
logger = logging.getLogger(__name__)


class RetentionError(Exception):
    """Why a case cannot be closed, reopened or kept longer; the message is for the person asking."""


def close_case(case: Case, reason: str, *, actor, request=None, today: date | None = None) -> None:
    if reason not in CloseReason.values:
        raise RetentionError(_("Choose why the case is closed."))
    if case.closed_on:
        raise RetentionError(_("This case is closed already."))
    today = today or timezone.localdate()
    case.closed_on, case.close_reason = today, reason
    case.purge_after = today + timedelta(days=settings.CASE_RETENTION_DAYS)
    case.purge_warned_on = None
    case.save(update_fields=["closed_on", "close_reason", "purge_after", "purge_warned_on", "updated_at"])
    record_event(actor=actor, action=AuditEvent.Action.CHANGE, target=case, case_id=case.pk, request=request,
                 changes={"closed_on": [None, today.isoformat()], "close_reason": ["", reason],
                          "purge_after": [None, case.purge_after.isoformat()]})


def reopen_case(case: Case, *, actor, request=None) -> None:
    if not case.closed_on:
        raise RetentionError(_("This case is open."))
    before = case.closed_on.isoformat()
    case.closed_on, case.close_reason, case.purge_after, case.purge_warned_on = None, "", None, None
    case.save(update_fields=["closed_on", "close_reason", "purge_after", "purge_warned_on", "updated_at"])
    record_event(actor=actor, action=AuditEvent.Action.CHANGE, target=case, case_id=case.pk, request=request,
                 changes={"closed_on": [before, None]})


def extend_retention(case: Case, *, actor, request=None, today: date | None = None) -> date:
    """Keep a closed case another ``CASE_RETENTION_DAYS`` from today; the coordinators are warned again then."""
    if not case.closed_on:
        raise RetentionError(_("Only a closed case is purged; this one is open."))
    today = today or timezone.localdate()
    before = case.purge_after
    case.purge_after = max(before or today, today) + timedelta(days=settings.CASE_RETENTION_DAYS)
    case.purge_warned_on = None
    case.save(update_fields=["purge_after", "purge_warned_on", "updated_at"])
    record_event(actor=actor, action=AuditEvent.Action.CHANGE, target=case, case_id=case.pk, request=request,
                 changes={"purge_after": [before.isoformat() if before else None, case.purge_after.isoformat()]})
    return case.purge_after


def purge_soon(cases, today: date | None = None):
    """Closed cases among ``cases`` purged within ``RETENTION_WARNING_DAYS``, the soonest first."""
    today = today or timezone.localdate()
    return (cases.filter(closed_on__isnull=False, purge_after__lte=today + timedelta(days=RETENTION_WARNING_DAYS))
            .select_related("sponsor").order_by("purge_after", "pk"))


def warn_coordinators(today: date | None = None) -> int:
    """One e-mail per coordinator listing their organisation's cases newly within a month of their purge."""
    today = today or timezone.localdate()
    due = list(purge_soon(Case.objects.filter(purge_warned_on__isnull=True), today))
    by_organisation: dict[int, list[Case]] = {}
    for case in due:
        by_organisation.setdefault(case.organisation_id, []).append(case)
    coordinators = User.objects.filter(role=User.Role.COORDINATOR, is_active=True,
                                       organisation_id__in=by_organisation).exclude(email="")
    for coordinator in coordinators:
        try:
            _warning(coordinator, by_organisation[coordinator.organisation_id]).send()
        except Exception:  # a mail server failing must not stop the purge's warnings being shown on the dashboard
            logger.exception("The retention warning to %s could not be sent", coordinator.pk)
    Case.objects.filter(pk__in=[case.pk for case in due]).update(purge_warned_on=today)
    cases_changed.send(Case, case_ids=[case.pk for case in due])
    return len(due)


def _warning(coordinator: User, cases: list[Case]) -> EmailMessage:
    with translation.override(coordinator.preferred_language or settings.LANGUAGE_CODE):
        lines = [_("These closed cases will be purged. Open a case and choose \"Keep longer\" to keep it."), ""]
        lines += [f"- {case.v_number or case.pk}: {case.purge_after.isoformat()} "
                  f"{settings.NAREIS_BASE_URL}/cases/{case.pk}/" for case in cases]
        return EmailMessage(subject=_("Nareis: closed cases will be purged within a month"),
                            body="\n".join(lines), to=[coordinator.email])


def keep_figures(case: Case) -> CaseFigures:
    """The anonymous figures of a case about to be purged."""
    summary = CaseSummary.objects.filter(case=case).first()
    documents = [[timezone.localdate(created).isoformat(), kind, review, reason] for created, kind, review, reason in
                 Document.objects.filter(case=case).values_list("created_at", "kind", "review_status",
                                                                "rejection_reason")]
    return CaseFigures.objects.create(
        organisation_id=case.organisation_id, opened_on=timezone.localdate(case.created_at), deadline=case.deadline,
        filed_on=case.application_filed_on, closed_on=case.closed_on, close_reason=case.close_reason,
        first_upload_at=summary.first_upload_at if summary else None,
        complete_since=summary.complete_since if summary else None, documents=documents,
    )


def purge_expired(today: date | None = None) -> int:
    """Purge every closed case whose retention period is over, keeping its anonymous figures."""
    today = today or timezone.localdate()
    purged = 0
    for case in Case.objects.filter(closed_on__isnull=False, purge_after__lt=today):
        with transaction.atomic():
            keep_figures(case)
            purge_case(case, actor=None)
        purged += 1
    return purged


def run_retention(today: date | None = None) -> tuple[int, int]:
    """The daily run: warn about cases purged within a month, then purge those whose time is up."""
    return warn_coordinators(today), purge_expired(today)
