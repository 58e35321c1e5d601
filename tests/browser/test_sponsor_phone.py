"""A sponsor on a phone, in Arabic: log in, photograph a passport, watch it being read, see it accepted."""

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from documents.models import Document
from tests.factories import CaseFactory, CounsellorFactory, FamilyMemberFactory

pytestmark = pytest.mark.django_db(transaction=True)

READING_CEILING_MS = 180_000  # a ceiling against hangs, not a speed check


def test_arabic_sponsor_uploads_a_passport_photo_and_sees_it_read_and_accepted(
    phone_factory, celery_worker, corpus_dir
):
    counsellor = CounsellorFactory()
    case = CaseFactory(counsellors=[counsellor], permit_decision_date=timezone.localdate() - timedelta(days=40))
    # 004: a passport still valid (an expired one no longer proves identity: rules' expiry check).
    child = FamilyMemberFactory(case=case, relation="child", given_names="Ahmad", surname="Rahimi",
                                birth_date=date(2019, 3, 17))
    sponsor = phone_factory("sponsor-ar", language="ar")
    page = sponsor.page

    page.goto("/login/")
    page.select_option("#language", "ar")  # the switcher submits itself
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    assert sponsor.serious_accessibility_violations() == []
    sponsor.screenshot("1-login")

    sponsor.log_in(case.sponsor.username)
    expect(page.locator("#deadline-title")).to_have_text("آخر موعد للتقديم")
    case.sponsor.refresh_from_db()
    assert case.sponsor.preferred_language == "ar"
    identity = page.locator(f'[data-member="{child.pk}"] [data-requirement="identity"]')
    expect(identity).to_have_attribute("data-status", "missing")
    assert sponsor.serious_accessibility_violations() == []
    sponsor.screenshot("2-checklist")

    with page.expect_file_chooser() as chooser:
        page.get_by_label("اختر صورًا أو ملفات PDF").click()
    assert chooser.value.is_multiple()
    chooser.value.set_files(corpus_dir / "004_passport.pdf")
    expect(page.locator(".upload-item")).to_have_attribute("data-upload-status", "done")
    expect(page.locator("#documents [data-document]")).to_have_count(1)  # the list refreshed by itself
    sponsor.screenshot("3-uploaded")

    expect(page.locator('[data-kind="passport"]')).to_be_visible(timeout=READING_CEILING_MS)
    expect(page.locator('[data-kind="passport"]')).to_have_text("جواز السفر")
    expect(identity).to_have_attribute("data-status", "pending")
    sponsor.screenshot("4-read")
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    assert sponsor.serious_accessibility_violations() == []  # with every fold opened

    accept_as_counsellor(phone_factory, counsellor, Document.objects.get(case=case))

    page.reload()
    expect(identity).to_have_attribute("data-status", "satisfied")
    expect(page.locator('[data-review="accepted"]')).to_have_text("تم القبول")
    sponsor.screenshot("5-accepted")
    assert sponsor.policy_violations == []


def accept_as_counsellor(phone_factory, counsellor, document):
    """The counsellor accepts the passport on its review screen, on their own phone."""
    phone = phone_factory("counsellor")
    phone.sign_in(counsellor.username)
    phone.page.goto(f"/review/documents/{document.pk}/")
    phone.page.locator("[data-shortcut=accept]").click()
    expect(phone.page.locator(".message.success")).to_be_visible()
    phone.page.goto(f"/cases/{document.case_id}/")
    expect(phone.page.locator(f"#review-document-{document.pk}")).to_have_class(re.compile("review-accepted"))
    phone.screenshot("1-accepted")


def test_a_photo_with_a_very_long_name_is_sent_and_refusals_are_not_offered_again(phone_factory, celery_worker):
    """A phone's 1,000-character file name gave a bare 400 that the page offered to send again, forever."""
    from tests.documents import hostile

    case = CaseFactory()
    sponsor = phone_factory("sponsor-long-name")
    page = sponsor.page
    sponsor.sign_in(case.sponsor.username)

    with page.expect_file_chooser() as chooser:
        page.locator("input[type=file][multiple]").first.click()
    chooser.value.set_files([{"name": "ف" * 996 + ".jpg", "mimeType": "image/jpeg", "buffer": hostile.photo_with_text()},
                             {"name": "drawing.svg", "mimeType": "image/svg+xml", "buffer": hostile.svg_with_script()}])

    items = page.locator(".upload-item")
    expect(items.nth(0)).to_have_attribute("data-upload-status", "done")
    expect(items.nth(1)).to_have_attribute("data-upload-status", "rejected")
    expect(page.locator(".upload-retry:visible")).to_have_count(0)
    assert Document.objects.get(case=case).original_name.endswith(".jpg")
