"""Each case's checklist summary is stored and follows its facts: documents, members, letters and the date."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from documents.models import Document
from tests.factories import CaseFactory, CounsellorFactory, DocumentFactory, FamilyMemberFactory
from tracker.caseload import PAGE_SIZE, dashboard_rows
from tracker.models import CaseSummary, IndLetter
from tracker.summaries import refresh_all

pytestmark = pytest.mark.django_db


def summary(case) -> CaseSummary:
    return CaseSummary.objects.get(case=case)


def test_a_new_case_is_summarised_and_a_member_changes_its_summary():
    case = CaseFactory()
    before = summary(case).requirements_total
    member = FamilyMemberFactory(case=case)
    assert summary(case).requirements_total > before
    member.delete()
    assert summary(case).requirements_total == before


def test_a_document_read_and_reviewed_changes_the_summary():
    case = CaseFactory()
    document = DocumentFactory(case=case, status=Document.Status.PROCESSING, kind="")
    assert (summary(case).being_read, summary(case).awaiting_review) == (1, 0)

    document.status, document.kind = Document.Status.DONE, Document.Kind.PASSPORT
    document.save()
    assert (summary(case).being_read, summary(case).awaiting_review) == (0, 1)

    document.review_status = Document.Review.ACCEPTED
    document.save()
    assert summary(case).awaiting_review == 0


def test_linking_a_document_to_a_member_changes_what_is_missing():
    case = CaseFactory()
    member = FamilyMemberFactory(case=case)
    missing = summary(case).missing
    document = DocumentFactory(case=case, kind=Document.Kind.PASSPORT, review_status=Document.Review.ACCEPTED)
    document.members.add(member)
    assert summary(case).missing < missing


def test_an_ind_letter_sets_the_next_response_date():
    case = CaseFactory()
    due = timezone.localdate() + timedelta(days=5)
    IndLetter.objects.create(case=case, received_on=timezone.localdate(), response_due=due, subject="Vragen")
    assert (summary(case).open_letters, summary(case).next_response_due) == (1, due)


def test_the_date_moving_on_moves_days_left_and_the_deadline_state():
    counsellor = CounsellorFactory()
    today = timezone.localdate()
    case = CaseFactory(counsellors=[counsellor], permit_decision_date=today - timedelta(days=70))
    assert summary(case).deadline_state == "due_soon"

    later = today + timedelta(days=40)
    [row] = dashboard_rows(counsellor, today=later)  # a summary from an earlier day is refreshed before reading
    assert row.deadline_state == "passed" and summary(case).computed_on == later

    refresh_all(today)  # what the nightly beat task does
    assert summary(case).deadline_state == "due_soon"


def test_a_purged_case_takes_its_summary_with_it():
    from tracker.purging import purge_case

    case = CaseFactory()
    FamilyMemberFactory(case=case)
    DocumentFactory(case=case)
    purge_case(case, actor=None)
    assert not CaseSummary.objects.exists()


def test_the_dashboard_pages_through_many_cases(client):
    counsellor = CounsellorFactory()
    for _ in range(PAGE_SIZE + 5):
        CaseFactory(counsellors=[counsellor])
    client.force_login(counsellor)
    first = client.get(reverse("tracker:case_list"))
    second = client.get(reverse("tracker:case_list"), {"page": 2})
    assert len(first.context["rows"]) == PAGE_SIZE and len(second.context["rows"]) == 5
    assert 'rel="next"' in first.content.decode()


def test_whether_an_active_counsellor_follows_the_case_is_stored_and_follows_the_counsellors():
    counsellor = CounsellorFactory()
    case = CaseFactory(organisation=counsellor.organisation)
    assert not summary(case).attended and summary(case).organisation_id == case.organisation_id

    case.counsellors.add(counsellor)  # assigned
    assert summary(case).attended
    counsellor.is_active = False  # deactivated: the case has no active counsellor any more
    counsellor.save()
    assert not summary(case).attended
    counsellor.is_active = True
    counsellor.save(update_fields=["is_active"])
    assert summary(case).attended

    case.counsellors.remove(counsellor)
    assert not summary(case).attended
    counsellor.counselled_cases.add(case)  # from the counsellor's side
    assert summary(case).attended
    counsellor.counselled_cases.clear()
    assert not summary(case).attended

    case.counsellors.add(counsellor)
    counsellor.delete()
    assert not summary(case).attended


def test_a_closed_case_leaves_the_dashboard_through_its_summary():
    counsellor = CounsellorFactory()
    case = CaseFactory(counsellors=[counsellor], organisation=counsellor.organisation)
    assert [row.case for row in dashboard_rows(counsellor)] == [case]

    case.closed_on = timezone.localdate()
    case.save()
    assert not summary(case).open and dashboard_rows(counsellor) == []


def test_a_dashboard_page_filtered_on_the_deadline_first_brings_yesterdays_summaries_up_to_date():
    from tracker.caseload import dashboard_page
    from tracker.dashboard import DashboardFilters

    counsellor = CounsellorFactory()
    today = timezone.localdate()
    case = CaseFactory(counsellors=[counsellor], permit_decision_date=today - timedelta(days=70))
    assert summary(case).deadline_state == "due_soon"

    later = today + timedelta(days=40)  # the nightly refresh has not run: the summary still says "due soon"
    _page, rows, counts = dashboard_page(counsellor, DashboardFilters(deadline="passed"), 1, today=later)
    assert [row.case for row in rows] == [case] and counts.cases == 1 and summary(case).computed_on == later


def test_a_document_read_again_is_counted_as_being_read_not_as_to_review():
    from documents.services import read_again

    case = CaseFactory()
    counsellor = CounsellorFactory(organisation=case.organisation)
    document = DocumentFactory(case=case, status=Document.Status.DONE, kind=Document.Kind.PASSPORT)
    assert (summary(case).being_read, summary(case).awaiting_review) == (0, 1)

    read_again([document], actor=counsellor)  # an UPDATE: no post_save

    assert (summary(case).being_read, summary(case).awaiting_review) == (1, 0)


def test_a_case_without_family_members_is_not_complete():
    case = CaseFactory()
    DocumentFactory(case=case, kind=Document.Kind.ASYLUM_DECISION, review_status=Document.Review.ACCEPTED)
    alone = summary(case)
    assert (alone.requirements_total, alone.missing) == (1, 0)  # the sponsor's decision: all there is, and there

    assert alone.complete_since is None



def test_the_report_does_not_count_a_case_without_family_members_as_completed():
    from tracker.reports import Period, build_report

    case = CaseFactory()
    DocumentFactory(case=case, kind=Document.Kind.ASYLUM_DECISION, review_status=Document.Review.ACCEPTED)
    today = timezone.localdate()

    report = build_report(case.organisation_id, Period(today - timedelta(days=30), today))

    assert report.completed == 0 and report.tables["completion"].rows[0][0] == 0
