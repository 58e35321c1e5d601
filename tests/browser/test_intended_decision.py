"""An IND intended decision (voornemen), read as 'other' with its own doubt: on the counsellor's review and the
sponsor's phone nothing suggests it starts the deadline."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from documents.pipeline.doubt import Doubt, DoubtCode
from documents.pipeline.types import DocumentKind, PipelineResult
from tests.browser.test_sponsor_side import clean, signed_in
from tests.factories import CaseFactory, CounsellorFactory, DocumentFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def voornemen_case(language: str = "en"):
    counsellor = CounsellorFactory()
    sponsor = UserFactory(preferred_language=language)
    case = CaseFactory(sponsor=sponsor, counsellors=[counsellor],
                       permit_decision_date=timezone.localdate() - timedelta(days=20))
    read = PipelineResult(kind=DocumentKind.OTHER, confidence=0.45, pages=1,
                          unsure=Doubt(DoubtCode.INTENDED_DECISION, DocumentKind.ASYLUM_DECISION))
    document = DocumentFactory(case=case, kind="other", confidence=read.confidence, fields=read.extracted_fields(),
                               original_name="ind-voornemen.pdf", about_sponsor=True)
    return case, counsellor, sponsor, document


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_sponsor_is_told_the_letter_is_not_the_decision_and_the_counsellor_not_asked_to_change_its_kind(
        phone_factory, laptop_factory, language):
    """The phone showed "Other · Waiting for review" under the IND's letter beside "Asylum decision: Missing", and
    the review asked to "check the kind": nothing said the letter was a voornemen that starts no deadline."""
    case, counsellor, sponsor, document = voornemen_case(language)
    phone = signed_in(phone_factory, sponsor, f"voornemen-sponsor-{language}")
    told = phone.page.locator(f'[data-document="{document.pk}"] [data-intended-decision]')
    expect(told).to_be_visible()
    if language == "en":
        expect(told).to_contain_text("It is not the decision itself: the deadline to apply does not start from it.")
        expect(phone.page.locator("li.requirement.status-missing")).to_contain_text("Asylum decision")
    clean(phone)
    phone.screenshot("case")

    desk = laptop_factory(f"voornemen-counsellor-{language}")
    desk.sign_in(counsellor.username)
    desk.page.goto(f"/review/documents/{document.pk}/")
    unsure = desk.page.locator("[data-unsure]")
    expect(unsure).to_be_visible()
    if language == "en":
        expect(unsure).not_to_contain_text("check the kind")
        expect(unsure).to_contain_text("The deadline does not start from it.")
    desk.screenshot("review")
