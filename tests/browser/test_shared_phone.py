"""A shared phone (issue: photos kept on the phone outliving a session): photos waiting to be sent belong to the
account that chose them. A session that runs out without logging out keeps them, unseen, for that sponsor's next
login, when they are sent; another account logging in on the phone never sees them, and they are discarded."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from documents.models import Document
from tests.browser.conftest import log_in
from tests.browser.test_logout_phone import KEPT_COUNT, _choose_unsent, _log_in, weak_signal
from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _photo(corpus_dir, number: int) -> dict:
    sample = ["046_other.jpg", "003_passport.jpg", "023_family_booklet.jpg"][number - 1]
    return {"name": f"IMG_{number:04d}.jpg", "mimeType": "image/jpeg", "buffer": (corpus_dir / sample).read_bytes()}


def _wait_until_nothing_kept(page) -> None:
    page.wait_for_function(f"async () => (await ({KEPT_COUNT})()) === 0")


def _session_runs_out(phone) -> None:
    phone.context.clear_cookies()  # as when the session expires: no logout, so no Clear-Site-Data
    weak_signal(phone.page, False)  # and the signal is back
    phone.page.goto("/login/")
    expect(phone.page.locator("#id_username")).to_be_visible()


def test_photos_kept_on_a_shared_phone_go_only_with_the_account_that_chose_them(phone_factory, corpus_dir):
    omar, amina = CaseFactory(), CaseFactory()
    phone = phone_factory("shared-phone")
    page = phone.page
    _log_in(phone, omar, "fa")
    _choose_unsent(page, [_photo(corpus_dir, 1)])

    _session_runs_out(phone)
    expect(page.locator(".upload-item")).to_have_count(0)  # nobody logged in: nothing shown
    assert page.evaluate(KEPT_COUNT) == 1  # ... and nothing lost
    phone.screenshot("1-login-after-expiry")

    phone.log_in(omar.sponsor.username)  # the same sponsor again: the photo is sent
    expect(page.locator(".upload-item")).to_have_attribute("data-upload-status", "done")
    assert Document.objects.filter(case=omar).count() == 1
    assert page.evaluate(KEPT_COUNT) == 0

    page.reload()
    _choose_unsent(page, [_photo(corpus_dir, 2)])
    _session_runs_out(phone)
    phone.log_in(amina.sponsor.username)  # someone else on the same phone
    expect(page.locator("[data-upload-form]")).to_be_visible()
    _wait_until_nothing_kept(page)
    expect(page.locator(".upload-item")).to_have_count(0)
    phone.screenshot("2-another-account")
    page.locator("[data-logout-form] button").click()  # nothing of Omar's counted on logging out
    expect(page.locator("#id_username")).to_be_visible()
    assert Document.objects.filter(case=amina).count() == 0 and Document.objects.filter(case=omar).count() == 1
    assert phone.policy_violations == []


def test_an_open_tab_of_an_account_no_longer_logged_in_discards_its_photos(phone_factory, corpus_dir):
    omar, amina = CaseFactory(), CaseFactory()
    phone = phone_factory("shared-phone-tab")
    page = phone.page
    _log_in(phone, omar, "en")
    _choose_unsent(page, [_photo(corpus_dir, 3)])
    other = phone.context.new_page()  # Omar's session runs out; Amina logs in in another tab
    phone.context.clear_cookies()
    other.goto("/login/")
    log_in(other, amina.sponsor.username)
    expect(other.locator("[data-upload-form]")).to_be_visible()

    weak_signal(page, False)
    page.locator(".upload-retry").click()  # Omar's old tab tries again, with Amina's session
    expect(page.locator(".upload-item")).to_have_count(0)
    _wait_until_nothing_kept(page)
    assert not Document.objects.exists()
