"""The counsellor's page of form 647's data on a laptop: every member's answers, a disputed birth date marked."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from documents.models import Document
from tests.factories import CaseFactory, CounsellorFactory, DocumentFactory, FamilyMemberFactory

pytestmark = pytest.mark.django_db(transaction=True)

MRZ = {"format": "TD3", "lines": [], "document_number": "P3328878", "surname": "RAHIMI", "given_names": "AMAL",
       "nationality": "ERI", "issuing_country": "ERI", "birth_date": "1990-03-04", "sex": "F",
       "expiry_date": "2029-09-21", "valid": True}


def test_a_counsellor_copies_form_647s_answers_and_sees_what_the_documents_disagree_on(laptop_factory):
    counsellor = CounsellorFactory()
    case = CaseFactory(counsellors=[counsellor], permit_decision_date=timezone.localdate() - timedelta(days=20),
                       sponsor__first_name="Yonas", sponsor__last_name="Rahimi", v_number="1234567890")
    wife = FamilyMemberFactory(case=case, relation="spouse", given_names="Amal", surname="Rahimi",
                               birth_date=date(1990, 3, 4), sex="F")
    FamilyMemberFactory(case=case, relation="child", given_names="Sara", surname="Rahimi", birth_date=date(2016, 2, 3))
    passport = DocumentFactory(case=case, kind=Document.Kind.PASSPORT, mrz=MRZ, original_name="amal-paspoort.jpg",
                               review_status="accepted")
    marriage = DocumentFactory(case=case, kind=Document.Kind.MARRIAGE_CERTIFICATE, original_name="huwelijk.jpg",
                               fields={"people": [{"name": "AMAL RAHIMI", "given_names": "AMAL", "surname": "RAHIMI",
                                                   "birth_date": "1990-04-03", "role": "wife", "source": "fields"}]})
    passport.members.add(wife)
    marriage.members.add(wife)
    desk = laptop_factory("form-647")
    page = desk.page
    desk.sign_in(counsellor.username)

    page.goto(f"/cases/{case.pk}/")
    page.get_by_role("link", name="Form 647 data").click()

    section = page.locator(f"section[data-member='{wife.pk}']")
    expect(section.locator("tr[data-question='passport_number']")).to_contain_text("P3328878")
    expect(section.locator("tr[data-question='birth_date']")).to_have_attribute("data-disputed", "true")
    expect(section.locator("tr[data-question='birth_date']")).to_contain_text("04-03-1990")
    expect(section.locator("tr[data-question='birth_date']")).to_contain_text("03-04-1990")
    desk.screenshot("laptop")
    assert desk.accessibility_violations() == []
