"""The sponsor's page on a narrow phone (360 px), in every language: buttons keep their words on one line, check
boxes keep their size and stand before their words, and a refused file's message names the accepted file types
so that they read clearly, right to left too, without pushing the page sideways."""

from __future__ import annotations

import pytest
from django.conf import settings
from playwright.sync_api import expect

from tests.browser.conftest import PHONE
from tests.factories import CaseFactory, DocumentFactory

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


LINES_OF = "(element) => { const range = document.createRange(); range.selectNodeContents(element); " \
           "return new Set([...range.getClientRects()].map((box) => Math.round(box.top))).size; }"


@pytest.mark.parametrize("language", [code for code, _ in settings.LANGUAGES])
def test_the_sponsors_page_reads_clearly_on_a_narrow_phone(phone_factory, language):
    case = CaseFactory(sponsor__preferred_language=language)
    DocumentFactory(case=case, original_name="IMG_0001.jpg")
    sponsor = phone_factory(f"narrow-{language}", NARROW_PHONE, language=language)
    page = sponsor.page
    sponsor.sign_in(case.sponsor.username)
    page.screenshot(path=str(sponsor.screenshot_dir / f"narrow-{language}-member-form.png"), full_page=True)
    for button in page.locator("label.file-button span").all():  # never "PDF-" and "yo" on two lines
        assert button.evaluate(LINES_OF) == 1, button.inner_text()

    about_whom = page.locator(".document details > summary").first  # shows it opens, the way the text runs
    marker = about_whom.evaluate("(summary) => getComputedStyle(summary, '::before').content")
    assert marker == ('"◂"' if language in settings.LANGUAGES_BIDI else '"▸"')

    form = page.locator("#add-member")
    boxes = form.locator("input[type=checkbox]")
    assert boxes.count() >= 3
    sizes = {(round(box["width"]), round(box["height"])) for box in (boxes.nth(i).bounding_box() for i in range(boxes.count()))}
    assert len(sizes) == 1, sizes  # a box beside words that wrap does not shrink
    words = [text.strip() for text in form.locator("div:has(> input[type=checkbox]) > label").all_inner_texts()]
    assert words and not [text for text in words if text.endswith((":", "："))]  # the box comes first: no colon
    for i in range(boxes.count()):  # beside its words, with a help text under them too
        box, words_box = boxes.nth(i).bounding_box(), boxes.nth(i).locator("xpath=../label").bounding_box()
        assert words_box["y"] <= box["y"] + box["height"] / 2 <= words_box["y"] + words_box["height"]
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
    page.screenshot(path=str(sponsor.screenshot_dir / f"narrow-{language}-refusal.png"))
