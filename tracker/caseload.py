"""The dashboards' reading side: cases sorted, filtered, counted and paginated on their stored summaries.

A fixed number of queries whatever the caseload (tests/tracker/test_dashboard.py): one for the counts above the
table (which also finds summaries not yet brought up to date today, usually none), one for the page of summaries,
then the page's cases with their sponsors, their counsellors and open tasks.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass
from datetime import date
from functools import reduce

from django.core.paginator import Page, Paginator
from django.db.models import Count, F, Prefetch, Q, QuerySet, Sum, prefetch_related_objects
from django.utils import timezone

from accounts.models import User
from cases.models import Case
from cases.selectors import cases_visible_to

from .dashboard import (
    DashboardFilters,
    DashboardRow,
    DeadlineFilter,
    NeedsFilter,
    dashboard_cases,
    open_tasks,
)
from .models import CaseNote, CaseSummary
from .summaries import refresh_summaries

PAGE_SIZE = 25


@dataclass(frozen=True)
class DashboardEntry:
    """One case on a dashboard, read from its stored summary (``tracker.summaries``), not from the rules."""

    case: Case
    today: date

    @property
    def summary(self) -> CaseSummary:
        return self.case.summary

    requirements_met = property(lambda self: self.summary.requirements_met)
    requirements_total = property(lambda self: self.summary.requirements_total)
    missing = property(lambda self: self.summary.missing)
    awaiting_review = property(lambda self: self.summary.awaiting_review)
    being_read = property(lambda self: self.summary.being_read)
    removal_requests = property(lambda self: self.summary.removal_requests)
    deadline = property(lambda self: self.summary.deadline)
    deadline_state = property(lambda self: self.summary.deadline_state)
    next_response_due = property(lambda self: self.summary.next_response_due)
    turns_adult_on = property(lambda self: self.summary.turns_adult_on)
    has_herstelverzuim = property(lambda self: self.summary.has_herstelverzuim)
    share_met = DashboardRow.share_met
    filed = DashboardRow.filed

    @property
    def days_left(self) -> int | None:
        return (self.summary.deadline - self.today).days if self.summary.deadline else None

    @property
    def unattended(self) -> bool:
        """No active counsellor follows the case (none assigned, or theirs was deactivated)."""
        return not self.summary.attended

    open_letters = property(lambda self: self.summary.open_letters)  # how many IND questions are open

    @property
    def open_tasks(self) -> list[CaseNote]:
        return self.case.open_case_tasks

    next_task_due = DashboardRow.next_task_due


def dashboard_scope(user, filters: DashboardFilters) -> QuerySet[CaseSummary]:
    """The summaries of the open cases ``user`` follows (a coordinator: their organisation's), found by the search.

    A coordinator's page is read off one index (``summary_dashboard_order``: organisation, open, then the order of
    ``in_dashboard_order``) and counted over the organisation's summaries, without joining the cases. Which cases
    are shown is still decided by ``cases_visible_to`` (``entries``): a summary only says where to look.
    """
    summaries = CaseSummary.objects.filter(open=True)  # closed cases wait for their purge
    if user.is_superuser:
        pass
    elif (user.is_coordinator or user.is_counsellor) and user.organisation_id:
        summaries = summaries.filter(organisation_id=user.organisation_id)
        if not user.is_coordinator:  # a counsellor: the cases they follow
            summaries = summaries.filter(case__counsellors=user)
    else:
        return summaries.none()
    if filters.query or filters.counsellor_id:
        summaries = summaries.filter(case__in=dashboard_cases(user, filters).order_by().values("pk"))
    return summaries


def filter_condition(filters: DashboardFilters) -> Q | None:
    """The deadline and needs filters, as a condition on the summaries (``None``: no filter)."""
    conditions = []
    if filters.deadline:
        conditions.append(Q(deadline_state=filters.deadline))
    match filters.needs:
        case NeedsFilter.MISSING:
            conditions.append(Q(missing__gt=0))
        case NeedsFilter.REVIEW:
            conditions.append(Q(awaiting_review__gt=0))
        case NeedsFilter.IND:
            conditions.append(Q(open_letters__gt=0))
        case NeedsFilter.PROPOSED_DATE:  # read from a document, or confirmed by the sponsor alone
            conditions.append(Q(case__proposed_decision_date__isnull=False) | Q(case__decision_date_to_check=True))
    return reduce(operator.and_, conditions) if conditions else None


def in_dashboard_order(summaries: QuerySet[CaseSummary], condition: Q | None) -> QuerySet[CaseSummary]:
    """Cases no active counsellor follows first (someone must take them over); then those with a child turning 18
    before the deadline, the nearest birthday first (file before it); then the nearest date something
    must be done by (the deadline or an IND response date); then cases whose deadline is unknown (someone must
    find the decision date); then the rest. Within each, the most missing evidence and the most to review first.
    """
    if condition is not None:
        summaries = summaries.filter(condition)
    return summaries.order_by("attended", F("turns_adult_on").asc(nulls_last=True), "urgency",
                              F("next_due").asc(nulls_last=True), "-missing", "-awaiting_review", "case_id")


def refresh_outdated(summaries: QuerySet[CaseSummary], today: date) -> int:
    """Summaries from an earlier day (the nightly refresh not yet run): brought up to date before they are read.

    A case gets its summary when it is created (``tracker.summaries``), so only the day can have moved on.
    """
    return refresh_summaries(summaries.filter(computed_on__lt=today).order_by().values_list("case_id", flat=True),
                             today)


# What a row shows of a case and its sponsor: the rest (the facts the rules read) is summed up in the summary.
ROW_CASE_FIELDS = ("id", "sponsor_id", "organisation_id", "v_number", "permit_decision_date", "proposed_decision_date",
                   "decision_date_to_check", "application_filed_on", "members_changed_by_sponsor_at", "closed_on",
                   "sponsor__id", "sponsor__username", "sponsor__first_name", "sponsor__last_name")
COUNSELLOR_FIELDS = ("id", "username", "first_name", "last_name", "is_active", "role", "organisation_id")


def entries(user, summaries, today: date, with_counsellors: bool = True) -> list[DashboardEntry]:
    """Rows for these summaries: the cases ``user`` may see with their sponsors, then (where the page shows them)
    their counsellors and open tasks, in one query each (what the row shows of IND letters is in the summary)."""
    summaries = list(summaries)
    cases = (cases_visible_to(user).select_related("sponsor").only(*ROW_CASE_FIELDS)
             .in_bulk([summary.case_id for summary in summaries]))
    shown = []
    for summary in summaries:
        case = cases.get(summary.case_id)
        if case is not None:
            case.summary = summary
            shown.append(case)
    prefetch_related_objects(shown, *([Prefetch("counsellors", queryset=User.objects.only(*COUNSELLOR_FIELDS))]
                                      if with_counsellors else []), open_tasks())
    return [DashboardEntry(case, today) for case in shown]


def dashboard_page(user, filters: DashboardFilters, page_number, today: date | None = None,
                   with_counsellors: bool = True) -> tuple[Page, list[DashboardEntry], DashboardSummary]:
    """One page of the dashboard (``PAGE_SIZE`` cases), and the counts over every matching case (the rows'
    counsellors only ``with_counsellors``: a counsellor's own dashboard does not show them)."""
    today = today or timezone.localdate()
    scope, condition = dashboard_scope(user, filters), filter_condition(filters)
    summary = summarise(scope, condition, today)
    summaries = in_dashboard_order(scope, condition)
    paginator = Paginator(summaries, PAGE_SIZE)
    paginator.count = summary.cases  # counted already: spares the paginator its own COUNT query
    page = paginator.get_page(page_number)
    return page, entries(user, page.object_list, today, with_counsellors), summary


def dashboard_rows(user, filters: DashboardFilters | None = None, today: date | None = None) -> list[DashboardEntry]:
    """Every case ``user`` follows that matches ``filters``, the most urgent first (unpaginated)."""
    today = today or timezone.localdate()
    filters = filters or DashboardFilters()
    scope = dashboard_scope(user, filters)
    refresh_outdated(scope, today)
    return entries(user, in_dashboard_order(scope, filter_condition(filters)), today)


@dataclass(frozen=True)
class DashboardSummary:
    cases: int
    due_soon: int
    passed: int
    awaiting_review: int
    open_letters: int
    unattended: int


def summarise(scope: QuerySet[CaseSummary], condition: Q | None, today: date) -> DashboardSummary:
    """The counts above the table, over every case matching ``condition`` (not only the page shown), in one query.

    The same query tells whether any summary in ``scope`` is from an earlier day (the nightly refresh not yet run):
    those are brought up to date and counted again.
    """
    def only(extra: Q | None = None) -> Q | None:
        return extra if condition is None else (condition if extra is None else condition & extra)

    def count() -> dict:
        # Named apart from the fields: a filter on awaiting_review must not read the sum of that name.
        totals = scope.order_by().aggregate(
            n_outdated=Count("pk", filter=Q(computed_on__lt=today)),
            n_cases=Count("pk", filter=only()),
            n_due_soon=Count("pk", filter=only(Q(deadline_state=DeadlineFilter.DUE_SOON))),
            n_passed=Count("pk", filter=only(Q(deadline_state=DeadlineFilter.PASSED))),
            n_awaiting_review=Sum("awaiting_review", filter=only()),
            n_open_letters=Sum("open_letters", filter=only()),
            n_unattended=Count("pk", filter=only(Q(attended=False))),
        )
        return {name.removeprefix("n_"): value or 0 for name, value in totals.items()}

    totals = count()
    if totals.pop("outdated"):
        refresh_outdated(scope, today)
        totals = count()
        totals.pop("outdated")
    return DashboardSummary(**totals)
