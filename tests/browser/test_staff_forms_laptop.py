"""On a laptop a staff form keeps a readable width: its labels and fields do not run across the whole screen."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.factories import CaseFactory, CounsellorFactory, FamilyMemberFactory

pytestmark = pytest.mark.django_db(transaction=True)

READABLE = 720  # px: about 45 characters of a 16px field, where a person still reads a form down its labels


def _widths(page, form_selector: str) -> dict[str, float]:
    form = page.locator(form_selector).first
    field = form.locator("input[type=text], input:not([type]), input[type=email], input[type=tel]").first
    return {"form": form.bounding_box()["width"], "field": field.bounding_box()["width"],
            "main": page.locator("main").bounding_box()["width"]}


def test_a_counsellors_forms_keep_a_readable_width_on_a_laptop(laptop_factory):
    counsellor = CounsellorFactory(first_name="Sanne", last_name="de Vries")
    case = CaseFactory(counsellors=[counsellor], organisation=counsellor.organisation)
    member = FamilyMemberFactory(case=case, given_names="Yonas", surname="Rahimi")
    desk = laptop_factory("staff-forms-laptop")
    page = desk.page
    desk.sign_in(counsellor.username)

    for step, url, form in (("1-new-case", "/counsellor/cases/new/", "main form.stack"),
                            ("2-member-details", f"/members/{member.pk}/edit/", "main form.stack")):
        page.goto(url)
        expect(page.locator(form).first).to_be_visible()
        widths = _widths(page, form)
        desk.screenshot(step)
        assert widths["main"] > 1000, widths  # the staff page itself still uses the laptop's width
        assert widths["form"] <= READABLE and widths["field"] <= READABLE, (step, widths)
        assert desk.serious_accessibility_violations() == []
