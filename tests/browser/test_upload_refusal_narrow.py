"""A file that is no document, refused on a narrow phone (360 px): the message names the accepted file types so
that they read clearly in every language, right to left too, and never push the page sideways."""

from __future__ import annotations

import pytest
from django.conf import settings
from playwright.sync_api import expect

from tests.browser.conftest import PHONE
from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db(transaction=True)
NARROW_PHONE = {**PHONE, "viewport": {"width": 360, "height": 740}}
WHERE_IS = """(word) => {
  const text = [...document.querySelector('.upload-message').childNodes].find((node) => node.data?.includes(word));
  const range = document.createRange();
  range.setStart(text, text.data.indexOf(word));
  range.setEnd(text, text.data.indexOf(word) + word.length);
  const box = range.getBoundingClientRect();
  return {left: Math.round(box.left), top: Math.round(box.top)};
}"""


@pytest.mark.parametrize("language", [code for code, _ in settings.LANGUAGES])
def test_the_accepted_file_types_read_clearly_on_a_narrow_phone(phone_factory, language):
    case = CaseFactory(sponsor__preferred_language=language)
    sponsor = phone_factory(f"refusal-360-{language}", NARROW_PHONE)
    page = sponsor.page
    page.goto("/login/")
    sponsor.log_in(case.sponsor.username)
    with page.expect_file_chooser() as chooser:
        page.locator("[data-upload-input][multiple]").locator("xpath=..").click()
    chooser.value.set_files({"name": "notes.txt", "mimeType": "text/plain", "buffer": b"just some words"})
    item = page.locator(".upload-item")
    expect(item).to_have_attribute("data-upload-status", "rejected")
    item.scroll_into_view_if_needed()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    jpeg, png = (page.evaluate(WHERE_IS, word) for word in ("JPEG", "PNG"))
    # In the reading order of the sentence around them: a line further, or further along the same line.
    rtl = language in settings.LANGUAGES_BIDI
    assert jpeg["top"] < png["top"] or (jpeg["top"] == png["top"] and (jpeg["left"] > png["left"]) == rtl)
    page.screenshot(path=str(sponsor.screenshot_dir / f"refusal-360-{language}.png"))
