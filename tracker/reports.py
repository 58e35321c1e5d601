"""Reports for coordinators (their organisation) and admins (every organisation, or one), over a period.

Each figure comes from the models and the audit trail in one query, so a report takes the same number of
queries for ten cases or a hundred thousand (tests/tracker/test_reports.py). Cases purged after their
retention period still count: ``CaseFigures`` keeps their anonymous figures (``tracker.retention``).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import BooleanField, Count, F, Func, IntegerField, OuterRef, QuerySet, Subquery, Sum, Value
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from audit.models import AuditEvent
from cases.models import Case
from documents.models import Document

from . import rules
from .dashboard import DeadlineFilter, earliest_decision_date_for_deadline_on_or_after
from .models import CaseFigures, CaseSummary

DEADLINE_STATE_LABELS = {
    DeadlineFilter.DUE_SOON: _("Due within a month"),
    DeadlineFilter.OPEN: _("More than a month left"),
    DeadlineFilter.PASSED: _("Passed"),
    DeadlineFilter.UNKNOWN: _("Decision date unknown"),
    DeadlineFilter.FILED: _("Application filed"),
}


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive

    @property
    def moments(self) -> tuple[datetime, datetime]:
        """The period as aware datetimes: from the start of ``start`` to the start of the day after ``end``."""
        zone = timezone.get_current_timezone()
        return (datetime.combine(self.start, time.min, zone),
                datetime.combine(self.end + timedelta(days=1), time.min, zone))


@dataclass(frozen=True)
class Table:
    """One table of the report: also its CSV download and the data of its chart."""

    slug: str
    title: str
    columns: list[str]
    rows: list[list] = field(default_factory=list)


@dataclass(frozen=True)
class Report:
    period: Period
    organisation_name: str
    deadlines_missed: int
    days_to_complete_median: float | None
    days_to_complete_p90: float | None
    completed: int
    tables: dict[str, Table]


def cases_in_scope(organisation_id: int | None) -> QuerySet[Case]:
    cases = Case.objects.all()
    return cases if organisation_id is None else cases.filter(organisation_id=organisation_id)


def summaries_in_scope(organisation_id: int | None) -> QuerySet[CaseSummary]:
    """The cases' stored summaries, by the organisation copied onto them (indexed, no join with the cases)."""
    summaries = CaseSummary.objects.all()
    return summaries if organisation_id is None else summaries.filter(organisation_id=organisation_id)


def build_report(organisation_id: int | None, period: Period, organisation_name: str = "") -> Report:
    cases = cases_in_scope(organisation_id)
    summaries = summaries_in_scope(organisation_id)
    figures = CaseFigures.objects.all() if organisation_id is None else \
        CaseFigures.objects.filter(organisation_id=organisation_id)
    # The documents of purged cases, kept in their figures: read once for both tables that count documents.
    purged = list(figures.filter(first_upload_at__lt=period.moments[1]).exclude(documents=[])
                  .values_list("documents", flat=True))
    missed = deadlines_missed(cases, figures, period)
    durations = days_to_complete(summaries, figures, period)
    tables = {table.slug: table for table in (
        by_deadline_state(summaries),
        documents_by_kind_and_review(organisation_id, purged, period),
        rejection_reasons(organisation_id, purged, period),
        workload(organisation_id, period),
    )}
    tables["completion"] = Table("completion", str(_("Days from the first upload to a complete case")),
                                 [str(_("Cases completed")), str(_("Median (days)")), str(_("90th percentile (days)"))],
                                 [[len(durations), _median(durations), _percentile(durations, 0.9)]])
    tables["missed"] = Table("missed", str(_("Deadlines missed")),
                             [str(_("Deadlines in the period")), str(_("Missed"))], [[missed[1], missed[0]]])
    return Report(period=period, organisation_name=organisation_name, deadlines_missed=missed[0],
                  days_to_complete_median=_median(durations), days_to_complete_p90=_percentile(durations, 0.9),
                  completed=len(durations), tables=tables)


def by_deadline_state(summaries: QuerySet[CaseSummary]) -> Table:
    """Every open case now, by where it stands against its deadline (from the stored summaries)."""
    counts = dict(summaries.filter(open=True).values_list("deadline_state").annotate(n=Count("pk")).order_by())
    rows = [[str(label), counts.get(state, 0)] for state, label in DEADLINE_STATE_LABELS.items()]
    return Table("deadlines", str(_("Open cases by deadline")), [str(_("Deadline")), str(_("Cases"))], rows)


def deadlines_missed(cases: QuerySet[Case], figures, period: Period) -> tuple[int, int]:
    """(missed, due): cases whose deadline fell in the period, and those of them not filed by that day.

    Live cases (by their decision date) and purged ones (their kept deadline) in one query.
    """
    first = earliest_decision_date_for_deadline_on_or_after(period.start)
    after = earliest_decision_date_for_deadline_on_or_after(period.end + timedelta(days=1))
    live = cases.filter(permit_decision_date__gte=first, permit_decision_date__lt=after).order_by() \
        .annotate(purged=Value(False, output_field=BooleanField())) \
        .values_list("permit_decision_date", "application_filed_on", "purged")
    purged = figures.filter(deadline__gte=period.start, deadline__lte=period.end).order_by() \
        .annotate(purged=Value(True, output_field=BooleanField())).values_list("deadline", "filed_on", "purged")
    due = missed = 0
    for day, filed, was_purged in live.union(purged, all=True):
        due += 1
        missed += filed is None or filed > (day if was_purged else rules.deadline_for(day))
    return missed, due


def days_to_complete(summaries: QuerySet[CaseSummary], figures, period: Period) -> list[float]:
    """Days from each case's first upload to the moment nothing was missing, for cases complete in the period
    (live and purged ones, in one query)."""
    start, end = period.moments
    live = summaries.filter(complete_since__gte=start, complete_since__lt=end, first_upload_at__isnull=False) \
        .order_by().values_list("first_upload_at", "complete_since")
    purged = figures.filter(complete_since__gte=start, complete_since__lt=end, first_upload_at__isnull=False) \
        .order_by().values_list("first_upload_at", "complete_since")
    return [max(0.0, (done - first).total_seconds() / 86400) for first, done in live.union(purged, all=True)]


def documents_in(organisation_id: int | None, period: Period) -> QuerySet[Document]:
    """Documents uploaded in the period, of the organisation's cases (of every case for ``None``): one range of
    the index on (organisation, upload time), which holds the kind and the review too."""
    start, end = period.moments
    documents = Document.objects.filter(created_at__gte=start, created_at__lt=end)
    return documents if organisation_id is None else documents.filter(organisation_id=organisation_id)


def documents_by_kind_and_review(organisation_id: int | None, purged: list[list], period: Period) -> Table:
    counts = (documents_in(organisation_id, period)  # COUNT(*): read off the index alone
              .values_list("kind", "review_status").annotate(n=Count("*")).order_by())
    kinds: dict[str, dict[str, int]] = {}
    for kind, review, n in counts:
        kinds.setdefault(kind or "", {})[review] = n
    first, last = period.start.isoformat(), period.end.isoformat()
    for uploaded_on, kind, review, *_reason in (row for documents in purged for row in documents):
        if first <= uploaded_on <= last:
            per = kinds.setdefault(kind or "", {})
            per[review] = per.get(review, 0) + 1
    labels = dict(Document.Kind.choices)
    reviews = list(Document.Review)
    rows = sorted(([str(labels.get(kind, _("Not known"))), *(per.get(r, 0) for r in reviews), sum(per.values())]
                   for kind, per in kinds.items()), key=lambda row: -row[-1])
    return Table("documents", str(_("Documents uploaded, by kind and review")),
                 [str(_("Kind")), *(str(r.label) for r in reviews), str(_("Total"))], rows)


def rejection_reasons(organisation_id: int | None, purged: list[list], period: Period, limit: int = 15) -> Table:
    """The standard reasons by their label (purged cases' too), other reasons by their text."""
    counts = (documents_in(organisation_id, period).filter(review_status=Document.Review.REJECTED)
              .values_list("rejection_reason", "review_reason").annotate(n=Count("*")).order_by())
    labels = dict(Document.RejectionReason.choices)
    totals: dict[str, int] = {}
    for code, text, n in counts:
        reason = str(labels[code]) if code in labels else (text.strip() or str(_("No reason given")))
        totals[reason] = totals.get(reason, 0) + n
    first, last = period.start.isoformat(), period.end.isoformat()
    for row in (row for documents in purged for row in documents):
        if len(row) > 3 and row[2] == Document.Review.REJECTED and first <= row[0] <= last:
            reason = str(labels[row[3]]) if row[3] in labels else str(_("No reason given"))
            totals[reason] = totals.get(reason, 0) + 1
    rows = sorted(([reason, n] for reason, n in totals.items()), key=lambda row: (-row[1], row[0]))[:limit]
    return Table("rejections", str(_("Rejection reasons")), [str(_("Reason")), str(_("Documents"))], rows)


def workload(organisation_id: int | None, period: Period) -> Table:
    """Per counsellor: open cases followed, documents waiting for review in them, reviews done in the period.

    Two queries: the counsellors, each with their reviews counted off the audit trail's index (who, what, when);
    then the open cases followed and their documents to review, grouped by counsellor, read off two indexes (the
    organisation's open summaries, and each case's counsellor links) without reading a row.
    """
    start, end = period.moments
    counsellors = User.objects.filter(role=User.Role.COUNSELLOR, is_superuser=False)  # admins are no counsellors
    followed = Case.counsellors.through.objects.filter(case__summary__open=True)
    if organisation_id is not None:
        counsellors = counsellors.filter(organisation_id=organisation_id)
        followed = followed.filter(case__summary__organisation_id=organisation_id)
    reviews = AuditEvent.objects.filter(actor=OuterRef("pk"), action=AuditEvent.Action.REVIEW, at__gte=start,
                                        at__lt=end)
    names = (counsellors.annotate(reviews=_total(reviews, "actor_id", "COUNT"))  # in the index: no row read
             .values_list("pk", "first_name", "last_name", "username", "is_active", "reviews")
             .order_by("first_name", "last_name", "username"))
    per_counsellor = {user_id: (open_count, to_review) for user_id, open_count, to_review in (
        followed.values("user_id").annotate(open_count=Count("case_id"), to_review=Sum("case__summary__awaiting_review"))
        .order_by().values_list("user_id", "open_count", "to_review"))}
    load = [(first, last, username, active, *per_counsellor.get(pk, (0, 0)), reviewed)
            for pk, first, last, username, active, reviewed in names]
    rows = [[(f"{first} {last}".strip() or username) + ("" if active else f" ({_('deactivated')})"),
             open_count or 0, to_review or 0, reviewed or 0]
            for first, last, username, active, open_count, to_review, reviewed in load]
    return Table("workload", str(_("Workload per counsellor")),
                 [str(_("Counsellor")), str(_("Open cases")), str(_("Documents to review")),
                  str(_("Reviews in the period"))], rows)


def _total(rows: QuerySet, field: str, function: str) -> Subquery:
    """COUNT or SUM of ``field`` over ``rows`` (which refer to the outer row), as a subquery of one value."""
    return Subquery(rows.order_by().annotate(total=Func(F(field), function=function)).values("total"),
                    output_field=IntegerField())


def _median(values: list[float]) -> float | None:
    return round(statistics.median(values), 1) if values else None


def _percentile(values: list[float], share: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))], 1)


def default_period(today: date | None = None) -> Period:
    today = today or timezone.localdate()
    return Period(start=today - timedelta(days=90), end=today)

