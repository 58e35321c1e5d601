"""The sponsor's side on a phone: nothing lost by a wrong tap, whom a document is about, the deadline; and the
counsellor's printed invitation. Screenshots in every interface language the sponsor may read; axe-core on each."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.browser.conftest import log_in
from tests.factories import CaseFactory, CounsellorFactory, DocumentFactory, FamilyMemberFactory, UserFactory
from tracker import rules

pytestmark = pytest.mark.django_db(transaction=True)

SPONSOR_LANGUAGES = [code for code, _ in settings.LANGUAGES if code not in ("en", "nl")]


def family_case(language: str):
    """A sponsor with a wife and a son; a passport linked to the son, a birth certificate nobody is linked to,
    a marriage certificate whose birth date differs from the one typed for the wife, and a decision date read
    from the asylum decision, still to be confirmed."""
    sponsor = UserFactory(preferred_language=language)
    case = CaseFactory(sponsor=sponsor, counsellors=[CounsellorFactory()], permit_decision_date=None,
                       proposed_decision_date=timezone.localdate() - timedelta(days=20))
    wife = FamilyMemberFactory(case=case, relation="spouse", given_names="Amina", surname="Yusuf",
                               birth_date=date(1990, 3, 4), sex="F")
    son = FamilyMemberFactory(case=case, relation="child", given_names="Yonas", surname="Tesfay",
                              birth_date=date(2014, 6, 1), sex="M")
    passport = DocumentFactory(case=case, kind="passport", original_name="yonas-passport.jpg")
    passport.members.add(son)
    unassigned = DocumentFactory(case=case, kind="birth_certificate", original_name="certificate.jpg")
    marriage = DocumentFactory(case=case, kind="marriage_certificate", original_name="marriage.jpg",
                               fields={"people": [{"name": "AMINA YUSUF", "birth_date": "1990-04-03"}]})
    return case, wife, son, passport, unassigned, marriage


def signed_in(phone_factory, user, name: str):
    phone = phone_factory(name)
    phone.sign_in(user.username)
    return phone


def clean(phone) -> None:
    """With every fold open: no serious accessibility finding, and nothing wider than the phone."""
    phone.page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    assert phone.serious_accessibility_violations() == []
    too_wide = phone.page.evaluate(
        "[...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > innerWidth + 1"
        " || e.getBoundingClientRect().left < -1).map(e => e.tagName + '.' + e.className + ' ' +"
        " (e.textContent || '').trim().slice(0, 40))")
    assert too_wide == []


def test_remove_a_document_and_undo_it(phone_factory):
    case, wife, son, passport, *_ = family_case("ar")
    phone = signed_in(phone_factory, case.sponsor, "bin-ar")
    page = phone.page
    card = page.locator(f'[data-document="{passport.pk}"]')
    expect(card.locator("[data-remove]")).to_be_visible()  # not folded away under "About whom?"
    card.locator("[data-remove]").click()
    expect(page.locator("[data-confirm-remove]")).to_be_visible()  # asked first, a page of its own
    clean(phone)
    phone.screenshot("1-confirm")

    page.locator("[data-confirm-remove]").click()
    expect(page.locator(f'[data-binned="{passport.pk}"]')).to_be_visible()
    expect(card).to_have_count(0)
    assert default_storage.exists(passport.file.name)
    clean(phone)
    phone.screenshot("2-in-the-bin")

    page.locator(f'[data-restore="{passport.pk}"]').click()
    expect(page.locator(f'[data-document="{passport.pk}"]')).to_be_visible()
    expect(page.locator(f'[data-binned="{passport.pk}"]')).to_have_count(0)
    passport.refresh_from_db()
    assert passport.removed_at is None
    phone.screenshot("3-undone")
    assert phone.policy_violations == []


def test_link_an_unassigned_document_with_one_tap(phone_factory):
    case, wife, son, passport, unassigned, marriage = family_case("fa")
    phone = signed_in(phone_factory, case.sponsor, "assign-fa")
    page = phone.page
    expect(page.locator("[data-unassigned-count]")).to_have_attribute("data-unassigned-count", "2")
    card = page.locator(f'[data-document="{unassigned.pk}"]')
    expect(card.locator("[data-unassigned]")).to_be_visible()
    phone.screenshot("1-not-yet-assigned")

    card.locator(f'[data-assign-member="{son.pk}"]').click()  # the one tap

    expect(page.locator(f'[data-document="{unassigned.pk}"] [data-unassigned]')).to_have_count(0)
    expect(page.locator("[data-unassigned-count]")).to_have_attribute("data-unassigned-count", "1")
    assert list(unassigned.members.all()) == [son]
    clean(phone)
    phone.screenshot("2-assigned")


def test_a_first_sponsor_with_no_family_entered_is_led_to_add_the_member_a_document_is_about(phone_factory):
    """A child's birth certificate read before any family member was entered: the one button would say "it is about
    me"; a link leads to the form for adding the child, which stands open."""
    sponsor = UserFactory(preferred_language="ti")
    case = CaseFactory(sponsor=sponsor, counsellors=[CounsellorFactory()])
    certificate = DocumentFactory(case=case, kind="birth_certificate", original_name="birth.jpg")
    phone = signed_in(phone_factory, sponsor, "first-family-ti")
    page = phone.page
    card = page.locator(f'[data-document="{certificate.pk}"]')
    expect(card.locator("[data-assign-sponsor]")).to_be_visible()
    card.locator("[data-add-member-link]").click()
    expect(page.locator("[data-add-member]")).to_have_attribute("open", "")
    expect(page.locator("#add-member select[name=relation]")).to_be_in_viewport()
    phone.screenshot("1-add-member")
    page.locator("#add-member input[name=given_names]").fill("Selam")
    page.locator("#add-member input[name=surname]").fill("Tesfay")
    page.locator("#add-member select[name=relation]").select_option("child")
    page.locator("#add-member button[type=submit]").click()
    expect(card.locator("[data-assign-member]")).to_have_count(1)
    card.locator("[data-assign-member]").click()
    expect(page.locator(f'[data-document="{certificate.pk}"] [data-unassigned]')).to_have_count(0)
    assert [member.given_names for member in certificate.members.all()] == ["Selam"]
    clean(phone)


def test_confirm_a_proposed_link_and_correct_the_birth_date(phone_factory):
    case, wife, son, passport, unassigned, marriage = family_case("ti")
    phone = signed_in(phone_factory, case.sponsor, "proposal-ti")
    page = phone.page
    proposal = page.locator(f'[data-document="{marriage.pk}"] [data-proposal="{wife.pk}"]')
    expect(proposal.locator("[data-document-birth-date]")).to_have_attribute("data-document-birth-date", "1990-04-03")
    expect(proposal.locator("[data-entered-birth-date]")).to_have_attribute("data-entered-birth-date", "1990-03-04")
    clean(phone)
    phone.screenshot("1-proposed")

    proposal.locator("[data-proposal-correct]").click()

    expect(page.locator(f'[data-document="{marriage.pk}"] [data-proposal]')).to_have_count(0)
    wife.refresh_from_db()
    assert wife.birth_date == date(1990, 4, 3) and list(marriage.members.all()) == [wife]
    expect(page.locator(f'#member-{wife.pk} time')).to_have_attribute("datetime", "1990-04-03")
    phone.screenshot("2-corrected")


def test_see_the_deadline_before_confirming_the_date(phone_factory):
    case, *_ = family_case("so" if "so" in SPONSOR_LANGUAGES else "ar")
    phone = signed_in(phone_factory, case.sponsor, "deadline")
    page = phone.page
    deadline = rules.deadline_for(case.proposed_decision_date)
    expect(page.locator("[data-proposed-deadline]")).to_have_attribute("data-proposed-deadline", deadline.isoformat())
    clean(phone)
    phone.screenshot("1-before-confirming")

    page.locator('form[action$="/decision-date/confirm/"] button').click()

    expect(page.locator("[data-to-check]")).to_be_visible()
    expect(page.locator("#deadline-title + .deadline-date time")).to_have_attribute("datetime", deadline.isoformat())
    case.refresh_from_db()
    assert case.decision_date_to_check
    clean(phone)
    phone.screenshot("2-to-be-checked")


@pytest.mark.parametrize("language", SPONSOR_LANGUAGES)
def test_the_sponsors_pages_in_every_language(phone_factory, language):
    case, wife, son, passport, unassigned, marriage = family_case(language)
    removed = DocumentFactory(case=case, original_name="old-photo.jpg", removed_at=timezone.now(),
                              removed_by=case.sponsor)
    phone = signed_in(phone_factory, case.sponsor, f"sponsor-side-{language}")
    page = phone.page
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator(f'[data-binned="{removed.pk}"]')).to_be_visible()
    clean(phone)
    phone.screenshot("1-case")
    page.goto(f"/documents/{passport.pk}/remove/")
    clean(phone)
    phone.screenshot("2-remove")
    page.goto(f"/members/{wife.pk}/edit/")
    clean(phone)
    phone.screenshot("3-member")
    page.goto(f"/members/{wife.pk}/remove/")
    clean(phone)
    phone.screenshot("4-member-remove")
    assert phone.policy_violations == []


def test_the_counsellor_prints_the_invitation_on_one_a4_sheet(browser, live_server, screenshot_dir):
    counsellor = CounsellorFactory()
    case = CaseFactory(counsellors=[counsellor], sponsor=UserFactory(preferred_language="ar"))
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1366, "height": 900})
    page = context.new_page()
    try:
        page.goto("/login/")
        log_in(page, counsellor.username)
        page.goto(f"/cases/{case.pk}/invitation/")
        page.locator('form[action$="/invitation/new/"] button[type=submit]').click()
        expect(page.locator("[data-invitation-sheet]")).to_be_visible()
        expect(page.locator("[data-sheet-language]")).to_have_count(2)
        expect(page.locator('[data-sheet-language="ar"]')).to_have_attribute("dir", "rtl")
        page.screenshot(path=str(screenshot_dir / "invitation-1-screen.png"), full_page=True)
        page.emulate_media(media="print")
        page.screenshot(path=str(screenshot_dir / "invitation-2-print.png"), full_page=True)
        pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))
        assert len(pdf.pages) == 1
        width, height = float(pdf.pages[0].mediabox.width), float(pdf.pages[0].mediabox.height)
        assert (round(width), round(height)) == (595, 842)  # A4 in points
        text = pdf.pages[0].extract_text()
        assert "Nareis" in text and case.sponsor.username in text
        (screenshot_dir / "invitation.pdf").write_bytes(page.pdf(prefer_css_page_size=True))
    finally:
        context.close()


def test_the_farsi_invitation_numbers_its_steps_in_persian_digits(laptop_factory):
    counsellor = CounsellorFactory()
    case = CaseFactory(counsellors=[counsellor], sponsor=UserFactory(preferred_language="fa"))
    desk = laptop_factory("invitation-fa")
    page = desk.page
    desk.sign_in(counsellor.username)
    page.goto(f"/cases/{case.pk}/invitation/")
    page.locator('form[action$="/invitation/new/"] button[type=submit]').click()
    steps = {language: page.locator(f'[data-sheet-language="{language}"] ol').evaluate(
        "(list) => getComputedStyle(list).listStyleType") for language in ("fa", "nl")}
    assert steps == {"fa": "persian", "nl": "decimal"}
    desk.screenshot("1-sheet")
