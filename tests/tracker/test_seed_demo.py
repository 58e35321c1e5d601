"""The demo (`make run`): what a new user meets after ``seed_demo``."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.urls import reverse

from accounts.models import User
from cases.models import Case
from tests.factories import AdminFactory, CounsellorFactory, OrganisationFactory
from tracker.assignment import AssignmentError, assign_counsellors, assignable_counsellors
from tracker.forms_counsellor import DashboardFilterForm

pytestmark = pytest.mark.django_db


def test_the_demo_admin_is_never_offered_as_a_counsellor(client, capsys):
    call_command("seed_demo")
    call_command("seed_demo")  # safe to run again
    admin, counsellor = User.objects.get(username="admin"), User.objects.get(username="counsellor")
    case = Case.objects.get(sponsor__username="sponsor")

    assert list(assignable_counsellors(None)) == [counsellor]
    assert list(assignable_counsellors(case.organisation_id)) == [counsellor]
    offered = DashboardFilterForm(user=admin).fields["counsellor"].queryset
    assert list(offered) == [counsellor]

    client.force_login(admin)
    page = client.get(reverse("tracker:case_detail", args=[case.pk])).content.decode()
    assert "Sanne de Vries" in page and f'value="{admin.pk}"' not in page


def test_an_admin_with_a_counsellor_role_is_still_no_counsellor():
    organisation = OrganisationFactory()
    admin = AdminFactory(role=User.Role.COUNSELLOR, organisation=organisation)  # an older demo database
    counsellor = CounsellorFactory(organisation=organisation)
    case = Case.objects.create(sponsor=User.objects.create(username="s"), organisation=organisation)

    assert list(assignable_counsellors(organisation.pk)) == [counsellor]
    with pytest.raises(AssignmentError):
        assign_counsellors([case], [admin], replace=False, actor=admin)
