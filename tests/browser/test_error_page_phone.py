"""A fault of ours, as the sponsor's phone shows it (templates/500.html, drawn with no request): in their language and
direction, within the screen, with a way back and no serious accessibility finding. Screenshots in each."""

from __future__ import annotations

import pytest
from django.urls import include, path
from playwright.sync_api import expect

import config.urls
from tests.factories import CaseFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.urls(__name__)]


def _fails(request):
    raise RuntimeError("a fault of ours")


urlpatterns = [path("fails/", _fails), path("", include("config.urls"))]
handler500 = config.urls.handler500


@pytest.mark.parametrize(("language", "direction", "title"), [
    ("ar", "rtl", "حدث خطأ"), ("nl", "ltr", "Er ging iets mis"), ("ti", "ltr", None),
])
def test_a_fault_of_ours_on_a_phone(phone_factory, language, direction, title):
    case = CaseFactory(sponsor__preferred_language=language)
    phone = phone_factory(f"error-500-{language}", language=language)
    page = phone.page
    phone.sign_in(case.sponsor.username)

    response = page.goto("/fails/")

    assert response.status == 500
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("html")).to_have_attribute("dir", direction)
    if title:
        expect(page.locator("h1")).to_have_text(title)
        assert page.evaluate("navigator.language").split("-")[0] == language  # the phone is set to it too
    expect(page.locator("[data-server-error] a.button")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert phone.serious_accessibility_violations() == []
    phone.screenshot("1-server-error")
    assert phone.policy_violations == []
