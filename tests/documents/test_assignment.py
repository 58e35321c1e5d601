"""Whom a document is about: never silently the sponsor's; one tap to assign; links proposed with the difference."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from documents.linking import Difference, MemberName, near_miss
from documents.models import Document
from documents.pipeline.types import PersonMention
from tests.factories import CaseFactory, DocumentFactory, FamilyMemberFactory
from tracker.checklist import build_checklist

pytestmark = pytest.mark.django_db


def page_of(client, case) -> str:
    return client.get(reverse("tracker:case_detail", args=[case.pk])).content.decode()


def test_a_document_linked_to_nobody_is_not_the_sponsors(client):
    case = CaseFactory()
    child = FamilyMemberFactory(case=case, given_names="Sara", surname="Haile")
    passport = DocumentFactory(case=case, kind="passport")
    DocumentFactory(case=case, kind="birth_certificate")
    client.force_login(case.sponsor)

    page = page_of(client, case)

    assert 'data-unassigned-count="2"' in page and "2 documents not yet assigned" in page
    assert build_checklist(case).sponsor.requirements[0].documents == []
    client.post(reverse("documents:assign", args=[passport.pk]), {"member": child.pk})
    assert list(passport.members.all()) == [child]
    assert 'data-unassigned-count="1"' in page_of(client, case)


def test_it_is_about_me(client):
    case = CaseFactory()
    certificate = DocumentFactory(case=case, kind="birth_certificate")
    client.force_login(case.sponsor)
    client.post(reverse("documents:assign", args=[certificate.pk]), {"about_sponsor": "1"})
    certificate.refresh_from_db()
    assert certificate.about_sponsor and "data-unassigned-count" not in page_of(client, case)


def test_the_asylum_decision_is_the_sponsors_without_asking(client):
    case = CaseFactory()
    DocumentFactory(case=case, kind="asylum_decision")
    client.force_login(case.sponsor)
    assert "data-unassigned-count" not in page_of(client, case)
    [asylum] = [r for r in build_checklist(case).sponsor.requirements if r.code == "asylum_decision"]
    assert asylum.status != "missing"


def test_another_familys_member_cannot_be_assigned(client):
    case = CaseFactory()
    document = DocumentFactory(case=case)
    stranger = FamilyMemberFactory()
    client.force_login(case.sponsor)
    client.post(reverse("documents:assign", args=[document.pk]), {"member": stranger.pk})
    assert not document.members.exists()


AMINA = MemberName(1, "Amina", "Yusuf", date(1990, 3, 4))


def test_same_name_other_birth_date_is_a_proposal():
    assert near_miss(AMINA, PersonMention("AMINA YUSUF", date(1990, 4, 3))) == Difference.BIRTH_DATE


def test_maiden_name_is_a_proposal():
    assert near_miss(AMINA, PersonMention("Amina Ahmed", None)) == Difference.NAME


@pytest.mark.parametrize("mention", [PersonMention("AMINA YUSUF", date(1990, 3, 4)), PersonMention("Fatima Yusuf", None),
                                     PersonMention("Amina", None), PersonMention("Amina Ahmed", date(1991, 1, 1))])
def test_the_same_person_or_someone_else_is_no_proposal(mention):
    assert near_miss(AMINA, mention) is None


def test_confirm_a_proposal_and_correct_the_birth_date_in_one_place(client):
    case = CaseFactory()
    child = FamilyMemberFactory(case=case, given_names="Sara", surname="Haile", birth_date=date(2016, 2, 3))
    certificate = DocumentFactory(case=case, kind="birth_certificate",
                                  fields={"people": [{"name": "SARA HAILE", "birth_date": "2016-03-02"}]})
    client.force_login(case.sponsor)
    page = page_of(client, case)
    assert f'data-proposal="{child.pk}"' in page and 'data-document-birth-date="2016-03-02"' in page
    assert 'data-entered-birth-date="2016-02-03"' in page

    client.post(reverse("documents:proposal", args=[certificate.pk, child.pk]), {"answer": "correct"})

    child.refresh_from_db()
    assert child.birth_date == date(2016, 3, 2)
    assert list(certificate.members.all()) == [child]
    assert "data-proposal=" not in page_of(client, case)


def test_a_maiden_name_is_linked_and_the_name_kept(client):
    case = CaseFactory()
    wife = FamilyMemberFactory(case=case, relation="spouse", given_names="Amina", surname="Yusuf",
                               birth_date=date(1990, 3, 4))
    marriage = DocumentFactory(case=case, kind="marriage_certificate",
                               fields={"people": [{"name": "AMINA AHMED", "birth_date": None}]})
    client.force_login(case.sponsor)
    assert 'data-difference="name"' in page_of(client, case)
    client.post(reverse("documents:proposal", args=[marriage.pk, wife.pk]), {"answer": "link"})
    wife.refresh_from_db()
    assert wife.surname == "Yusuf" and list(marriage.members.all()) == [wife]


def test_a_turned_down_proposal_is_not_made_again(client):
    case = CaseFactory()
    child = FamilyMemberFactory(case=case, given_names="Sara", surname="Haile", birth_date=date(2016, 2, 3))
    certificate = DocumentFactory(case=case, kind="birth_certificate",
                                  fields={"people": [{"name": "SARA HAILE", "birth_date": "2016-03-02"}]})
    client.force_login(case.sponsor)
    client.post(reverse("documents:proposal", args=[certificate.pk, child.pk]), {"answer": "dismiss"})
    certificate.refresh_from_db()
    assert certificate.dismissed_proposals == [child.pk]
    assert "data-proposal=" not in page_of(client, case)
    assert not certificate.members.exists() and Document.objects.get(pk=certificate.pk)


def test_a_rejected_document_is_not_offered_for_assigning(client):
    """A card rejected as the wrong document still asked "Whom is this document about? One tap is enough."."""
    case = CaseFactory()
    FamilyMemberFactory(case=case)
    rejected = DocumentFactory(case=case, kind="other", review_status=Document.Review.REJECTED,
                               rejection_reason=Document.RejectionReason.WRONG_DOCUMENT)
    DocumentFactory(case=case, kind="birth_certificate")
    client.force_login(case.sponsor)
    page = page_of(client, case)
    assert 'data-unassigned-count="1"' in page
    card = page[page.index(f'data-document="{rejected.pk}"'):]
    card = card[:card.index("</li>")] if "</li>" in card else card
    assert "data-unassigned" not in card
