"""Reports: the figures a coordinator needs, for their organisation only, in a fixed number of queries."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from documents.models import Document
from tests.factories import (
    AdminFactory,
    CaseFactory,
    CoordinatorFactory,
    CounsellorFactory,
    DocumentFactory,
    FamilyMemberFactory,
    OrganisationFactory,
)
from tracker.models import CaseSummary
from tracker.reports import Period, build_report
from tracker.rules import deadline_for
from tracker.views_reports import ReportForm

pytestmark = pytest.mark.django_db


def days_ago(days: int):
    return timezone.localdate() - timedelta(days=days)


@pytest.fixture
def ours():
    return OrganisationFactory(name="Gemeente Utrecht")


def test_a_deadline_that_passed_unfiled_in_the_period_is_missed_and_a_filed_one_is_not(ours):
    missed = CaseFactory(organisation=ours, permit_decision_date=days_ago(100))
    filed = CaseFactory(organisation=ours, permit_decision_date=days_ago(100))
    filed.application_filed_on = deadline_for(filed.permit_decision_date) - timedelta(days=3)
    filed.save()
    CaseFactory(organisation=ours, permit_decision_date=days_ago(10))  # deadline still ahead
    CaseFactory(organisation=OrganisationFactory(name="Elders"), permit_decision_date=days_ago(100))

    report = build_report(ours.pk, Period(days_ago(60), timezone.localdate()))

    assert report.deadlines_missed == 1
    assert report.tables["missed"].rows == [[2, 1]]
    assert missed.pk  # the unfiled one


def test_days_from_first_upload_to_complete(ours):
    case = CaseFactory(organisation=ours)
    DocumentFactory(case=case, kind=Document.Kind.ASYLUM_DECISION, review_status="accepted")
    summary = CaseSummary.objects.get(case=case)
    summary.first_upload_at = timezone.now() - timedelta(days=12)
    summary.complete_since = timezone.now() - timedelta(days=2)
    summary.save()

    report = build_report(ours.pk, Period(days_ago(30), timezone.localdate()))

    assert report.completed == 1 and report.days_to_complete_median == 10.0


def test_documents_rejections_and_workload(ours):
    counsellor = CounsellorFactory(organisation=ours, first_name="Sanne", last_name="de Vries")
    case = CaseFactory(organisation=ours, counsellors=[counsellor])
    member = FamilyMemberFactory(case=case)
    DocumentFactory(case=case, kind=Document.Kind.PASSPORT, review_status="rejected", review_reason="Too dark")
    DocumentFactory(case=case, kind=Document.Kind.PASSPORT, review_status="pending").members.add(member)
    AuditEvent.objects.create(actor=counsellor, action=AuditEvent.Action.REVIEW, target_type="documents.document",
                              target_id="1", case_id=case.pk)

    tables = build_report(ours.pk, Period(days_ago(30), timezone.localdate())).tables

    [passports] = tables["documents"].rows
    assert passports[0] == "Passport" and passports[-1] == 2
    assert tables["rejections"].rows == [["Too dark", 1]]
    assert tables["workload"].rows == [["Sanne de Vries", 1, 1, 1]]


def make_organisation_with(cases: int, organisation):
    counsellor = CounsellorFactory(organisation=organisation)
    for n in range(cases):
        case = CaseFactory(organisation=organisation, counsellors=[counsellor], permit_decision_date=days_ago(n * 7))
        DocumentFactory(case=case, review_status="rejected", review_reason=f"Reason {n % 3}")


# session, user with organisation; deadlines missed, days to complete, open cases by deadline, documents of purged
# cases, documents, rejections, the counsellors with their reviews, the cases they follow
REPORT_QUERIES = 10


@pytest.mark.parametrize("cases", [2, 30])
def test_the_report_takes_the_same_number_of_queries_for_few_or_many_cases(client, django_assert_num_queries,
                                                                           ours, cases):
    make_organisation_with(cases, ours)
    client.force_login(CoordinatorFactory(organisation=ours))

    with django_assert_num_queries(REPORT_QUERIES):
        response = client.get(reverse("tracker:reports"), {"period": "year"})

    assert response.status_code == 200
    page = response.content.decode()
    assert page.count('<svg xmlns="http://www.w3.org/2000/svg" class="chart"') == 4 and "<script" not in page.split("</header>")[1]


def test_a_coordinator_sees_only_their_organisation_and_an_admin_chooses(client, ours):
    make_organisation_with(3, ours)
    elsewhere = OrganisationFactory(name="Elders")
    make_organisation_with(5, elsewhere)

    client.force_login(CoordinatorFactory(organisation=ours))
    response = client.get(reverse("tracker:report_csv", args=["rejections"]), {"period": "year"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Reason", "Documents"] and sum(int(n) for _, n in rows[1:]) == 3
    assert response["Content-Type"].startswith("text/csv")

    client.force_login(AdminFactory())
    every = client.get(reverse("tracker:report_csv", args=["rejections"]), {"period": "year"})
    assert sum(int(n) for _, n in list(csv.reader(io.StringIO(every.content.decode("utf-8-sig"))))[1:]) == 8
    one = client.get(reverse("tracker:report_csv", args=["rejections"]), {"period": "year", "organisation": elsewhere.pk})
    assert sum(int(n) for _, n in list(csv.reader(io.StringIO(one.content.decode("utf-8-sig"))))[1:]) == 5


def test_the_period_field_names_the_three_months_shown_when_none_was_chosen(client, ours):
    client.force_login(CoordinatorFactory(organisation=ours))
    form = client.get(reverse("tracker:reports")).context["form"]
    assert form["period"].value() == "quarter"  # "Last 3 months" selected, not "Chosen dates" with empty dates


@pytest.mark.parametrize("start, end", [("0001-01-01", "9999-12-31"), ("9999-12-31", "9999-12-31")])
def test_dates_out_of_reach_are_cut_to_days_that_have_been(client, ours, start, end):
    """A year typed 9999 gave a 500 (a date out of range) instead of a report."""
    client.force_login(CoordinatorFactory(organisation=ours))
    for url in (reverse("tracker:reports"), reverse("tracker:report_csv", args=["missed"])):
        response = client.get(url, {"period": "", "start": start, "end": end})
        assert response.status_code == 200, url
    period = ReportForm({"period": "", "start": start, "end": end}, user=CoordinatorFactory()).period_chosen()
    assert period.end == timezone.localdate() and period.start.year >= 1900


def test_a_counsellor_gets_no_reports(client):
    client.force_login(CounsellorFactory())
    assert client.get(reverse("tracker:reports")).status_code == 403


def test_an_unknown_table_is_not_found(client, ours):
    client.force_login(CoordinatorFactory(organisation=ours))
    assert client.get(reverse("tracker:report_csv", args=["nothing"])).status_code == 404


def test_a_case_moved_to_another_organisation_takes_its_documents_into_that_organisations_report(ours):
    elders = OrganisationFactory(name="Elders")
    case = CaseFactory(organisation=ours)
    DocumentFactory(case=case, kind=Document.Kind.PASSPORT)
    period = Period(days_ago(30), timezone.localdate())
    assert build_report(ours.pk, period).tables["documents"].rows[0][-1] == 1

    case.organisation = elders
    case.save()

    assert build_report(ours.pk, period).tables["documents"].rows == []
    assert build_report(elders.pk, period).tables["documents"].rows[0][-1] == 1
    assert CaseSummary.objects.get(case=case).organisation_id == elders.pk


def test_a_csv_opens_in_a_spreadsheet_with_names_in_any_script(client, ours):
    """Excel takes a CSV without a byte order mark for the local code page and garbles a counsellor's "ı" or "ë"."""
    from tests.factories import CounsellorFactory

    CounsellorFactory(organisation=ours, first_name="Ahmet", last_name="Yıldız")
    client.force_login(CoordinatorFactory(organisation=ours))
    content = client.get(reverse("tracker:report_csv", args=["workload"]), {"period": "year"}).content
    assert content.startswith("\ufeff".encode())
    assert "Ahmet Yıldız" in content.decode("utf-8-sig")


@pytest.mark.parametrize(("language", "separator", "median"), [("nl", ";", "10,0"), ("tr", ";", "10,0"),
                                                                ("en", ",", "10.0"), ("fa", ",", "10.0")])
def test_a_csv_parts_its_fields_as_a_spreadsheet_in_the_users_language_does(client, ours, language, separator,
                                                                             median):
    """Dutch Excel (decimal comma) opens a comma-separated file in one column: there, fields part with ';'."""
    case = CaseFactory(organisation=ours)
    DocumentFactory(case=case, kind=Document.Kind.ASYLUM_DECISION, review_status="accepted")
    CaseSummary.objects.filter(case=case).update(first_upload_at=timezone.now() - timedelta(days=12),
                                                 complete_since=timezone.now() - timedelta(days=2))
    client.force_login(CoordinatorFactory(organisation=ours, preferred_language=language))

    content = client.get(reverse("tracker:report_csv", args=["completion"]), {"period": "year"}).content

    assert content.startswith("\ufeff".encode())
    header, values = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=separator))
    assert len(header) == 3 and values == ["1", median, median]
