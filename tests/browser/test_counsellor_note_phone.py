"""A counsellor's note in Dutch on an Arabic sponsor's phone stands on a line of its own, read left to right from
its start: wrapped around the Arabic label, its last word stood alone at the right edge of the next line."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.factories import CaseFactory, DocumentFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_dutch_note_reads_as_a_line_of_its_own_in_arabic(phone_factory):
    case = CaseFactory(sponsor__preferred_language="ar")
    document = DocumentFactory(case=case, review_status="rejected", rejection_reason="cut_off",
                               review_reason="Graag een scherpere foto van de achterkant")
    phone = phone_factory("counsellor-note-ar", language="ar")
    phone.sign_in(case.sponsor.username)

    note = phone.page.locator(f'[data-document="{document.pk}"] [data-counsellor-note]')
    expect(note).to_contain_text("كتب مرشدك:")
    label, words = note.locator(".note-label").bounding_box(), note.locator("bdi").bounding_box()
    box = note.bounding_box()
    assert words["y"] >= label["y"] + label["height"] - 1  # below the label, not beside it
    assert words["x"] - box["x"] < 16  # from the left, where Dutch starts
    phone.screenshot("1-note")
