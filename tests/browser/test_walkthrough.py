"""A new sponsor's first hour on a phone, in Arabic, Farsi and Tigrinya: the counsellor's invitation, the first login,
adding the family, uploading a photo, reading the checklist and the deadline. Every step is screenshotted; the page
never scrolls sideways, never shows a server error, and has no serious accessibility finding."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from documents.models import Document
from tests.browser.conftest import open_a_case
from tests.factories import CounsellorFactory

pytestmark = pytest.mark.django_db(transaction=True)
READING_CEILING_MS = 180_000  # a ceiling against hangs, not a speed check


def _fits(phone) -> None:
    assert phone.page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert phone.serious_accessibility_violations() == []


@pytest.mark.parametrize("language", ["ar", "fa", "ti"])
def test_a_new_sponsor_walks_through_on_a_phone(phone_factory, laptop_factory, celery_worker, corpus_dir, language):
    counsellor = CounsellorFactory()
    desk = laptop_factory(f"walk-{language}-desk")
    invitation = open_a_case(desk, counsellor, "Amal", "Haddad", language)
    desk.screenshot("1-invitation")

    sponsor = phone_factory(f"walk-{language}", language=language)
    page = sponsor.page
    page.goto(invitation.link)
    page.select_option("#language", language)
    expect(page.locator("html")).to_have_attribute("lang", language)
    page.locator("#id_password1").fill("Amal in Utrecht 2026")
    page.locator("#id_password2").fill("Amal in Utrecht 2026")
    _fits(sponsor)
    sponsor.screenshot("1-welcome")
    page.locator("form.card button[type=submit]").click()
    expect(page.locator("#deadline-title")).to_be_visible()
    expect(page.locator(".messages")).to_contain_text(invitation.username)  # as it must be typed: never in Persian digits
    if language == "fa":  # the reader's digits, in static and filled-in text alike
        assert not any(digit in page.locator(".deadline").inner_text() for digit in "0123456789")
    _fits(sponsor)
    sponsor.screenshot("2-first-checklist")

    form = page.locator("#add-member")
    form.locator("#id_relation").select_option("child")
    form.locator("#id_given_names").fill("Yonas")
    form.locator("#id_surname").fill("Haddad")
    form.locator("#id_birth_date").fill("2015-06-07")
    # Each check box sits beside its words, before them in the reading direction (not after a wrapped label).
    box, words = form.locator("#id_married").bounding_box(), form.locator("label[for=id_married]").bounding_box()
    assert (box["x"] > words["x"]) if language in ("ar", "fa") else (box["x"] < words["x"])
    assert words["y"] <= box["y"] + box["height"] / 2 <= words["y"] + words["height"]
    sponsor.screenshot("3-adding-a-child")
    form.locator("button[type=submit]").click()
    expect(page.locator(".messages")).to_be_visible()
    _fits(sponsor)
    sponsor.screenshot("4-child-added")

    with page.expect_file_chooser() as chooser:
        page.locator("[data-upload-input][multiple]").locator("xpath=..").click()
    chooser.value.set_files(str(corpus_dir / "002_passport.jpg"))
    expect(page.locator(".upload-item")).to_have_attribute("data-upload-status", "done")
    expect(page.locator(".upload-message")).to_contain_text("002_passport.jpg")  # a file name keeps its digits
    sponsor.screenshot("5-uploaded")
    expect(page.locator("#documents [data-kind]")).to_be_visible(timeout=READING_CEILING_MS)
    expect(page.locator("[data-dossier]")).to_be_visible()
    _fits(sponsor)
    sponsor.screenshot("6-read")
    assert Document.objects.count() == 1
    assert sponsor.policy_violations == [] and desk.policy_violations == []


@pytest.mark.parametrize("language", ["fa", "ti"])
def test_a_sponsor_who_slips_is_told_clearly_in_their_language(phone_factory, language):
    """A wrong password, a file that is no document: a clear message in the sponsor's language, never a server error."""
    from tests.factories import CaseFactory

    case = CaseFactory(sponsor__preferred_language=language)
    sponsor = phone_factory(f"walk-slips-{language}", language=language)
    page = sponsor.page
    page.goto("/login/")
    page.select_option("#language", language)
    expect(page.locator("html")).to_have_attribute("lang", language)
    sponsor.log_in(case.sponsor.username, "not the password")
    expect(page.locator("[role=alert], .error, .errorlist").first).to_be_visible()
    expect(page.locator("#id_username")).to_have_value(case.sponsor.username)  # not typed again on a phone
    expect(page.locator("#id_password")).to_be_focused()
    _fits(sponsor)
    sponsor.screenshot("1-wrong-password")

    sponsor.log_in(case.sponsor.username)
    with page.expect_file_chooser() as chooser:
        page.locator("[data-upload-input][multiple]").locator("xpath=..").click()
    chooser.value.set_files({"name": "notes 2026.txt", "mimeType": "text/plain", "buffer": b"just some words"})
    item = page.locator(".upload-item")
    expect(item).to_have_attribute("data-upload-status", "rejected")
    message = item.locator(".upload-message")
    expect(message).to_contain_text("PDF")
    expect(message).to_contain_text("notes 2026.txt")  # the file name as it is, also on a Farsi page
    assert "supported" not in message.inner_text()  # in the sponsor's language
    _fits(sponsor)
    sponsor.screenshot("2-not-a-document")
    assert sponsor.policy_violations == []
