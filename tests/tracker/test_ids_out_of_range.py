"""Ids beyond the database's integer range, as a mangled or forged form sends them, are ids of nothing:
the coordinator's assignment and the admin's bulk actions answer as for any unknown id, never with a 500."""

from __future__ import annotations

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from cases.models import Case
from tests.factories import AdminFactory, CaseFactory, CoordinatorFactory, CounsellorFactory

pytestmark = pytest.mark.django_db

TOO_BIG = "99999999999999999999"


@pytest.fixture
def coordinator_client(client):
    client.raise_request_exception = False
    client.force_login(CoordinatorFactory())
    return client


def test_a_case_id_out_of_range_is_no_case(coordinator_client):
    counsellor = CounsellorFactory()
    response = coordinator_client.post(reverse("tracker:cases_assign"), {"cases": [TOO_BIG], "counsellors": [counsellor.pk]})
    assert response.status_code == 404


@pytest.mark.parametrize("url_name", ["tracker:cases_assign", "tracker:case_counsellors"])
def test_a_counsellor_id_out_of_range_is_refused_with_a_message(coordinator_client, url_name):
    case = CaseFactory()
    url = reverse(url_name, args=[case.pk]) if url_name == "tracker:case_counsellors" else reverse(url_name)
    response = coordinator_client.post(url, {"cases": [case.pk], "counsellors": [TOO_BIG]}, follow=True)
    assert response.status_code == 200
    assert "valid choice" in response.content.decode()
    assert not case.counsellors.exists()


@pytest.mark.parametrize("model, action", [("cases_case", "reassign_counsellors"), ("cases_case", "purge_selected"),
                                           ("documents_document", "restore_from_bin")])
def test_an_admin_action_on_an_id_out_of_range_selects_nothing(client, model, action):
    client.raise_request_exception = False
    client.force_login(AdminFactory())
    CaseFactory()
    response = client.post(reverse(f"admin:{model}_changelist"), {"action": action, ACTION_CHECKBOX_NAME: [TOO_BIG]},
                           follow=True)
    assert response.status_code == 200
    assert Case.objects.count() == 1


@pytest.mark.parametrize("member", ["abc", TOO_BIG, ""])
def test_a_disagreement_marked_explained_for_a_member_that_is_no_id_asks_for_a_member(client, member):
    counsellor = CounsellorFactory()
    case = CaseFactory(counsellors=[counsellor])
    client.raise_request_exception = False
    client.force_login(counsellor)
    response = client.post(reverse("tracker:disagreement_explained", args=[case.pk]),
                           {"member": member, "code": "birth_date", "note": "Known spelling"}, follow=True)
    assert response.status_code == 200 and "Choose a family member of this case." in response.content.decode()
