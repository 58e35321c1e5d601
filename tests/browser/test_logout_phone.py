"""A sponsor on a borrowed or shared phone logs out and leaves no family photos behind (issue 12's uploads kept in
the browser): logging out removes them, after saying how many have not been sent yet, with the choice to stay.
Without the page's script the server's ``Clear-Site-Data`` removes them all the same."""

from __future__ import annotations

from weakref import WeakKeyDictionary

import pytest
from django.utils import translation
from playwright.sync_api import expect

from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db(transaction=True)

UNSENT_TWO = {  # Arabic has a form of its own for two; Tigrinya counts like English
    "ar": "هناك صورتان لم تُرسَلا بعد. إذا خرجت من حسابك الآن فستُحذفان من هذا الهاتف.",
    "ti": "2 ስእልታት ገና ኣይተሰደዳን። ሕጂ እንተ ወጺእካ፡ ካብዚ ሞባይል ክድምሰሳ እየን።",
    "fa": "۲ عکس هنوز فرستاده نشده‌اند. اگر اکنون خارج شوید، از این گوشی پاک می‌شوند.",  # Persian digits, as the page
}
KEPT_COUNT = """() => new Promise((resolve) => {
    const request = indexedDB.open("nareis-uploads");
    request.onsuccess = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains("uploads")) { db.close(); resolve(0); return; }
      const count = db.transaction("uploads").objectStore("uploads").count();
      count.onsuccess = () => { db.close(); resolve(count.result); };
    };
  })"""


def _photo(number: int) -> dict:
    return {"name": f"IMG_{number:04d}.jpg", "mimeType": "image/jpeg", "buffer": b"\xff\xd8\xff\xe0 family photo %d" % number}


def _log_in(phone, case, language: str) -> None:
    phone.sign_in(case.sponsor.username, language=language)
    expect(phone.page.locator("[data-upload-form]")).to_be_visible()


_SIGNAL: "WeakKeyDictionary[object, dict]" = WeakKeyDictionary()


def weak_signal(page, weak: bool) -> None:
    """Every upload from ``page`` cut off (``weak``) or let through again. One route for the page's whole life,
    switched, never removed and added again: a route added after ``page.unroute`` now and then let the next upload
    through."""
    if page not in _SIGNAL:
        state = _SIGNAL[page] = {"weak": weak}
        page.route("**/documents/upload/",
                   lambda route: route.abort("internetdisconnected") if state["weak"] else route.continue_())
    _SIGNAL[page]["weak"] = weak


def _choose_unsent(page, photos: list[dict]) -> None:
    """Photos chosen on a weak signal: every upload is cut off, so they wait on the phone."""
    weak_signal(page, True)
    with page.expect_file_chooser() as chooser:
        page.locator("[data-upload-input][multiple]").locator("xpath=..").click()
    chooser.value.set_files(photos)
    items = page.locator(".upload-item")
    expect(items).to_have_count(len(photos))
    for index in range(len(photos)):
        expect(items.nth(index)).to_have_attribute("data-upload-status", "waiting")
    assert page.evaluate(KEPT_COUNT) == len(photos)


@pytest.mark.parametrize("language", ["ar", "ti", "fa"])
def test_logging_out_warns_about_unsent_photos_and_removes_them(phone_factory, language):
    case = CaseFactory()
    phone = phone_factory(f"logout-{language}", language=language)
    page = phone.page
    _log_in(phone, case, language)
    _choose_unsent(page, [_photo(1), _photo(2)])
    with translation.override(language):
        log_out, stay, anyway = (translation.gettext(text) for text in ("Log out", "Stay logged in", "Log out anyway"))

    page.get_by_role("button", name=log_out, exact=True).click()
    dialog = page.locator("[data-unsent-dialog]")
    expect(dialog).to_be_visible()
    expect(dialog.locator("[data-unsent-text]")).to_have_text(UNSENT_TWO[language])
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert phone.serious_accessibility_violations() == []
    phone.screenshot("1-unsent")

    dialog.get_by_role("button", name=stay).click()  # staying keeps them, to be sent when the signal returns
    expect(dialog).to_be_hidden()
    expect(page.locator("[data-upload-form]")).to_be_visible()
    assert page.evaluate(KEPT_COUNT) == 2

    page.get_by_role("button", name=log_out, exact=True).click()
    dialog.get_by_role("button", name=anyway).click()
    expect(page.locator("#id_username")).to_be_visible()  # the login page
    assert page.evaluate(KEPT_COUNT) == 0
    phone.screenshot("2-logged-out")
    assert phone.policy_violations == []


def test_without_the_script_the_server_clears_the_phone(phone_factory):
    """The logout form posted as without JavaScript (no warning): Clear-Site-Data removes what was kept."""
    case = CaseFactory()
    phone = phone_factory("logout-no-script")
    page = phone.page
    _log_in(phone, case, "en")
    _choose_unsent(page, [_photo(3)])
    with page.expect_navigation():
        page.evaluate("HTMLFormElement.prototype.submit.call(document.querySelector('[data-logout-form]'))")
    expect(page.locator("#id_username")).to_be_visible()
    assert page.evaluate(KEPT_COUNT) == 0


def test_nothing_unsent_logs_out_at_once(phone_factory):
    case = CaseFactory()
    phone = phone_factory("logout-nothing-kept")
    page = phone.page
    _log_in(phone, case, "en")
    page.get_by_role("button", name="Log out", exact=True).click()
    expect(page.locator("#id_username")).to_be_visible()
    expect(page.locator("[data-unsent-dialog]")).to_have_count(0)
