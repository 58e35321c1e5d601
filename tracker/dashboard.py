"""The counsellor's dashboard: every case they follow, the most urgent first.

A fixed number of queries whatever the caseload: the cases, then one prefetch
each for members, documents, the documents' members, explanations and open
IND letters; the rules then run in Python on what was fetched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from cases.deadline import DEADLINE_MONTHS, add_months
from cases.models import Case, FamilyMember
from cases.selectors import cases_visible_to
from documents.models import Document

from . import rules
from .checklist import case_facts
from .models import CaseNote, IndLetter
from .policy_choice import policy_for



class DeadlineFilter(StrEnum):
    DUE_SOON = "due_soon"
    OPEN = "open"
    PASSED = "passed"
    UNKNOWN = "unknown"
    FILED = "filed"


class NeedsFilter(StrEnum):
    MISSING = "missing"  # evidence still missing
    REVIEW = "review"  # documents awaiting review
    IND = "ind"  # open questions from the IND
    PROPOSED_DATE = "proposed_date"  # a decision date read from a document awaits confirmation


@dataclass(frozen=True)
class DashboardFilters:
    query: str = ""
    deadline: str = ""  # a DeadlineFilter value, or "" for all
    needs: str = ""  # a NeedsFilter value, or "" for all
    counsellor_id: int | None = None  # admins: the cases of one counsellor


@dataclass(frozen=True)
class DashboardRow:
    case: Case
    evaluation: rules.CaseEvaluation
    requirements_met: int
    requirements_total: int
    missing: int  # requirements with status "missing", over the sponsor and eligible members
    awaiting_review: int  # documents read and waiting for a counsellor's review
    being_read: int  # documents not yet read
    removal_requests: int = 0  # accepted documents the sponsor asks to remove (only a counsellor may)
    open_letters: list[IndLetter] = field(default_factory=list)
    open_tasks: list[CaseNote] = field(default_factory=list)  # internal tasks not done yet, nearest due first

    @property
    def share_met(self) -> int:
        """Percentage of requirements met, 0 to 100."""
        return round(100 * self.requirements_met / self.requirements_total) if self.requirements_total else 0

    @property
    def filed(self) -> bool:
        return self.case.application_filed_on is not None

    @property
    def deadline_state(self) -> str:
        return DeadlineFilter.FILED if self.filed else str(self.evaluation.deadline_status)

    @property
    def unattended(self) -> bool:
        """No active counsellor follows the case (none assigned, or theirs was deactivated)."""
        return not any(counsellor.is_active for counsellor in self.case.counsellors.all())

    @property
    def next_response_due(self) -> date | None:
        return min((letter.response_due for letter in self.open_letters), default=None)

    @property
    def next_task_due(self) -> date | None:
        return min((task.due_on for task in self.open_tasks if task.due_on), default=None)

    @property
    def turns_adult_on(self) -> date | None:
        """The first 18th birthday of a child before the deadline: the application must go in before it."""
        return min((w.on for w in self.evaluation.warnings
                    if w.code == rules.WarningCode.TURNS_ADULT_BEFORE_DEADLINE and w.on), default=None)

    @property
    def has_herstelverzuim(self) -> bool:
        return any(letter.kind == IndLetter.Kind.HERSTELVERZUIM for letter in self.open_letters)

    def urgency(self) -> tuple:
        """Sort key: the nearest date something must be done by, then the most missing evidence.

        Cases no active counsellor follows come first of all: someone must take them over; then cases with a
        child who turns 18 before the deadline (file before the birthday), the nearest birthday first.
        Cases with nothing due (deadline unknown, passed, or the application filed and no IND question open)
        come after those with a date; of these, an unknown deadline first: someone must find the decision date.
        """
        dues = [letter.response_due for letter in self.open_letters]
        if self.turns_adult_on:
            dues.append(self.turns_adult_on)
        days_left = self.evaluation.days_left
        if not self.filed and days_left is not None and days_left >= 0:
            dues.append(self.evaluation.deadline)
        if dues:
            group, when = 0, min(dues).toordinal()
        elif not self.filed and days_left is None:
            group, when = 1, 0
        else:
            group, when = 2, 0
        turning_adult = self.turns_adult_on is not None
        return not self.unattended, not turning_adult, group, when, -self.missing, -self.awaiting_review, self.case.pk


# A V-number (or part of one) as typed: digits with spaces, dots or dashes between them, maybe a V before them
# ("V-123 456 7890", "v.1234"). Stored as its digits (``config.validators.v_number``), so searched as them.
_TYPED_V_NUMBER = re.compile(r"(?<!\S)(?:[Vv][\s.\-]*)?\d(?:[\s.\-]*\d)*(?![^\s.\-])")


def search_terms(query: str) -> list[str]:
    """The words every found case must match; a V-number typed in groups is one word of its digits."""
    return _TYPED_V_NUMBER.sub(lambda typed: re.sub(r"\D", "", typed.group()), query).split()


def dashboard_cases(user, filters: DashboardFilters) -> QuerySet[Case]:
    """The cases ``user`` may see, narrowed by the search and the counsellor filter."""
    cases = cases_visible_to(user)
    for term in search_terms(filters.query):
        cases = cases.filter(
            Q(v_number__icontains=term)
            | Q(sponsor__first_name__icontains=term)
            | Q(sponsor__last_name__icontains=term)
            | Q(sponsor__username__icontains=term)
            | Q(pk__in=FamilyMember.objects.filter(Q(given_names__icontains=term) | Q(surname__icontains=term))
                .values("case_id"))
        )
    if filters.counsellor_id and (user.is_superuser or user.is_coordinator):
        cases = cases.filter(counsellors__pk=filters.counsellor_id)
    return cases


def with_evaluation_facts(cases: QuerySet[Case]) -> QuerySet[Case]:
    """What the rules and the counts read, fetched in one query each (with ``document_members``)."""
    return cases.prefetch_related(
        "members",
        "explanations",
        # Only what the rules and the counts read; the documents' members come as id pairs (document_members).
        Prefetch("documents", queryset=Document.objects.filter(removed_at__isnull=True).only(
            "id", "case_id", "status", "kind", "languages", "review_status", "translation_of_id", "about_sponsor",
            "removal_requested_at", "expiry_date", "mrz", "fields")),
        open_letters(),
    )


def open_letters() -> Prefetch:
    return Prefetch("ind_letters", queryset=IndLetter.objects.filter(response_due__isnull=False,
                                                                     answered_on__isnull=True),
                    to_attr="open_ind_letters")


def open_tasks() -> Prefetch:
    """Internal tasks not done yet (notes with a due date or an assignee), the nearest due first."""
    return Prefetch("notes", queryset=CaseNote.objects.filter(done_at__isnull=True).exclude(
        due_on__isnull=True, assignee__isnull=True).order_by("due_on", "id"), to_attr="open_case_tasks")


def document_members(cases: QuerySet[Case]) -> dict[int, tuple[str, ...]]:
    """Document id to the ids of the members it is about, for every document of ``cases``, in one query.

    Tuples of ids rather than prefetched objects: for a few thousand documents this is many times faster.
    """
    pairs = Document.members.through.objects.filter(document__case__in=cases.values("pk"))
    linked: dict[int, list[str]] = {}
    for document_id, member_id in pairs.values_list("document_id", "familymember_id").order_by("id"):
        linked.setdefault(document_id, []).append(str(member_id))
    return {document_id: tuple(members) for document_id, members in linked.items()}


@dataclass(frozen=True)
class RequirementCounts:
    met: int
    total: int
    missing: int

    @property
    def share_met(self) -> int:
        """Percentage of requirements met, 0 to 100."""
        return round(100 * self.met / self.total) if self.total else 0


def requirement_counts(evaluation: rules.CaseEvaluation) -> RequirementCounts:
    """The requirements of the sponsor and of the members who can come: how many are met, how many missing."""
    requirements = [*evaluation.sponsor, *(r for m in evaluation.members if m.eligible for r in m.requirements)]
    return RequirementCounts(
        met=sum(r.status in rules.policy.COMPLETE_STATUSES for r in requirements),
        total=len(requirements),
        missing=sum(r.status == rules.RequirementStatus.MISSING for r in requirements),
    )


def dashboard_row(case: Case, today: date, linked: dict[int, tuple[str, ...]] | None = None) -> DashboardRow:
    """``linked``: ``document_members`` of the cases, fetched once; without it the documents' members are read."""
    documents = list(case.documents.all())
    policy = policy_for(case, today)
    evaluation = rules.evaluate(case_facts(case, list(case.members.all()), documents, linked, policy=policy), today)
    counts = requirement_counts(evaluation)
    return DashboardRow(
        case=case,
        evaluation=evaluation,
        requirements_met=counts.met,
        requirements_total=counts.total,
        missing=counts.missing,
        awaiting_review=sum(
            bool(d.is_finished and d.kind and d.review_status == Document.Review.PENDING) for d in documents
        ),
        being_read=sum(not d.is_finished for d in documents),
        removal_requests=sum(d.removal_requested_at is not None for d in documents),
        open_letters=list(getattr(case, "open_ind_letters", [])),
        open_tasks=list(getattr(case, "open_case_tasks", [])),
    )


def earliest_decision_date_for_deadline_on_or_after(day: date) -> date:
    """The first decision date whose deadline is ``day`` or later: deadlines as a database filter on decision dates.

    The deadline grows with the decision date (three calendar months, clamped to the month's end), so step up
    to the boundary from just below it.
    """
    candidate = add_months(day, -DEADLINE_MONTHS) - timedelta(days=4)
    while rules.deadline_for(candidate) < day:
        candidate += timedelta(days=1)
    return candidate


def filter_by_deadline(cases: QuerySet[Case], state: str, today: date) -> QuerySet[Case]:
    """The same deadline states as the dashboard rows, as a database filter (for the admin)."""
    if state == DeadlineFilter.FILED:
        return cases.filter(application_filed_on__isnull=False)
    cases = cases.filter(application_filed_on__isnull=True)
    starts_today = earliest_decision_date_for_deadline_on_or_after(today)
    beyond_due_soon = earliest_decision_date_for_deadline_on_or_after(today + timedelta(days=rules.DUE_SOON_DAYS + 1))
    match state:
        case DeadlineFilter.UNKNOWN:
            return cases.filter(permit_decision_date__isnull=True)
        case DeadlineFilter.PASSED:
            return cases.filter(permit_decision_date__lt=starts_today)
        case DeadlineFilter.DUE_SOON:
            return cases.filter(permit_decision_date__gte=starts_today, permit_decision_date__lt=beyond_due_soon)
        case DeadlineFilter.OPEN:
            return cases.filter(permit_decision_date__gte=beyond_due_soon)
    return cases
