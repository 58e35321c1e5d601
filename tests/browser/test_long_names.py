"""Long names, typed as one word, wrap: on the sponsor's phone (right to left too) and on the counsellor's review
screen nothing is pushed sideways. A 160-character name had widened the phone's page to 714 px and pushed the
review screen's "About whom" box out of its column."""

from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import LAPTOP
from tests.factories import CaseFactory, CounsellorFactory, DocumentFactory, FamilyMemberFactory

pytestmark = pytest.mark.django_db(transaction=True)

LONG_GIVEN_NAMES = "Muhammadabdulrahmanalexanderchristophersonmaximilianus" * 2
LONG_SURNAME = "Al-Abdulrahmanbinmuhammadbinabdullahalhashimi" * 2
PAGE_WIDTH = "[document.documentElement.scrollWidth, window.innerWidth]"


def long_named_family():
    counsellor = CounsellorFactory()
    case = CaseFactory(counsellors=[counsellor], sponsor__preferred_language="ar")
    child = FamilyMemberFactory(case=case, given_names=LONG_GIVEN_NAMES, surname=LONG_SURNAME,
                                birth_date=date(2016, 2, 3))
    document = DocumentFactory(case=case, kind="birth_certificate", original_name=LONG_GIVEN_NAMES + ".jpg")
    document.members.add(child)
    return case, counsellor, child, document


def test_a_long_name_wraps_on_the_sponsors_phone_and_the_review_screen(phone_factory):
    case, counsellor, child, document = long_named_family()
    phone = phone_factory("long-name-ar")
    phone.sign_in(case.sponsor.username)
    expect(phone.page.locator(f'[data-member="{child.pk}"]')).to_be_visible()
    phone.page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    assert phone.page.evaluate(PAGE_WIDTH) == [390, 390]
    phone.screenshot("1-case")
    phone.page.goto(f"/members/{child.pk}/edit/")
    assert phone.page.evaluate(PAGE_WIDTH) == [390, 390]

    laptop = phone_factory("long-name-review", LAPTOP)
    laptop.sign_in(counsellor.username)
    laptop.page.goto(f"/review/documents/{document.pk}/")
    about_whom = laptop.page.locator("fieldset", has=laptop.page.locator(f'input[value="{child.pk}"]'))
    panel = laptop.page.locator("form", has=about_whom).first
    assert about_whom.bounding_box()["x"] + about_whom.bounding_box()["width"] <= \
        panel.bounding_box()["x"] + panel.bounding_box()["width"] + 1
    assert laptop.page.evaluate(PAGE_WIDTH) == [1366, 1366]
    laptop.screenshot("1-review")
