"""The admin's lists and pages of cases, family members, explanations and letters: the number of queries does not
grow with the rows (a list of 100, a drop-down of every case), and long or Arabic names do not break them."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import AdminFactory, CaseFactory, CounsellorFactory, FamilyMemberFactory, UserFactory
from tracker.models import Explanation, IndLetter

pytestmark = pytest.mark.django_db

LONG_ARABIC = "محمد عبد الرحمن " * 9 + "الأحمد"  # 150 characters, as long as a user's first name may be


def add_cases(count: int) -> None:
    counsellor = CounsellorFactory()
    for _ in range(count):
        case = CaseFactory(counsellors=[counsellor], sponsor=UserFactory(first_name=LONG_ARABIC, last_name="X" * 150))
        member = FamilyMemberFactory(case=case, given_names=LONG_ARABIC)
        Explanation.objects.create(case=case, member=member, requirement="identity", text="lost in the war",
                                   created_by=counsellor)
        IndLetter.objects.create(case=case, kind=IndLetter.Kind.choices[0][0], received_on=date(2026, 11, 1),
                                 subject="Vraag om informatie")


def queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


MODELS = ["cases_case", "cases_familymember", "tracker_explanation", "tracker_indletter"]


@pytest.mark.parametrize("model", MODELS)
def test_lists_and_pages_cost_the_same_for_many_rows(client, model):
    client.force_login(AdminFactory())
    add_cases(3)
    from django.apps import apps

    model_class = apps.get_model(*model.split("_", 1))
    first = model_class.objects.order_by("pk").first()
    changelist, change = f"admin:{model}_changelist", f"admin:{model}_change"
    client.get(reverse(change, args=[first.pk]))  # the first opening fills caches (content types, session)
    few = queries_for(client, reverse(changelist)), queries_for(client, reverse(change, args=[first.pk]))
    add_cases(40)
    many = queries_for(client, reverse(changelist)), queries_for(client, reverse(change, args=[first.pk]))
    assert many == few


def test_a_long_arabic_name_is_listed_whole(client):
    client.force_login(AdminFactory())
    add_cases(1)
    page = client.get(reverse("admin:cases_familymember_changelist")).content.decode()
    assert LONG_ARABIC in page
