"""The sponsor's phone page in Somali, Turkish and Tigrinya: chosen on the login page, laid out left to right, every word
theirs."""

from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.factories import CaseFactory, FamilyMemberFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize(("language", "deadline_title", "child_relation"), [
    ("so", "Waqtiga ugu dambeeya ee codsiga", "Ilmo (ka yar 18 sano)"),
    ("tr", "Son başvuru tarihi", "Çocuk (18 yaşından küçük)"),
    ("ti", "መወዳእታ ዕለት ምእታው ሕቶ", "ውላድ (ትሕቲ 18\u00a0ዓመት)"),
])
def test_sponsor_reads_the_checklist_in_their_language(phone_factory, language, deadline_title, child_relation):
    case = CaseFactory(permit_decision_date=timezone.localdate() - timedelta(days=70))
    FamilyMemberFactory(case=case, relation="child", given_names="Hodan", surname="Warsame", birth_date=date(2010, 3, 2))
    sponsor = phone_factory(f"sponsor-{language}", language=language)
    page = sponsor.page

    page.goto("/login/")
    page.select_option("#language", language)
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    sponsor.screenshot("1-login")

    sponsor.log_in(case.sponsor.username)
    expect(page.locator("#deadline-title")).to_have_text(deadline_title)
    expect(page.locator("main")).to_contain_text(child_relation)
    assert sponsor.serious_accessibility_violations() == []
    sponsor.screenshot("2-checklist")
    assert sponsor.policy_violations == []
