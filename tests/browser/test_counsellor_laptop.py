"""A counsellor on a laptop works through a ten-document case; the sponsor, on a phone in Arabic, sees the outcome."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from playwright.sync_api import expect

from documents.models import Document
from tests.browser.conftest import LAPTOP
from tests.factories import CaseFactory, CounsellorFactory, DocumentFactory, FamilyMemberFactory

pytestmark = pytest.mark.django_db(transaction=True)

SCANS = ["002_passport.jpg", "003_passport.jpg", "008_id_card.jpg", "011_birth_certificate.jpg",
         "012_birth_certificate.jpg", "016_marriage_certificate.jpg", "021_family_booklet.jpg",
         "028_translation.jpg", "009_id_card.jpg", "013_birth_certificate.jpg"]
KINDS = ["passport", "passport", "id_card", "birth_certificate", "birth_certificate", "marriage_certificate",
         "family_booklet", "translation", "id_card", "birth_certificate"]


def ten_document_case(corpus_dir):
    counsellor = CounsellorFactory(first_name="Sanne", last_name="de Vries")
    case = CaseFactory(counsellors=[counsellor], permit_decision_date=timezone.localdate() - timedelta(days=50),
                       sponsor__first_name="Yonas", sponsor__last_name="Rahimi", sponsor__preferred_language="ar",
                       sponsor__email="yonas@example.org")
    wife = FamilyMemberFactory(case=case, relation="spouse", given_names="Amal", surname="Rahimi",
                               birth_date=date(1990, 3, 4))
    child = FamilyMemberFactory(case=case, relation="child", given_names="Sara", surname="Rahimi",
                                birth_date=date(2016, 2, 3))
    documents = []
    for index, (scan, kind) in enumerate(zip(SCANS, KINDS, strict=True)):
        data = (corpus_dir / scan).read_bytes()
        document = DocumentFactory(case=case, file=ContentFile(data, name=scan), original_name=scan,
                                   kind=kind, confidence=0.9 if index != 2 else 0.42, size=len(data),
                                   fields={"pages": 1, "people": [{"name": "Amal Rahimi", "birth_date": "1990-03-04"}]})
        document.members.add(wife if index % 2 else child)
        documents.append(document)
    case.child = child
    return counsellor, case, documents


def press(page, key: str) -> None:
    """A review shortcut, once the page's script listens: the title of a document just opened shows before that."""
    page.wait_for_load_state()
    page.keyboard.press(key)


def assert_accessible(device) -> None:
    assert device.accessibility_violations() == []


def test_a_counsellor_reviews_a_ten_document_case_with_the_keyboard(laptop_factory, phone_factory, corpus_dir):
    counsellor, case, documents = ten_document_case(corpus_dir)
    child = case.child
    desk = laptop_factory("counsellor-laptop")
    page = desk.page
    desk.sign_in(counsellor.username)

    page.goto(f"/cases/{case.pk}/")
    expect(page.locator("[data-case-header]")).to_contain_text("Yonas Rahimi")
    assert_accessible(desk)
    desk.screenshot("1-case")

    page.get_by_role("link", name="Documents to review").click()
    expect(page.locator(".review-queue tbody tr")).to_have_count(10)
    assert_accessible(desk)
    desk.screenshot("2-queue")

    page.get_by_role("link", name="Start reviewing").click()
    first, second, third = documents[0], documents[1], documents[2]
    expect(page).to_have_url(f"{desk.page.url.split('/review')[0]}/review/documents/{first.pk}/?from=queue")
    expect(page.locator("img[data-page='1']")).to_have_js_property("complete", True)
    assert page.locator("img[data-page='1']").evaluate("img => img.naturalWidth") > 0
    page.get_by_role("link", name="Turn right").click()
    expect(page.locator("img[data-page='1']")).to_have_attribute(
        "src", re.compile(rf"/documents/{first.pk}/file/\?page=1&turn=1$"))
    page.get_by_role("link", name="Zoom in").click()
    expect(page.locator("[data-zoom-label]")).to_have_text("150%")
    assert_accessible(desk)
    desk.screenshot("3-review-screen")

    press(page, "a")  # accept: the next document opens
    expect(page.locator(".viewer-title")).to_have_text(second.original_name)
    press(page, "n")
    expect(page.locator(".viewer-title")).to_have_text(third.original_name)
    expect(page.locator("[data-unsure]")).to_be_visible()
    press(page, "p")
    expect(page.locator(".viewer-title")).to_have_text(second.original_name)

    press(page, "r")  # reject without a reason: the reason list gets the focus and says why
    reason = page.locator("#id_rejection_reason")
    expect(reason).to_be_focused()
    expect(page.locator("#error-rejection_reason")).to_be_visible()
    assert_accessible(desk)
    desk.screenshot("4-reason-needed")
    reason.select_option("glare")
    page.locator("#id_review_reason").fill("De flits valt op de foto, rechtsboven.")
    reason.focus()
    reason.press("Enter")
    expect(page.locator(".viewer-title")).to_have_text(third.original_name)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.review_status == Document.Review.ACCEPTED
    assert (second.review_status, second.rejection_reason) == (Document.Review.REJECTED, "glare")
    assert desk.policy_violations == []

    page.goto(f"/cases/{case.pk}/")
    notes = page.locator("#notes")
    notes.get_by_label("Note (only staff see it)").fill("Bel Yonas over de geboorteakte van Sara")
    notes.get_by_label("Due on (makes it a task)").fill("2026-12-15")
    notes.get_by_label("For").select_option(label="Sanne de Vries")
    notes.get_by_role("button", name="Add").click()
    expect(page.locator("#notes [data-task=open]")).to_contain_text("15 December 2026")
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    assert_accessible(desk)
    desk.screenshot("5-case-with-task-and-history")

    page.goto("/")
    expect(page.locator("[data-my-task]")).to_contain_text("Bel Yonas")
    expect(page.locator(f'[data-case="{case.pk}"] [data-open-tasks]')).to_have_attribute("data-open-tasks", "1")
    assert_accessible(desk)
    desk.screenshot("6-dashboard-with-task")

    page.goto(f"/cases/{case.pk}/")
    page.locator(f'[data-member="{child.pk}"] [data-member-edit]').click()
    expect(page.locator("[data-case-header]")).to_contain_text("Yonas Rahimi")
    page.get_by_label("Date of birth").fill("2016-02-04")
    assert_accessible(desk)
    desk.screenshot("7-member-edit")
    page.get_by_role("button", name="Save").click()
    child.refresh_from_db()
    assert child.birth_date == date(2016, 2, 4)
    assert desk.policy_violations == []

    sponsor = phone_factory("sponsor-rejected-ar", language="ar")
    sponsor.sign_in(case.sponsor.username)
    expect(sponsor.page.locator("html")).to_have_attribute("dir", "rtl")
    rejected = sponsor.page.locator(f'[data-document="{second.pk}"]')
    expect(rejected.locator("[data-rejection-reason]")).to_have_text(
        "ينعكس الضوء على الوثيقة. التقط الصورة مرة أخرى بدون فلاش وبعيدًا عن المصباح.")
    expect(rejected.locator("[data-counsellor-note]")).to_contain_text("كتب مرشدك:")
    assert_accessible(sponsor)
    sponsor.screenshot("1-rejection-in-arabic")


def test_the_review_screen_works_without_javascript(phone_factory, corpus_dir):
    counsellor, case, documents = ten_document_case(corpus_dir)
    desk = phone_factory("counsellor-no-js", LAPTOP | {"java_script_enabled": False})
    page = desk.page
    desk.sign_in(counsellor.username)
    page.goto(f"/review/documents/{documents[0].pk}/")

    page.get_by_role("link", name="Turn right").click()  # a link: the page comes back turned
    expect(page.locator("img[data-page='1']")).to_have_attribute("src", re.compile(r"turn=1$"))
    page.get_by_role("button", name="Reject").click()
    expect(page.locator("#error-rejection_reason")).to_be_visible()
    expect(page.locator("#id_rejection_reason")).to_be_focused()  # autofocus: no script needed
    desk.screenshot("1-error-next-to-the-reason")  # axe-core needs scripts: the same page is checked above
    page.locator("#id_rejection_reason").select_option("cut_off")
    page.get_by_role("button", name="Reject").click()
    expect(page.locator(".viewer-title")).to_have_text(documents[1].original_name)
    documents[0].refresh_from_db()
    assert documents[0].rejection_reason == "cut_off"


def test_a_page_that_cannot_be_drawn_says_so(laptop_factory, corpus_dir):
    """A damaged photo, and a PDF whose second page cannot be drawn: a sentence in place of each, never a broken
    picture; the page that can be drawn still shows, also after turning."""
    counsellor = CounsellorFactory()
    case = CaseFactory(counsellors=[counsellor])
    damaged = DocumentFactory(case=case, original_name="damaged.jpg", fields={"pages": 1})
    data = (corpus_dir / "001_passport.pdf").read_bytes()
    pdf = DocumentFactory(case=case, file=ContentFile(data, name="passport.pdf"), original_name="passport.pdf",
                          content_type="application/pdf", size=len(data), fields={"pages": 2})
    desk = laptop_factory("counsellor-page-not-drawn")
    page = desk.page
    desk.sign_in(counsellor.username)

    page.goto(f"/review/documents/{damaged.pk}/")
    expect(page.locator("img[data-page='1']")).to_be_hidden()
    expect(page.locator("[data-page-missing]")).to_have_text(
        "This page cannot be shown here. Download the file to look at it.")
    assert_accessible(desk)
    desk.screenshot("1-damaged-photo")

    page.goto(f"/review/documents/{pdf.pk}/")
    expect(page.locator("img[data-page='2']")).to_be_hidden()
    expect(page.locator("[data-page-missing]").nth(1)).to_be_visible()
    expect(page.locator("img[data-page='1']")).to_be_visible()
    expect(page.locator("[data-page-missing]").first).to_be_hidden()
    page.get_by_role("link", name="Turn right").click()
    expect(page.locator("img[data-page='1']")).to_have_attribute("src", re.compile(r"turn=1$"))
    expect(page.locator("img[data-page='1']")).to_be_visible()
    expect(page.locator("[data-page-missing]").nth(1)).to_be_visible()
    desk.screenshot("2-pdf-second-page-not-drawn")
    assert desk.policy_violations == []
