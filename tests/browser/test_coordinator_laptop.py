"""On a laptop: a coordinator hands two cases of an ill counsellor to a colleague and reads the reports;
a counsellor sets up two-step login on their first login."""

from __future__ import annotations

import base64
import re
from datetime import timedelta

import pytest
from django.utils import timezone
from django_otp.oath import totp
from playwright.sync_api import expect

from documents.models import Document
from tests.factories import CaseFactory, CoordinatorFactory, CounsellorFactory, DocumentFactory, OrganisationFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_coordinator_reassigns_two_cases_and_reads_the_reports(laptop_factory):
    team = OrganisationFactory(name="Gemeente Utrecht")
    coordinator = CoordinatorFactory(organisation=team, first_name="Ruud", last_name="Bakker")
    ill = CounsellorFactory(organisation=team, first_name="Pieter", last_name="Ziek", is_active=False)
    colleague = CounsellorFactory(organisation=team, first_name="Sanne", last_name="de Vries")
    today = timezone.localdate()
    followed = CaseFactory(organisation=team, counsellors=[colleague], sponsor__first_name="Omar",
                           permit_decision_date=today - timedelta(days=80))
    left = [CaseFactory(organisation=team, counsellors=[ill], sponsor__first_name=name,
                        permit_decision_date=today - timedelta(days=days)) for name, days in (("Yonas", 60), ("Amal", 20))]
    for case in (followed, *left):
        DocumentFactory(case=case, kind=Document.Kind.PASSPORT, review_status="rejected", rejection_reason="blurred")
        DocumentFactory(case=case, kind=Document.Kind.BIRTH_CERTIFICATE, review_status="accepted")
    CaseFactory(organisation=OrganisationFactory(name="Advocaten Noord"), sponsor__first_name="Elsewhere")

    desk = laptop_factory("coordinator-laptop")
    page = desk.page
    desk.sign_in(coordinator.username)

    rows = page.locator("tr[data-case]")
    expect(rows).to_have_count(3)
    expect(page.locator("h1")).to_contain_text("Gemeente Utrecht")
    expect(page.locator("[data-unattended-count]")).to_contain_text("2 cases without an active counsellor")
    # The two cases of the deactivated counsellor come first.
    assert {rows.nth(0).get_attribute("data-case"), rows.nth(1).get_attribute("data-case")} == {
        str(case.pk) for case in left}
    expect(page.get_by_text("Elsewhere")).to_have_count(0)
    assert desk.serious_accessibility_violations() == []
    desk.screenshot("1-dashboard")

    for case in left:
        page.locator(f"#choose-{case.pk}").check()
    page.locator(".assign-panel").get_by_label("Sanne de Vries").check()
    page.locator(".assign-panel").get_by_label("Remove the counsellors the cases have now").check()
    desk.screenshot("2-chosen")
    page.locator(".assign-panel button[type=submit]").click()
    page.wait_for_load_state()

    expect(page.locator(".messages")).to_contain_text("Counsellors of 2 cases changed.")
    expect(page.locator("[data-unattended-count]")).to_have_count(0)
    for case in left:
        expect(page.locator(f"tr[data-case='{case.pk}'] [data-counsellors]")).to_have_text(re.compile("Sanne de Vries"))
        assert [c.pk for c in case.counsellors.all()] == [colleague.pk]
    desk.screenshot("3-reassigned")

    page.get_by_role("link", name="Reports").click()
    page.wait_for_load_state()
    expect(page.locator("h1")).to_contain_text("Reports of Gemeente Utrecht")
    expect(page.locator("[data-deadlines-missed]")).to_contain_text("0")
    expect(page.locator("svg.chart")).to_have_count(4)
    expect(page.locator("#report-rejections")).to_contain_text("The photo is blurred")
    expect(page.locator("#report-workload")).to_contain_text("Sanne de Vries")
    assert desk.serious_accessibility_violations() == []
    desk.screenshot("4-reports")
    with page.expect_download() as download:
        page.locator("#report-workload a[download]").click()
    assert download.value.suggested_filename.startswith("nareis-workload-")
    assert desk.policy_violations == []


def test_a_counsellor_sets_up_two_step_login_on_their_first_login(laptop_factory, settings):
    settings.TWO_FACTOR_REQUIRED = True
    counsellor = CounsellorFactory(first_name="Sanne", last_name="de Vries")
    CaseFactory(counsellors=[counsellor])

    desk = laptop_factory("counsellor-two-factor")
    page = desk.page
    desk.sign_in(counsellor.username)

    expect(page).to_have_url(re.compile("/two-factor/setup/"))
    expect(page.locator("[data-qr] svg")).to_be_visible()
    assert desk.serious_accessibility_violations() == []
    desk.screenshot("1-setup")

    # What the phone's authenticator app does with the key shown beside the QR code.
    secret = page.locator("[data-secret]").inner_text().replace(" ", "")
    code = f"{totp(base64.b32decode(secret)):06d}"
    page.get_by_role("textbox", name="Code").fill(code)
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_load_state()

    expect(page.locator("[data-recovery-codes] li")).to_have_count(10)
    recovery_codes = page.locator("[data-recovery-codes] li").all_inner_texts()
    desk.screenshot("2-recovery-codes")
    page.get_by_role("link", name="I have kept them: continue").click()
    page.wait_for_load_state()
    expect(page.locator("h1")).to_have_text("My cases")
    desk.screenshot("3-dashboard")

    # The next login asks for a code; a recovery code works.
    # The logout form first asks the phone's store whether photos wait to be sent, then posts:
    # wait for it to land on the login page rather than racing it with a navigation of our own.
    page.get_by_role("button", name="Log out").click()
    page.wait_for_url(re.compile("/login/"))
    desk.log_in(counsellor.username)
    expect(page).to_have_url(re.compile("/two-factor/"))
    desk.screenshot("4-second-step")
    page.get_by_role("textbox", name="Code").fill(recovery_codes[0])
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()
    expect(page.locator("h1")).to_have_text("My cases")
    assert desk.policy_violations == []
