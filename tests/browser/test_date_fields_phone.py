"""A date field on a phone set to the sponsor's language takes the date in the order that reader writes it (day
first in Dutch, Turkish and Arabic, read right to left there; month first in US English): typed that way, the right
day is saved. (Chromium's Farsi field puts the year first and takes up to six digits in it, so typing needs a move
to the month by hand; phones open a date picker instead.)"""

from __future__ import annotations

import io
from datetime import date

import pytest
import pytesseract
from PIL import Image, ImageOps
from playwright.sync_api import expect

from cases.models import FamilyMember
from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize(("language", "typed"), [
    ("nl", "07062015"), ("tr", "07062015"), ("ar", "07062015"), ("en", "06072015"),
])
def test_a_birth_date_typed_in_the_readers_order_is_saved_right(phone_factory, language, typed):
    case = CaseFactory(sponsor__preferred_language=language)
    phone = phone_factory(f"date-field-{language}", language=language)
    page = phone.page
    phone.sign_in(case.sponsor.username)
    form = page.locator("#add-member")
    form.locator("#id_relation").select_option("child")
    form.locator("#id_given_names").fill("Yonas")
    form.locator("#id_surname").fill("Haddad")

    form.locator("#id_birth_date").click()
    page.keyboard.press("Home")
    page.keyboard.type(typed)

    expect(form.locator("#id_birth_date")).to_have_value("2015-06-07")
    phone.screenshot("1-typed")
    form.locator("button[type=submit]").click()
    expect(page.locator(".messages")).to_be_visible()
    assert FamilyMember.objects.get(case=case).birth_date == date(2015, 6, 7)


@pytest.mark.parametrize(("language", "ocr_language", "pattern"), [
    ("ar", "ara", "يوم/شهر/سنة"),  # read right to left: year, month, day, as the date shows once typed
    ("fa", "eng", "yyyy/mm/dd"),  # Chromium's Farsi pattern is Latin, left to right like the digits of the date
])
def test_an_empty_date_field_shows_its_pattern_in_words_the_reader_can_read(phone_factory, language, ocr_language,
                                                                             pattern):
    """Chromium laid out the Arabic words of an empty date field letter by letter from the left ('موي/رهش/ة نس' for
    'يوم/شهر/سنة'): each word is isolated now (static/css/nareis.css). Read from the screen, as the reader does."""
    case = CaseFactory(sponsor__preferred_language=language)
    phone = phone_factory(f"date-pattern-{language}", language=language)
    page = phone.page
    phone.sign_in(case.sponsor.username)
    field = page.locator("#add-member #id_birth_date")
    expect(field).to_have_value("")

    seen = _read(field.screenshot(), ocr_language)

    phone.screenshot("1-empty-date-field")
    assert pattern in seen, seen


def _read(screenshot: bytes, language: str) -> str:
    """The words in a field's screenshot, without spaces, read by tesseract within the field's border."""
    image = Image.open(io.BytesIO(screenshot)).convert("L")
    inside = ImageOps.expand(image.crop((6, 6, image.width - 6, image.height - 6)), 30, 255)
    return "".join(pytesseract.image_to_string(inside, lang=language, config="--psm 11").split())
