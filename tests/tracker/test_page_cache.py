"""The dashboards' and reports' content comes from the page cache (tracker/page_cache.py) until something it shows
changes: every change below shows on the very next request."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from cases.models import Case
from cases.services import mark_family_seen
from cases.signals import cases_changed
from documents.models import Document
from documents.signals import documents_changed
from tests.factories import (
    AdminFactory,
    CaseFactory,
    CoordinatorFactory,
    CounsellorFactory,
    DocumentFactory,
    OrganisationFactory,
)
from tracker.assignment import assign_counsellors
from tracker.decision_date import check_decision_date
from tracker.notes import add_note
from tracker.purging import purge_case
from tracker.retention import purge_expired

pytestmark = pytest.mark.django_db

# session and user: the cached content needs nothing else from the database
QUERIES_FROM_THE_CACHE = 2


@pytest.fixture
def team():
    organisation = OrganisationFactory(name="Gemeente Utrecht")
    counsellor = CounsellorFactory(organisation=organisation, first_name="Sanne", last_name="de Vries")
    coordinator = CoordinatorFactory(organisation=organisation)
    case = CaseFactory(organisation=organisation, counsellors=[counsellor], sponsor__first_name="Omar",
                       sponsor__last_name="Rahimi")
    return organisation, counsellor, coordinator, case


def dashboard(client) -> str:
    response = client.get(reverse("tracker:case_list"))
    assert response.status_code == 200
    return response.content.decode()


def row_of(page: str, case) -> str:
    return re.search(rf'<tr [^>]*data-case="{case.pk}".*?</tr>', page, re.S).group(0)


def test_a_second_look_comes_from_the_cache(client, team, django_assert_max_num_queries):
    *_, coordinator, case = team
    client.force_login(coordinator)
    first = dashboard(client)

    with django_assert_max_num_queries(QUERIES_FROM_THE_CACHE):
        second = dashboard(client)

    assert row_of(second, case) == row_of(first, case)


def upload(organisation, counsellor, coordinator, case):
    DocumentFactory(case=case, review_status=Document.Review.PENDING)
    return 'data-awaiting-review="1"'


def add_task(organisation, counsellor, coordinator, case):
    add_note(case, text="Bel de ambassade", due_on=timezone.localdate(), assignee=counsellor, actor=counsellor)
    return 'data-open-tasks="1"'


def assign_another(organisation, counsellor, coordinator, case):
    other = CounsellorFactory(organisation=organisation, first_name="Ruud", last_name="Bakker")
    assign_counsellors([case], [other], replace=False, actor=coordinator)
    return "Ruud Bakker</span>"


def rename_the_sponsor(organisation, counsellor, coordinator, case):
    case.sponsor.first_name = "Yonas"
    case.sponsor.save()
    return "Yonas Rahimi"


def deactivate_the_counsellor(organisation, counsellor, coordinator, case):
    counsellor.is_active = False
    counsellor.save(update_fields=["is_active"])
    return "data-unattended"


@pytest.mark.parametrize("change", [upload, add_task, assign_another, rename_the_sponsor, deactivate_the_counsellor])
def test_a_change_shows_on_the_next_request(client, team, change):
    organisation, counsellor, coordinator, case = team
    client.force_login(coordinator)
    dashboard(client)

    shown = change(organisation, counsellor, coordinator, case)

    assert shown in row_of(dashboard(client), case)


def test_a_badge_changed_without_saving_the_case_goes_on_the_next_request(client, team):
    organisation, counsellor, coordinator, case = team
    case.members_changed_by_sponsor_at = timezone.now()
    case.decision_date_to_check = True
    case.save()
    client.force_login(coordinator)
    assert "data-members-changed" in row_of(dashboard(client), case)

    mark_family_seen(case, coordinator)
    check_decision_date(case, actor=coordinator)

    row = row_of(dashboard(client), case)
    assert "data-members-changed" not in row and "data-date-to-check" not in row


def test_a_new_counsellor_can_be_assigned_at_once(client, team):
    organisation, counsellor, coordinator, case = team
    client.force_login(coordinator)
    dashboard(client)

    newcomer = CounsellorFactory(organisation=organisation, first_name="Fatima", last_name="Yilmaz")

    assert f'value="{newcomer.pk}"' in dashboard(client)


def test_the_counsellors_own_dashboard_follows_their_cases(client, team):
    organisation, counsellor, coordinator, case = team
    client.force_login(counsellor)
    dashboard(client)

    other = CaseFactory(organisation=organisation, sponsor__first_name="Nour")
    assign_counsellors([other], [counsellor], replace=False, actor=coordinator)

    assert f'data-case="{other.pk}"' in dashboard(client)


def test_each_coordinator_sees_their_own_organisations_cases(client, team):
    *_, coordinator, case = team
    theirs = CaseFactory(organisation=OrganisationFactory(name="Elders"))
    elsewhere = CoordinatorFactory(organisation=theirs.organisation)
    client.force_login(coordinator)
    dashboard(client)

    client.force_login(elsewhere)
    page = dashboard(client)

    assert f'data-case="{theirs.pk}"' in page and f'data-case="{case.pk}"' not in page


def test_the_assigning_form_of_a_cached_page_is_accepted(team):
    organisation, counsellor, coordinator, case = team
    client = Client(enforce_csrf_checks=True)
    client.force_login(coordinator)
    dashboard(client)
    page = dashboard(client)  # from the cache
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    other = CounsellorFactory(organisation=organisation)
    assert f'value="{other.pk}"' in dashboard(client)

    response = client.post(reverse("tracker:cases_assign"), {
        "csrfmiddlewaretoken": token, "cases": [case.pk], "counsellors": [other.pk], "next": "/"})

    assert response.status_code == 302
    assert set(case.counsellors.all()) == {counsellor, other}


def test_a_review_shows_in_the_reports_at_once(client, team):
    organisation, counsellor, coordinator, case = team
    client.force_login(coordinator)
    url = reverse("tracker:reports") + "?period=year"
    assert "Sanne de Vries" in client.get(url).content.decode()

    AuditEvent.objects.create(actor=counsellor, action=AuditEvent.Action.REVIEW, target_type="documents.document",
                              target_id="1", case_id=case.pk)

    workload = re.search(r'id="report-workload".*?</section>', client.get(url).content.decode(), re.S).group(0)
    assert re.search(r"Sanne de Vries</th><td>1</td><td>0</td><td>1</td>", workload)


def test_without_redis_the_pages_are_drawn_as_before(client, team, settings):
    *_, coordinator, case = team
    settings.CACHES = {**settings.CACHES, "pages": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                                    "LOCATION": "redis://127.0.0.1:9/0",  # nothing listens there
                                                    "OPTIONS": {"socket_connect_timeout": 0.2}}}
    client.force_login(coordinator)

    assert f'data-case="{case.pk}"' in dashboard(client)
    assert client.get(reverse("tracker:reports")).status_code == 200


# --- Narrower generations: one case's change redraws the pages of those who see it, and only those.


def update_in_bulk(organisation, counsellor, coordinator, case):
    """A bulk write sends ``cases_changed`` instead of post_save."""
    Case.objects.filter(pk=case.pk).update(decision_date_to_check=True)
    cases_changed.send(Case, case_ids=[case.pk])
    return "data-date-to-check"


def review_in_bulk(organisation, counsellor, coordinator, case):
    """A bulk write sends ``documents_changed`` instead of post_save."""
    document = DocumentFactory(case=case)
    Document.objects.filter(pk=document.pk).update(review_status=Document.Review.PENDING)
    documents_changed.send(Document, case_ids=[case.pk])
    return 'data-awaiting-review="1"'


def viewer(name, team):
    organisation, counsellor, coordinator, case = team
    return {"counsellor": counsellor, "coordinator": coordinator, "admin": AdminFactory()}[name]


@pytest.mark.parametrize("change", [upload, add_task, update_in_bulk, review_in_bulk, rename_the_sponsor])
@pytest.mark.parametrize("who", ["counsellor", "coordinator", "admin"])
def test_every_viewer_of_a_case_sees_its_change_on_the_next_load(client, team, who, change):
    reader = viewer(who, team)
    client.force_login(reader)
    before = row_of(dashboard(client), team[-1])
    assert row_of(dashboard(client), team[-1]) == before  # from the cache

    shown = change(*team)

    assert shown in row_of(dashboard(client), team[-1])


@pytest.fixture
def two_counsellors(team):
    organisation, counsellor, coordinator, case = team
    colleague = CounsellorFactory(organisation=organisation, first_name="Ruud", last_name="Bakker")
    theirs = CaseFactory(organisation=organisation, counsellors=[colleague])
    return colleague, theirs


@pytest.mark.parametrize("change", [upload, add_task, update_in_bulk, review_in_bulk])
def test_a_change_to_a_case_leaves_another_counsellors_dashboard_in_the_cache(client, team, two_counsellors,
                                                                              change, django_assert_max_num_queries):
    organisation, counsellor, coordinator, case = team
    colleague, theirs = two_counsellors
    colleagues_client = Client()
    colleagues_client.force_login(colleague)
    dashboard(colleagues_client)
    client.force_login(counsellor)
    dashboard(client)

    shown = change(*team)

    with django_assert_max_num_queries(QUERIES_FROM_THE_CACHE):
        assert f'data-case="{theirs.pk}"' in dashboard(colleagues_client)
    assert shown in row_of(dashboard(client), case)


def unassign_by_assigning_another(case, counsellor, colleague, coordinator):
    assign_counsellors([case], [colleague], replace=True, actor=coordinator)


def unassign_from_the_case(case, counsellor, colleague, coordinator):
    case.counsellors.clear()


def unassign_from_the_counsellor(case, counsellor, colleague, coordinator):
    counsellor.counselled_cases.clear()


def move_to_another_organisation(case, counsellor, colleague, coordinator):
    case.organisation = OrganisationFactory()
    case.save()


@pytest.mark.parametrize("change", [unassign_by_assigning_another, unassign_from_the_case,
                                    unassign_from_the_counsellor, move_to_another_organisation])
def test_a_counsellor_who_no_longer_sees_a_case_no_longer_finds_it_on_the_dashboard(client, team, change):
    organisation, counsellor, coordinator, case = team
    colleague = CounsellorFactory(organisation=organisation)
    client.force_login(counsellor)
    assert f'data-case="{case.pk}"' in dashboard(client)

    change(case, counsellor, colleague, coordinator)

    assert f'data-case="{case.pk}"' not in dashboard(client)


def test_a_counsellor_assigned_from_their_own_side_finds_the_case_at_once(client, team):
    organisation, counsellor, coordinator, case = team
    newcomer = CounsellorFactory(organisation=organisation)
    client.force_login(newcomer)
    assert f'data-case="{case.pk}"' not in dashboard(client)

    newcomer.counselled_cases.add(case)

    assert f'data-case="{case.pk}"' in dashboard(client)


def purge_in_the_admin(case):
    purge_case(case, actor=AdminFactory())


def delete_the_row(case):
    case.delete()


def purge_at_the_end_of_its_retention(case):
    Case.objects.filter(pk=case.pk).update(closed_on=date(2020, 1, 1), purge_after=date(2020, 12, 31))
    assert purge_expired() == 1  # its anonymous figures are kept for the reports


@pytest.mark.parametrize("deleting", [purge_in_the_admin, delete_the_row, purge_at_the_end_of_its_retention])
def test_deleting_a_case_redraws_only_the_pages_that_showed_it(client, team, two_counsellors, deleting,
                                                                django_assert_max_num_queries):
    organisation, counsellor, coordinator, case = team
    colleague, theirs = two_counsellors
    elsewhere = CaseFactory(organisation=OrganisationFactory(name="Elders"))
    readers = {name: Client() for name in ("counsellor", "coordinator", "admin", "colleague", "elsewhere")}
    for name, user in [("counsellor", counsellor), ("coordinator", coordinator), ("admin", AdminFactory()),
                       ("colleague", colleague), ("elsewhere", CoordinatorFactory(organisation=elsewhere.organisation))]:
        readers[name].force_login(user)
        dashboard(readers[name])
    deleted = case.pk

    deleting(case)

    for name, still_shown in [("colleague", theirs), ("elsewhere", elsewhere)]:  # never showed it: from the cache
        with django_assert_max_num_queries(QUERIES_FROM_THE_CACHE):
            page = dashboard(readers[name])
        assert f'data-case="{still_shown.pk}"' in page
    for name in ("counsellor", "coordinator", "admin"):
        page = dashboard(readers[name])
        assert f'data-case="{deleted}"' not in page
    assert f'data-case="{theirs.pk}"' in dashboard(readers["coordinator"])
