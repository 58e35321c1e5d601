"""The dashboards' reading side: cases sorted, filtered, counted and paginated on their stored summaries.

A fixed number of queries whatever the caseload (tests/tracker/test_dashboard.py): the summaries of cases not
yet brought up to date today are refreshed first (usually none), then the page of cases with their summaries,
their counsellors, open IND letters and open tasks, and one query for the counts above the table.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Sum, Value, prefetch_related_objects
from django.utils import timezone

from .dashboard import (
    DashboardFilters,
    DashboardRow,
    DeadlineFilter,
    NeedsFilter,
    dashboard_cases,
    open_letters,
    open_tasks,
)
from .models import Case, CaseNote, CaseSummary, IndLetter
from .summaries import refresh_stale

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
        return not self.case.attended

    @property
    def open_letters(self) -> list[IndLetter]:
        return self.case.open_ind_letters

    @property
    def open_tasks(self) -> list[CaseNote]:
        return self.case.open_case_tasks

    next_task_due = DashboardRow.next_task_due


def dashboard_queryset(user, filters: DashboardFilters, today: date) -> QuerySet[Case]:
    """The cases of the dashboard, filtered and sorted in the database on their stored summaries.

    Cases no active counsellor follows first (someone must take them over); then those with a child turning 18
    before the deadline, the nearest birthday first (file before it); then the nearest date something
    must be done by (the deadline or an IND response date); then cases whose deadline is unknown (someone must
    find the decision date); then the rest. Within each, the most missing evidence and the most to review first.
    """
    cases = dashboard_cases(user, filters).filter(closed_on__isnull=True)  # closed cases wait for their purge
    refresh_stale(cases, today)
    if filters.deadline:
        cases = cases.filter(summary__deadline_state=filters.deadline)
    match filters.needs:
        case NeedsFilter.MISSING:
            cases = cases.filter(summary__missing__gt=0)
        case NeedsFilter.REVIEW:
            cases = cases.filter(summary__awaiting_review__gt=0)
        case NeedsFilter.IND:
            cases = cases.filter(summary__open_letters__gt=0)
        case NeedsFilter.PROPOSED_DATE:  # read from a document, or confirmed by the sponsor alone
            cases = cases.filter(Q(proposed_decision_date__isnull=False) | Q(decision_date_to_check=True))
    if user.is_counsellor:  # their own cases: they follow each of them
        attended = Value(True)
    else:
        attended = Exists(Case.counsellors.through.objects.filter(case_id=OuterRef("pk"), user__is_active=True))
    # The sponsor is fetched for the page only (entries): joining it for every matching case costs more.
    return cases.select_related(None).select_related("summary").annotate(attended=attended).order_by(
        "attended", F("summary__turns_adult_on").asc(nulls_last=True), "summary__urgency", F("summary__next_due").asc(nulls_last=True), "-summary__missing",
        "-summary__awaiting_review", "pk",
    )


def entries(cases, today: date) -> list[DashboardEntry]:
    """Rows for one page of cases: their counsellors, open IND letters and open tasks in one query each."""
    cases = list(cases)
    prefetch_related_objects(cases, "sponsor", "counsellors", open_letters(), open_tasks())
    return [DashboardEntry(case, today) for case in cases]


def dashboard_page(user, filters: DashboardFilters, page_number, today: date | None = None
                   ) -> tuple[Page, list[DashboardEntry], DashboardSummary]:
    """One page of the dashboard (``PAGE_SIZE`` cases), and the counts over every matching case."""
    today = today or timezone.localdate()
    cases = dashboard_queryset(user, filters, today)
    summary = summarise(cases)
    paginator = Paginator(cases, PAGE_SIZE)
    paginator.count = summary.cases  # counted already: spares the paginator its own COUNT query
    page = paginator.get_page(page_number)
    return page, entries(page.object_list, today), summary


def dashboard_rows(user, filters: DashboardFilters | None = None, today: date | None = None) -> list[DashboardEntry]:
    """Every case ``user`` follows that matches ``filters``, the most urgent first (unpaginated)."""
    today = today or timezone.localdate()
    return entries(dashboard_queryset(user, filters or DashboardFilters(), today), today)


@dataclass(frozen=True)
class DashboardSummary:
    cases: int
    due_soon: int
    passed: int
    awaiting_review: int
    open_letters: int
    unattended: int


def summarise(cases: QuerySet[Case]) -> DashboardSummary:
    """The counts above the table, over every matching case (not only the page shown), in one query."""
    totals = cases.order_by().aggregate(
        cases=Count("pk"),
        due_soon=Count("pk", filter=Q(summary__deadline_state=DeadlineFilter.DUE_SOON)),
        passed=Count("pk", filter=Q(summary__deadline_state=DeadlineFilter.PASSED)),
        awaiting_review=Sum("summary__awaiting_review"),
        open_letters=Sum("summary__open_letters"),
        unattended=Count("pk", filter=Q(attended=False)),
    )
    return DashboardSummary(**{name: value or 0 for name, value in totals.items()})
