"""Take it again (issue 12), on a phone, in Arabic and in Tigrinya: a blurred photo gets its advice from the worker
within seconds, and the sharp photo taken again replaces it (the blurred one goes to the bin, the new one is read)."""

import io

import pytest
from django.utils import translation
from playwright.sync_api import expect

from bench.photo_faults import retake_photo
from documents.models import Document
from documents.pipeline.retake import Retake
from documents.retake import RETAKE_LABELS
from tests.factories import CaseFactory, FamilyMemberFactory

pytestmark = pytest.mark.django_db(transaction=True)

READING_CEILING_MS = 180_000  # a ceiling against hangs, not a speed check
PAGE = "013_birth_certificate.jpg"  # a printed page the pipeline reads well when the photo is sharp


def _jpeg(image) -> bytes:
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("ti", "ltr")])
def test_a_blurred_photo_is_taken_again_and_replaced(phone_factory, celery_worker, corpus_dir, language, direction):
    case = CaseFactory()
    child = FamilyMemberFactory(case=case, relation="child", given_names="Selam", surname="Tesfay")
    path = str(corpus_dir / PAGE)
    with translation.override(language):
        advice = str(RETAKE_LABELS[Retake.BLURRED])
        take_it_again = translation.gettext("Take it again")
    sponsor = phone_factory(f"retake-{language}", language=language)
    page = sponsor.page

    page.goto("/login/")
    page.select_option("#language", language)
    expect(page.locator("html")).to_have_attribute("dir", direction)
    sponsor.log_in(case.sponsor.username)

    with page.expect_file_chooser() as chooser:
        page.locator("input[type=file][multiple]").first.click()
    chooser.value.set_files([{"name": "IMG_2041.jpg", "mimeType": "image/jpeg",
                              "buffer": _jpeg(retake_photo(path, "blurred"))}])
    card = page.locator("#documents [data-document]")
    expect(card).to_have_count(1)
    blurred = Document.objects.get(case=case)
    blurred.members.add(child)  # the sponsor said whom it is about; the new photo keeps that

    retake = card.locator("[data-retake]")
    expect(retake).to_have_attribute("data-retake", "blurred", timeout=READING_CEILING_MS)
    expect(retake).to_contain_text(advice)
    camera = retake.get_by_label(take_it_again)  # the camera opens from the button-like label around the file input
    expect(retake.get_by_text(take_it_again)).to_be_visible()
    expect(retake.locator("[data-retake-submit]")).to_be_hidden()  # with JavaScript the photo goes when taken
    _fits_the_phone(page)
    assert sponsor.serious_accessibility_violations() == []
    sponsor.screenshot("1-advice")
    card.screenshot(path=str(sponsor.screenshot_dir / f"{sponsor.name}-1-advice-card.png"))

    with page.expect_file_chooser() as chooser:
        camera.click()
    chooser.value.set_files([{"name": "IMG_2042.jpg", "mimeType": "image/jpeg",
                              "buffer": _jpeg(retake_photo(path, None))}])

    expect(page.locator(f'#documents [data-document="{blurred.pk}"]')).to_have_count(0)
    expect(page.locator(f'[data-binned="{blurred.pk}"]')).to_be_visible()  # in the bin, where it can be put back
    new = Document.objects.exclude(pk=blurred.pk).get(case=case)
    new_card = page.locator(f'#documents [data-document="{new.pk}"]')
    expect(new_card.locator('[data-kind="birth_certificate"]')).to_be_visible(timeout=READING_CEILING_MS)
    expect(new_card.locator("[data-retake]")).to_have_count(0)
    assert list(new.members.all()) == [child]
    _fits_the_phone(page)
    assert sponsor.serious_accessibility_violations() == []
    sponsor.screenshot("2-replaced")
    page.locator("#documents").screenshot(path=str(sponsor.screenshot_dir / f"{sponsor.name}-2-replaced-list.png"))
    assert sponsor.policy_violations == []


def _fits_the_phone(page) -> None:
    """Nothing wider than the phone's screen: no sideways scrolling, whichever way the language runs."""
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
