"""Organisations: coordinators see their organisation's cases, hand them over, and see who has no counsellor."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from audit.models import AuditEvent
from tests.factories import (
    AdminFactory,
    CaseFactory,
    CoordinatorFactory,
    CounsellorFactory,
    OrganisationFactory,
    UserFactory,
)
from tracker.admin import CaseAdminForm
from tracker.assignment import AssignmentError, assign_counsellors
from tracker.caseload import dashboard_rows
from cases.selectors import cases_visible_to

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisations():
    return OrganisationFactory(name="Gemeente Utrecht"), OrganisationFactory(name="Advocaten Noord")


def test_a_coordinator_sees_every_case_of_their_organisation_and_none_of_another(organisations):
    ours, theirs = organisations
    coordinator = CoordinatorFactory(organisation=ours)
    assigned = CaseFactory(organisation=ours, counsellors=[CounsellorFactory(organisation=ours)])
    unassigned = CaseFactory(organisation=ours)
    CaseFactory(organisation=theirs, counsellors=[CounsellorFactory(organisation=theirs)])

    assert set(cases_visible_to(coordinator)) == {assigned, unassigned}


def test_a_counsellor_moved_to_another_organisation_no_longer_sees_the_old_cases(organisations):
    ours, theirs = organisations
    counsellor = CounsellorFactory(organisation=ours)
    case = CaseFactory(organisation=ours, counsellors=[counsellor])
    counsellor.organisation = theirs
    counsellor.save()

    assert case not in cases_visible_to(counsellor)


def test_cases_without_an_active_counsellor_come_first_on_the_coordinators_dashboard(organisations, client):
    ours, _ = organisations
    coordinator = CoordinatorFactory(organisation=ours)
    ill = CounsellorFactory(organisation=ours, is_active=False)
    well = CounsellorFactory(organisation=ours)
    followed = CaseFactory(organisation=ours, counsellors=[well])
    left_behind = CaseFactory(organisation=ours, counsellors=[ill], permit_decision_date=None)

    rows = dashboard_rows(coordinator)
    assert [row.case for row in rows] == [left_behind, followed]
    assert rows[0].unattended and not rows[1].unattended

    client.force_login(coordinator)
    page = client.get(reverse("tracker:case_list")).content.decode()
    assert "1 case without an active counsellor" in page
    assert "Gemeente Utrecht" in page


def test_a_coordinator_reassigns_several_cases_at_once_from_the_dashboard(organisations, client):
    ours, _ = organisations
    coordinator = CoordinatorFactory(organisation=ours)
    ill = CounsellorFactory(organisation=ours, is_active=False)
    first, second = CaseFactory(organisation=ours, counsellors=[ill]), CaseFactory(organisation=ours, counsellors=[ill])
    colleague = CounsellorFactory(organisation=ours)

    client.force_login(coordinator)
    response = client.post(reverse("tracker:cases_assign"), {
        "cases": [first.pk, second.pk], "counsellors": [colleague.pk], "replace": "on"})

    assert response.status_code == 302
    assert list(first.counsellors.all()) == [colleague] and list(second.counsellors.all()) == [colleague]
    assert AuditEvent.objects.filter(case_id__in=[first.pk, second.pk], action="change").count() == 2
    assert first in cases_visible_to(colleague)


def test_an_assignment_refused_keeps_the_cases_and_counsellors_ticked(organisations, client):
    """Ticking twenty cases and forgetting the counsellor gave back a dashboard with nothing ticked."""
    ours, _ = organisations
    coordinator = CoordinatorFactory(organisation=ours)
    first, second, third = (CaseFactory(organisation=ours) for _ in range(3))
    colleague = CounsellorFactory(organisation=ours)
    client.force_login(coordinator)

    page = client.post(reverse("tracker:cases_assign"), {"cases": [first.pk, third.pk], "replace": "on"},
                       follow=True).content.decode()

    assert f'id="choose-{first.pk}" checked' in page and f'id="choose-{third.pk}" checked' in page
    assert f'id="choose-{second.pk}" checked' not in page
    panel = page[page.index('class="card assign-panel"'):]
    assert "Choose one or more counsellors." in panel[:panel.index("</fieldset>")]
    assert re.search(r'<input type="checkbox" name="replace"[^>]* checked', panel)

    page = client.post(reverse("tracker:cases_assign"), {"counsellors": [colleague.pk]}, follow=True).content.decode()
    assert "Choose one or more cases first." in page
    assert re.search(rf'<input type="checkbox" name="counsellors" value="{colleague.pk}"[^>]* checked', page)

    page = client.get(reverse("tracker:case_list")).content.decode()
    assert "checked" not in page[page.index("<tbody>"):page.index("</tbody>")]  # shown back once
    assert not first.counsellors.exists()


def test_a_coordinator_sets_the_counsellors_of_a_case_from_its_page(organisations, client):
    ours, _ = organisations
    coordinator = CoordinatorFactory(organisation=ours)
    old, new = CounsellorFactory(organisation=ours), CounsellorFactory(organisation=ours)
    case = CaseFactory(organisation=ours, counsellors=[old])

    client.force_login(coordinator)
    page = client.get(reverse("tracker:case_detail", args=[case.pk])).content.decode()
    assert 'id="counsellors"' in page
    client.post(reverse("tracker:case_counsellors", args=[case.pk]), {"counsellors": [new.pk]})

    assert list(case.counsellors.all()) == [new]


def test_a_counsellor_of_another_organisation_cannot_be_assigned(organisations, client):
    ours, theirs = organisations
    case = CaseFactory(organisation=ours)
    stranger = CounsellorFactory(organisation=theirs)

    with pytest.raises(AssignmentError):
        assign_counsellors([case], [stranger], replace=False, actor=AdminFactory())
    client.force_login(CoordinatorFactory(organisation=ours))
    client.post(reverse("tracker:case_counsellors", args=[case.pk]), {"counsellors": [stranger.pk]})

    assert not case.counsellors.exists()


def test_the_admin_case_form_offers_only_counsellors_and_refuses_another_organisations(organisations):
    ours, theirs = organisations
    sponsor = UserFactory()
    case = CaseFactory(organisation=ours, sponsor=sponsor)
    form = CaseAdminForm(instance=case)
    from tracker.admin import CaseAdmin
    from django.contrib import admin
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = AdminFactory()
    field = CaseAdmin(type(case), admin.site).get_form(request, case).base_fields["counsellors"]
    ours_counsellor, theirs_counsellor = CounsellorFactory(organisation=ours), CounsellorFactory(organisation=theirs)
    offered = set(field.queryset)
    assert sponsor not in offered and request.user not in offered
    assert {ours_counsellor, theirs_counsellor} <= offered

    data = {**{k: v for k, v in form.initial.items() if v is not None}, "organisation": ours.pk,
            "sponsor": sponsor.pk, "counsellors": [theirs_counsellor.pk], "permit_type": "refugee"}
    bound = CaseAdminForm(data, instance=case)
    assert not bound.is_valid()
    assert "counsellors" in bound.errors


def test_a_case_opened_by_a_counsellor_belongs_to_their_organisation(organisations, client):
    ours, _ = organisations
    counsellor = CounsellorFactory(organisation=ours)
    client.force_login(counsellor)
    client.post(reverse("accounts:sponsor_case_create"), {
        "first_name": "Amal", "last_name": "Haile", "permit_type": "refugee"})

    case = cases_visible_to(counsellor).get()
    assert case.organisation == ours
