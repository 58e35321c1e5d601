"""Each case's checklist summary, stored: the rules run when a case's facts change, not on every dashboard view.

``refresh_summaries`` applies the rules' public evaluation (``rules.evaluate`` through ``dashboard.dashboard_row``)
to a batch of cases in a fixed number of queries and writes one ``CaseSummary`` row each. Signals refresh a case
when its documents, members, explanations, IND letters or own fields change; a Celery beat task refreshes every
case once a day, since days left and deadline states move with the date; the dashboards refresh, before they
read, any case whose summary is missing or from an earlier day.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db import models
from django.db.models import Exists, Min, OuterRef
from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.utils import timezone

from cases.models import Case, FamilyMember
from documents.models import Document

from .dashboard import DashboardRow, dashboard_row, document_members, with_evaluation_facts
from .models import CaseSummary, Explanation, IndLetter
from .page_cache import bump_cases, bump_for_cases

BATCH = 500
UPDATED_FIELDS = [field.name for field in CaseSummary._meta.concrete_fields if not field.primary_key]


def summary_of(row: DashboardRow, today: date, first_upload_at, previous: CaseSummary | None,
               attended: bool = False) -> CaseSummary:
    dues = [letter.response_due for letter in row.open_letters]
    if row.turns_adult_on:
        dues.append(row.turns_adult_on)
    days_left = row.evaluation.days_left
    if not row.filed and days_left is not None and days_left >= 0:
        dues.append(row.evaluation.deadline)
    if dues:
        urgency = CaseSummary.Urgency.DUE
    elif not row.filed and days_left is None:
        urgency = CaseSummary.Urgency.UNKNOWN
    else:
        urgency = CaseSummary.Urgency.NOTHING_DUE
    # Complete: something to prove, and nothing missing. A case without family members has proven nothing yet,
    # whatever the sponsor's own documents (the reports count it as not completed).
    complete = bool(row.evaluation.members) and row.requirements_total > 0 and row.missing == 0
    complete_since = None
    if complete:
        complete_since = (previous.complete_since if previous and previous.complete_since else timezone.now())
    return CaseSummary(
        case_id=row.case.pk, organisation_id=row.case.organisation_id, open=row.case.closed_on is None,
        attended=attended, computed_on=today, deadline=row.evaluation.deadline, deadline_state=row.deadline_state,
        requirements_met=row.requirements_met, requirements_total=row.requirements_total, missing=row.missing,
        awaiting_review=row.awaiting_review, being_read=row.being_read, removal_requests=row.removal_requests,
        open_letters=len(row.open_letters),
        next_response_due=row.next_response_due, has_herstelverzuim=row.has_herstelverzuim, urgency=urgency,
        next_due=min(dues, default=None), turns_adult_on=row.turns_adult_on, first_upload_at=first_upload_at, complete_since=complete_since,
    )


def refresh_summaries(case_ids: Iterable[int], today: date | None = None) -> int:
    """Apply the rules to these cases and store their summaries: a fixed number of queries per batch of 500."""
    today = today or timezone.localdate()
    ids = sorted(set(case_ids))
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        cases = with_evaluation_facts(Case.objects.filter(pk__in=chunk))
        linked = document_members(cases)
        previous = CaseSummary.objects.in_bulk(chunk)
        first_uploads = dict(Document.objects.filter(case_id__in=chunk).values("case_id")
                             .annotate(first=Min("created_at")).values_list("case_id", "first"))
        attended = set(active_counsellors(chunk).values_list("case_id", flat=True))
        summaries = [summary_of(dashboard_row(case, today, linked), today, first_uploads.get(case.pk),
                                previous.get(case.pk), case.pk in attended) for case in cases]
        CaseSummary.objects.bulk_create(summaries, update_conflicts=True, unique_fields=["case"],
                                        update_fields=UPDATED_FIELDS)
        # The pages showing these cases: their organisations' (a case moved to another organisation: both) and
        # their counsellors'.
        bump_cases({case.organisation_id for case in cases} | {old.organisation_id for old in previous.values()},
                   Case.counsellors.through.objects.filter(case_id__in=chunk).order_by()
                   .values_list("user_id", flat=True).distinct())
    return len(ids)


def active_counsellors(case_ids) -> models.QuerySet:
    """The links of these cases to their active counsellors."""
    return Case.counsellors.through.objects.filter(case_id__in=case_ids, user__is_active=True)


def refresh_attendance(case_ids: Iterable[int]) -> int:
    """Whether an active counsellor follows each of these cases, in one UPDATE (the rules need not run again);
    the pages showing them change (who follows a case, and who sees it)."""
    summaries = CaseSummary.objects.filter(case_id__in=case_ids)
    bump_for_cases(summaries.order_by().values_list("case_id", flat=True))
    return summaries.update(attended=Exists(
        Case.counsellors.through.objects.filter(case_id=OuterRef("case_id"), user__is_active=True)))


def refresh_case(case_id: int | None) -> None:
    if case_id is not None and Case.objects.filter(pk=case_id).exists():
        refresh_summaries([case_id])


def refresh_all(today: date | None = None) -> int:
    """Every case, for the day: run nightly by Celery beat (``tracker.refresh_case_summaries``)."""
    return refresh_summaries(Case.objects.values_list("pk", flat=True), today)


def refresh_stale(cases: models.QuerySet[Case], today: date) -> int:
    """The cases among ``cases`` whose summary is missing or from an earlier day (the nightly run not yet done)."""
    stale = cases.filter(models.Q(summary__isnull=True) | models.Q(summary__computed_on__lt=today))
    return refresh_summaries(stale.order_by().values_list("pk", flat=True), today)


# --- Keeping summaries up to date when facts change.


def _deleted_with_its_case(kwargs) -> bool:
    """A row deleted because its case is being purged: the summary goes with the case."""
    origin = kwargs.get("origin")
    model = getattr(origin, "model", type(origin))
    return model is Case


def _on_case_row_change(sender, instance, **kwargs):
    if kwargs.get("raw") or _deleted_with_its_case(kwargs):
        return
    refresh_case(instance.case_id)


def _on_case_change(sender, instance, created=False, update_fields=None, raw=False, **kwargs):
    if raw:
        return
    if not created and (update_fields is None or "organisation" in update_fields):
        # A case moved to another organisation takes its documents' counts along (Document.organisation).
        Document.objects.filter(case_id=instance.pk).exclude(organisation_id=instance.organisation_id) \
            .update(organisation_id=instance.organisation_id)
    refresh_case(instance.pk)


def _on_document_members_change(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if reverse:  # from the member's side: every document's case is the member's
        refresh_case(getattr(instance, "case_id", None))
    else:
        refresh_case(instance.case_id)


def _on_counsellors_change(sender, instance, action, reverse, pk_set, **kwargs):
    """A case's counsellors changed (from the case's side or the user's)."""
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        refresh_attendance([instance.pk])
    elif action == "post_clear":
        refresh_attendance(instance._cases_before_clear)
    else:
        refresh_attendance(pk_set or [])


def _before_counsellors_clear(sender, instance, action, reverse, **kwargs):
    if action == "pre_clear" and reverse:
        instance._cases_before_clear = list(instance.counselled_cases.values_list("pk", flat=True))


def _on_user_save(sender, instance, created=False, update_fields=None, raw=False, **kwargs):
    """A counsellor deactivated (or back): the cases they follow are or are no longer without an active one."""
    if raw or created or instance.role == "sponsor" or (update_fields is not None and "is_active" not in update_fields):
        return
    refresh_attendance(Case.counsellors.through.objects.filter(user_id=instance.pk).values("case_id"))


def _before_user_delete(sender, instance, **kwargs):
    instance._counselled_case_ids = list(
        Case.counsellors.through.objects.filter(user_id=instance.pk).values_list("case_id", flat=True))


def _on_user_delete(sender, instance, **kwargs):
    refresh_attendance(getattr(instance, "_counselled_case_ids", []))


def _on_cases_changed(sender, case_ids, **kwargs):
    """Cases (or their documents or members) changed through QuerySet.update() or bulk_create(), which send no
    post_save: their summaries are brought up to date (which replaces their organisations' page generation)."""
    refresh_summaries(case_ids)


def connect() -> None:
    """Called once from ``TrackerConfig.ready``."""
    from cases.signals import cases_changed

    cases_changed.connect(_on_cases_changed, dispatch_uid="summary-cases-changed")
    for model in (Document, FamilyMember, Explanation, IndLetter):
        post_save.connect(_on_case_row_change, sender=model, dispatch_uid=f"summary-save-{model.__name__}")
        post_delete.connect(_on_case_row_change, sender=model, dispatch_uid=f"summary-delete-{model.__name__}")
    post_save.connect(_on_case_change, sender=Case, dispatch_uid="summary-save-Case")
    m2m_changed.connect(_on_document_members_change, sender=Document.members.through,
                        dispatch_uid="summary-document-members")
    m2m_changed.connect(_before_counsellors_clear, sender=Case.counsellors.through,
                        dispatch_uid="summary-counsellors-before-clear")
    m2m_changed.connect(_on_counsellors_change, sender=Case.counsellors.through, dispatch_uid="summary-counsellors")
    user = get_user_model()
    post_save.connect(_on_user_save, sender=user, dispatch_uid="summary-counsellor-active")
    pre_delete.connect(_before_user_delete, sender=user, dispatch_uid="summary-counsellor-before-delete")
    post_delete.connect(_on_user_delete, sender=user, dispatch_uid="summary-counsellor-delete")
