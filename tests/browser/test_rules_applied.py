"""The sponsor's page says which rules apply and why, in every interface language (issues 15 and 17): the rules
of the two-status law, the filing day they were chosen by, a child turning 18 before the deadline, a passport
that has run out and a statement needed from a birthday. Screenshots in each language."""

from datetime import date, timedelta

import pytest
from django.conf import settings as django_settings
from django.utils import timezone
from playwright.sync_api import expect

from documents.models import Document
from tests.factories import CaseFactory, DocumentFactory, FamilyMemberFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

LANGUAGES = [code for code, _ in django_settings.LANGUAGES]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_case_page_says_which_rules_apply_and_why(phone_factory, settings, language):
    today = timezone.localdate()
    settings.TWO_STATUS_RULES_FROM = today - timedelta(days=30)
    case = CaseFactory(sponsor=UserFactory(preferred_language=language), permit_decision_date=today - timedelta(days=20),
                       planned_filing_on=today + timedelta(days=7))
    FamilyMemberFactory(case=case, relation="spouse", given_names="Amina", surname="Yusuf", birth_date=date(1990, 5, 1))
    son = FamilyMemberFactory(case=case, relation="child", given_names="Hassan", surname="Yusuf",
                              birth_date=today.replace(year=today.year - 12) + timedelta(days=20))
    FamilyMemberFactory(case=case, relation="partner", given_names="Sara", surname="Ali", birth_date=date(1992, 1, 1))
    passport = DocumentFactory(case=case, kind=Document.Kind.PASSPORT, expiry_date=date(2019, 5, 3),
                               original_name="hassan-passport.jpg")
    passport.members.add(son)
    sponsor = phone_factory(f"rules-{language}", language=language)
    page = sponsor.page

    sponsor.sign_in(case.sponsor.username)
    expect(page.locator("html")).to_have_attribute("lang", language)
    rules = page.locator("#rules-applied")
    expect(rules).to_have_attribute("data-policy", "two_status")
    expect(rules.locator("li")).to_have_count(4)
    expect(page.locator(f'[data-member="{son.pk}"] [data-code="identity_document_expired"]')).to_be_visible()
    expect(page.locator(f'[data-member="{son.pk}"] [data-requirement-upcoming]')).to_be_visible()
    expect(page.locator(".reason[data-reason=relation_not_allowed_by_policy]")).to_be_visible()
    assert "two-status" not in rules.inner_text() or language == "en"  # every word in the reader's language
    assert sponsor.serious_accessibility_violations() == []
    rules.scroll_into_view_if_needed()
    sponsor.screenshot("case-page")
    assert sponsor.policy_violations == []
