"""The counsellor's dashboard: the most urgent case first, filters, search, a fixed number of queries."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from documents.models import Document
from tests.factories import (
    AdminFactory,
    CaseFactory,
    CoordinatorFactory,
    CounsellorFactory,
    DocumentFactory,
    FamilyMemberFactory,
)
from tracker.caseload import PAGE_SIZE, dashboard_rows
from tracker.dashboard import DashboardFilters, earliest_decision_date_for_deadline_on_or_after
from tracker.models import IndLetter
from tracker.rules import deadline_for

pytestmark = pytest.mark.django_db


def decided_days_ago(days: int) -> date:
    return timezone.localdate() - timedelta(days=days)


def test_the_case_nearest_its_deadline_comes_first_and_unknown_and_passed_come_last():
    counsellor = CounsellorFactory()
    later = CaseFactory(counsellors=[counsellor], permit_decision_date=decided_days_ago(10))
    sooner = CaseFactory(counsellors=[counsellor], permit_decision_date=decided_days_ago(80))
    unknown = CaseFactory(counsellors=[counsellor], permit_decision_date=None)
    passed = CaseFactory(counsellors=[counsellor], permit_decision_date=decided_days_ago(120))
    CaseFactory(permit_decision_date=decided_days_ago(85))  # another counsellor's case

    rows = dashboard_rows(counsellor)

    assert [row.case for row in rows] == [sooner, later, unknown, passed]
    assert rows[0].deadline_state == "due_soon"
    assert rows[0].days_left == (deadline_for(sooner.permit_decision_date) - timezone.localdate()).days


def test_with_the_same_deadline_the_case_missing_more_evidence_comes_first():
    counsellor = CounsellorFactory()
    decided = decided_days_ago(50)
    fuller = CaseFactory(counsellors=[counsellor], permit_decision_date=decided)
    DocumentFactory(case=fuller, kind=Document.Kind.ASYLUM_DECISION, review_status=Document.Review.ACCEPTED)
    emptier = CaseFactory(counsellors=[counsellor], permit_decision_date=decided)
    FamilyMemberFactory(case=emptier)

    assert [row.case for row in dashboard_rows(counsellor)] == [emptier, fuller]


def test_an_ind_question_due_soon_makes_a_case_urgent_even_after_filing():
    counsellor = CounsellorFactory()
    near = CaseFactory(counsellors=[counsellor], permit_decision_date=decided_days_ago(70))
    filed = CaseFactory(counsellors=[counsellor], permit_decision_date=decided_days_ago(60),
                        application_filed_on=decided_days_ago(5))
    IndLetter.objects.create(case=filed, kind=IndLetter.Kind.HERSTELVERZUIM, received_on=decided_days_ago(1),
                             response_due=timezone.localdate() + timedelta(days=3), subject="Ontbrekende stukken")

    rows = dashboard_rows(counsellor)

    assert [row.case for row in rows] == [filed, near]
    assert rows[0].deadline_state == "filed" and rows[0].has_herstelverzuim


def test_the_row_counts_requirements_met_documents_to_review_and_open_questions():
    counsellor = CounsellorFactory()
    case = CaseFactory(counsellors=[counsellor])
    child = FamilyMemberFactory(case=case)
    passport = DocumentFactory(case=case, kind=Document.Kind.PASSPORT, review_status=Document.Review.ACCEPTED)
    passport.members.add(child)
    birth = DocumentFactory(case=case, kind=Document.Kind.BIRTH_CERTIFICATE)  # awaiting review
    birth.members.add(child)
    DocumentFactory(case=case, status=Document.Status.QUEUED, kind="")
    IndLetter.objects.create(case=case, received_on=decided_days_ago(3), response_due=timezone.localdate(),
                             subject="Vragen")
    IndLetter.objects.create(case=case, received_on=decided_days_ago(3), response_due=timezone.localdate(),
                             subject="Beantwoord", answered_on=timezone.localdate())

    [row] = dashboard_rows(counsellor)

    # Sponsor: asylum decision missing. Child: identity satisfied, family bond pending, photo missing.
    assert (row.requirements_met, row.requirements_total, row.missing) == (1, 4, 2)
    assert row.share_met == 25
    assert row.awaiting_review == 1 and row.being_read == 1
    assert row.open_letters == 1 and row.next_response_due == timezone.localdate()  # the answered one not


def test_search_by_member_name_sponsor_name_or_v_number():
    counsellor = CounsellorFactory()
    yonas = CaseFactory(counsellors=[counsellor], v_number="2233445566")
    FamilyMemberFactory(case=yonas, given_names="Yonas", surname="Haile")
    other = CaseFactory(counsellors=[counsellor], v_number="9988776655")
    other.sponsor.last_name = "Rahimi"
    other.sponsor.save()

    def found(query):
        return [row.case for row in dashboard_rows(counsellor, DashboardFilters(query=query))]

    assert found("yonas") == [yonas]
    assert found("haile yonas") == [yonas]
    assert found("22334") == [yonas]
    assert found("rahimi") == [other]
    assert found("nobody") == []


@pytest.mark.parametrize("typed", ["V-223 344 5566", "v2233445566", "V 22.33.44.55.66", "223-344-5566", "344 55",
                                   "Yonas V-2233 445566"])
def test_search_finds_a_v_number_typed_in_groups_or_with_the_v_before_it(typed):
    """V-numbers are stored as their 10 digits; "V-123 456 7890" was searched as three words, found nothing."""
    counsellor = CounsellorFactory()
    yonas = CaseFactory(counsellors=[counsellor], v_number="2233445566")
    FamilyMemberFactory(case=yonas, given_names="Yonas", surname="Haile")
    CaseFactory(counsellors=[counsellor], v_number="9988776655")

    assert [row.case for row in dashboard_rows(counsellor, DashboardFilters(query=typed))] == [yonas]


def test_search_terms_keep_names_and_join_only_a_typed_v_number():
    from tracker.dashboard import search_terms

    assert search_terms("V-123 456 7890") == ["1234567890"]
    assert search_terms("Vera 12 34 Haile") == ["Vera", "1234", "Haile"]
    assert search_terms("Valentina v.12.34") == ["Valentina", "1234"]


def test_filters_by_deadline_and_by_what_is_needed(client):
    counsellor = CounsellorFactory()
    soon = CaseFactory(counsellors=[counsellor], permit_decision_date=decided_days_ago(80))
    roomy = CaseFactory(counsellors=[counsellor], permit_decision_date=decided_days_ago(5))
    DocumentFactory(case=roomy, kind=Document.Kind.ASYLUM_DECISION)
    client.force_login(counsellor)

    def shown(**params):
        response = client.get(reverse("tracker:case_list"), params)
        assert response.status_code == 200
        return [row.case for row in response.context["rows"]]

    assert shown(deadline="due_soon") == [soon]
    assert shown(deadline="open") == [roomy]
    assert shown(needs="review") == [roomy]
    assert shown(deadline="nonsense") == [soon, roomy]  # an unknown filter shows everything rather than failing


def test_the_dashboard_page_shows_days_left_share_and_links_to_each_case(client):
    counsellor = CounsellorFactory()
    case = CaseFactory(counsellors=[counsellor], permit_decision_date=decided_days_ago(80), v_number="1234567890")
    client.force_login(counsellor)

    page = client.get(reverse("tracker:case_list")).content.decode()

    days_left = (deadline_for(case.permit_decision_date) - timezone.localdate()).days
    assert f'data-days-left="{days_left}"' in page
    assert reverse("tracker:case_detail", args=[case.pk]) in page
    assert "1234567890" in page


def test_admins_see_every_case_and_can_narrow_to_one_counsellor(client):
    counsellor = CounsellorFactory()
    mine = CaseFactory(counsellors=[counsellor])
    CaseFactory(counsellors=[CounsellorFactory()])
    client.force_login(AdminFactory())

    response = client.get(reverse("tracker:case_list"))
    assert len(response.context["rows"]) == 2
    assert "<h1>All cases</h1>" in response.content.decode()  # not "My cases": an admin follows none of them
    narrowed = client.get(reverse("tracker:case_list"), {"counsellor": counsellor.pk}).context["rows"]
    assert [row.case for row in narrowed] == [mine]


def test_a_sponsor_still_goes_straight_to_their_case(client):
    case = CaseFactory()
    client.force_login(case.sponsor)
    response = client.get(reverse("tracker:case_list"))
    assert response.status_code == 302 and response.url == reverse("tracker:case_detail", args=[case.pk])


@pytest.mark.parametrize("decision", [date(2026, 8, 31), date(2026, 11, 30), date(2024, 2, 29), date(2026, 1, 1)])
def test_the_deadline_boundary_on_decision_dates_matches_the_rules(decision):
    deadline = deadline_for(decision)
    boundary = earliest_decision_date_for_deadline_on_or_after(deadline)
    assert deadline_for(boundary) >= deadline and deadline_for(boundary - timedelta(days=1)) < deadline


def make_caseload(counsellor, cases: int) -> None:
    for index in range(cases):
        case = CaseFactory(counsellors=[counsellor], permit_decision_date=decided_days_ago(index * 2 % 120))
        spouse = FamilyMemberFactory(case=case, relation="spouse", birth_date=date(1990, 1, 1))
        child = FamilyMemberFactory(case=case)
        document = DocumentFactory(case=case, languages=["ar"])
        document.members.add(spouse, child)
        translation = DocumentFactory(case=case, kind=Document.Kind.TRANSLATION, translation_of=document)
        translation.members.add(spouse)
        IndLetter.objects.create(case=case, received_on=decided_days_ago(2), response_due=timezone.localdate(),
                                 subject="Vragen")


# session, user (with their organisation), the counts (and whether a summary is from an earlier day), the page of
# summaries, their cases and sponsors, counsellors, open tasks, my tasks
DASHBOARD_QUERIES = 8


# More than two pages of cases whose deadlines spread over four months (the summary counts each state).
MANY_CASES = 2 * PAGE_SIZE + 10


@pytest.mark.parametrize("cases", [1, MANY_CASES])
def test_the_dashboard_takes_the_same_number_of_queries_for_one_or_many_cases(client, django_assert_max_num_queries,
                                                                              cases):
    counsellor = CounsellorFactory()
    make_caseload(counsellor, cases)
    client.force_login(counsellor)

    with django_assert_max_num_queries(DASHBOARD_QUERIES):
        response = client.get(reverse("tracker:case_list"))

    assert response.status_code == 200
    assert len(response.context["rows"]) == min(cases, PAGE_SIZE)
    assert response.context["summary"].cases == cases


@pytest.mark.parametrize("cases", [1, MANY_CASES])
def test_the_admins_dashboard_takes_the_same_number_of_queries(client, django_assert_max_num_queries, cases):
    make_caseload(CounsellorFactory(), cases)
    client.force_login(AdminFactory())

    with django_assert_max_num_queries(DASHBOARD_QUERIES + 2):  # + the counsellors (filter, assigning), purge soon
        response = client.get(reverse("tracker:case_list"))

    assert len(response.context["rows"]) == min(cases, PAGE_SIZE)


@pytest.mark.parametrize("cases", [1, 60])
def test_the_coordinators_dashboard_takes_the_same_number_of_queries(client, django_assert_num_queries, cases):
    counsellor = CounsellorFactory()
    make_caseload(counsellor, cases)
    CaseFactory.create_batch(3, organisation=counsellor.organisation)  # nobody follows these yet
    client.force_login(CoordinatorFactory(organisation=counsellor.organisation))

    # + the organisation's counsellors (read once for the filter and for assigning), cases purged soon
    with django_assert_num_queries(DASHBOARD_QUERIES + 2):
        response = client.get(reverse("tracker:case_list"))

    assert len(response.context["rows"]) == min(cases + 3, PAGE_SIZE)
    assert (response.context["summary"].cases, response.context["summary"].unattended) == (cases + 3, 3)


@pytest.mark.parametrize(("language", "hint"), [("en", "“New case” opens one"), ("nl", "Met ‘Nieuw dossier’ open je")])
def test_a_new_counsellor_with_no_cases_is_told_how_to_open_one(client, language, hint):
    client.force_login(CounsellorFactory(preferred_language=language))
    page = client.get(reverse("tracker:case_list")).content.decode()
    assert hint in page.split("data-no-cases>")[1].split("</p>")[0]


def test_a_search_too_long_or_beside_a_wrong_filter_still_searches(client):
    """A 600-character search (a pasted letter) made the form invalid, and every case was shown as if found."""
    counsellor = CounsellorFactory()
    yonas = CaseFactory(counsellors=[counsellor])
    FamilyMemberFactory(case=yonas, given_names="Yonas", surname="Haile")
    CaseFactory(counsellors=[counsellor])
    client.force_login(counsellor)

    def shown(**params):
        return [row.case for row in client.get(reverse("tracker:case_list"), params).context["rows"]]

    assert shown(q="x" * 600) == []
    assert shown(q="Yonas " + "x" * 600) == []  # every word must match, as in a shorter search
    assert shown(q="yonas", deadline="nonsense") == [yonas]
