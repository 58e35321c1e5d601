"""A counsellor opens a case on their phone; the sponsor gets in with the code, in Tigrinya."""

import pytest
from playwright.sync_api import expect

from accounts.models import User
from tests.browser.conftest import open_a_case
from tests.factories import CounsellorFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_sponsor_sets_a_password_with_the_counsellors_link_and_sees_the_checklist(phone_factory):
    counsellor = CounsellorFactory()
    desk = phone_factory("counsellor-new-case")
    invitation = open_a_case(desk, counsellor, "Semhar", "Tesfay")
    desk.screenshot("1-invitation")

    sponsor = phone_factory("sponsor-ti", language="ti")
    page = sponsor.page
    page.goto(invitation.link)
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()
    page.select_option("#language", "ti")
    expect(page.locator("html")).to_have_attribute("lang", "ti")
    expect(page.locator("#id_code")).to_have_value(invitation.code)
    page.locator("#id_password1").fill("Semhar in Utrecht 2026")
    page.locator("#id_password2").fill("Semhar in Utrecht 2026")
    assert sponsor.serious_accessibility_violations() == []
    sponsor.screenshot("1-welcome")
    page.locator("form.card button[type=submit]").click()

    expect(page.locator("#deadline-title")).to_have_text("መወዳእታ ዕለት ምእታው ሕቶ")
    expect(page.locator(".deadline-date")).to_have_text("1 ጥሪ 2027")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    assert User.objects.get(last_name="Tesfay").preferred_language == "ti"
    assert sponsor.serious_accessibility_violations() == []
    sponsor.screenshot("2-checklist")
    assert sponsor.policy_violations == [] and desk.policy_violations == []
