"""The checklist and the case page take a fixed number of queries, whatever the size of the family."""

from __future__ import annotations

import pytest
from django.urls import reverse

from documents.models import Document
from tests.factories import CaseFactory, CounsellorFactory, DocumentFactory, FamilyMemberFactory
from tracker.checklist import build_checklist
from tracker.models import Explanation

pytestmark = pytest.mark.django_db


def family_case(members: int):
    counsellor = CounsellorFactory()
    case = CaseFactory(counsellors=[counsellor])
    for index in range(members):
        member = FamilyMemberFactory(case=case)
        certificate = DocumentFactory(
            case=case, kind=Document.Kind.BIRTH_CERTIFICATE, languages=["ar"], review_status=Document.Review.ACCEPTED
        )
        certificate.members.add(member)
        translation = DocumentFactory(case=case, kind=Document.Kind.TRANSLATION, translation_of=certificate)
        translation.members.add(member)
        Explanation.objects.create(case=case, member=member, requirement="identity", text="No passport office")
    return case, counsellor


@pytest.mark.parametrize("members", [1, 30])
def test_the_checklist_takes_the_same_number_of_queries_for_1_or_30_members(django_assert_max_num_queries, members):
    case, _ = family_case(members)

    with django_assert_max_num_queries(5):  # members, documents, their members, explanations, explained disagreements
        checklist = build_checklist(case)

    assert len(checklist.members) == members
    assert {r.status for row in checklist.members for r in row.requirements} == {
        "satisfied", "explained", "pending", "missing"  # missing: the passport photo
    }


@pytest.mark.parametrize("members", [1, 30])
def test_the_case_page_with_the_review_panel_takes_the_same_number_of_queries(client, django_assert_max_num_queries,
                                                                             members):
    case, counsellor = family_case(members)
    client.force_login(counsellor)

    # 21: the internal notes and the names in the history are one query each.
    with django_assert_max_num_queries(23):  # + the other parent's choices, explained disagreements
        response = client.get(reverse("tracker:case_detail", args=[case.pk]))

    assert response.status_code == 200 and response.context["can_manage"]
    assert response.content.decode().count('class="review-document') == 2 * members
