"""A sponsor on a phone adds a family member the server refuses: the form comes back open, filled in, scrolled to
the refused field, which looks refused (it was an empty, folded form, the error at the page's top)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.factories import CaseFactory, FamilyMemberFactory

pytestmark = pytest.mark.django_db(transaction=True)



def test_a_refused_member_comes_back_as_typed_in_arabic(phone_factory):
    case = CaseFactory(sponsor__preferred_language="ar")
    FamilyMemberFactory(case=case, given_names="Amal")
    phone = phone_factory("refused-member-ar", language="ar")
    page = phone.page
    phone.sign_in(case.sponsor.username)
    page.locator("[data-add-member] summary").click()
    form = page.locator("#add-member")
    form.locator("#id_relation").select_option("child")
    form.locator("#id_given_names").fill("سارة")
    form.locator("#id_surname").fill("   ")  # the browser lets spaces through; the server refuses them
    form.locator("button[type=submit]").click()

    expect(page).to_have_url(re.compile(rf"/cases/{case.pk}/$"))  # the case page: reloading or switching language works
    form = page.locator("#add-member")
    expect(form.locator("[data-member-errors]")).to_have_text("لم تتم إضافة فرد العائلة: انظر الحقل المحدد أدناه.")
    expect(form.locator("#id_given_names")).to_have_value("سارة")
    expect(form.locator("#id_relation")).to_have_value("child")
    surname = form.locator("#id_surname")
    expect(surname).to_be_focused()
    expect(surname).to_be_in_viewport()
    colour = page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--bad').trim()")
    assert surname.evaluate("e => getComputedStyle(e).borderTopColor") == page.evaluate(
        "c => { const e = document.createElement('i'); e.style.color = c; document.body.append(e);"
        " const rgb = getComputedStyle(e).color; e.remove(); return rgb; }", colour)
    assert phone.serious_accessibility_violations() == []
    phone.screenshot("1-refused")
