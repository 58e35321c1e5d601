"""On a laptop (1366 x 768), the admin's lists of documents and cases: a 200-character file name or an Arabic name
written without spaces wraps in its cell; the status, kind and organisation columns stay on the screen."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.factories import AdminFactory, CaseFactory, DocumentFactory, FamilyMemberFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

LONG_FILE_NAME = "وثيقة_" * 32 + "1.jpg"  # about 200 characters, not one space
LONG_NAME = "عبدالرحمن" * 16  # 144 characters, within a first name's 150


def test_long_names_leave_the_other_columns_on_the_screen(laptop_factory):
    admin = AdminFactory()
    case = CaseFactory(sponsor=UserFactory(first_name=LONG_NAME, last_name="الأحمد"))
    DocumentFactory(case=case, original_name=LONG_FILE_NAME)
    desk = laptop_factory("admin-laptop")
    page = desk.page
    desk.sign_in(admin.username)

    page.goto("/admin/documents/document/")
    for column in ("Status", "Kind", "Review"):
        header = page.locator("#result_list thead th", has_text=column).first
        expect(header).to_be_in_viewport()
        assert header.bounding_box()["x"] + header.bounding_box()["width"] <= 1366
    desk.screenshot("documents-long-names")

    page.goto("/admin/cases/case/")
    for column in ("Organisation", "V-number"):
        header = page.locator("#result_list thead th", has_text=column).first
        assert header.bounding_box()["x"] + header.bounding_box()["width"] <= 1366
    desk.screenshot("cases-long-names")


def test_a_case_with_its_family_fits_a_laptop(laptop_factory):
    """The family members' rows made a case's page 1700 px wide: the yes/no columns and the delete box were out of
    sight, and the whole page scrolled sideways."""
    admin = AdminFactory()
    case = CaseFactory()
    for given_names in ("Fatima", "Yonas", "Nour", "Sara"):
        FamilyMemberFactory(case=case, given_names=given_names, surname="Rahimi")
    desk = laptop_factory("admin-laptop-case")
    page = desk.page
    desk.sign_in(admin.username)

    page.goto(f"/admin/cases/case/{case.pk}/change/")
    expect(page.locator("#site-name")).to_have_text("Nareis")
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366
    married = page.locator(".inline-group thead th", has_text="Married").first
    married.scroll_into_view_if_needed()
    assert married.bounding_box()["x"] + married.bounding_box()["width"] <= 1366
    desk.screenshot("case-with-family")
