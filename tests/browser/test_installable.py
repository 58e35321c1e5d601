"""The site installs as an app on a phone (issue 12): manifest, icons, service worker, offline page."""

from __future__ import annotations

import pytest

from tests.browser.conftest import Phone

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_site_is_installable_and_shows_a_page_offline(browser, live_server, screenshot_dir):
    phone = Phone(browser, live_server.url, screenshot_dir, "installable")
    page = phone.page
    page.goto("/login/")
    manifest_url = page.locator("link[rel=manifest]").get_attribute("href")
    manifest = page.request.get(manifest_url)
    assert manifest.ok and manifest.headers["content-type"].startswith("application/manifest+json")
    data = manifest.json()
    assert data["name"] and data["short_name"] and data["start_url"] == "/" and data["display"] == "standalone"
    sizes = {icon["sizes"] for icon in data["icons"] if icon["type"] == "image/png"}
    assert {"192x192", "512x512"} <= sizes
    for icon in data["icons"]:
        response = page.request.get(icon["src"])
        assert response.ok and response.headers["content-type"] == "image/png", icon

    scope = page.evaluate("navigator.serviceWorker.ready.then(registration => registration.scope)")
    assert scope == live_server.url + "/"
    page.reload()
    assert page.evaluate("navigator.serviceWorker.controller !== null")

    phone.context.set_offline(True)
    page.goto("/cases/")
    assert page.locator("[data-offline]").is_visible()
    phone.screenshot("offline")
    phone.context.set_offline(False)
    assert not phone.policy_violations  # the strict policy holds: no inline script
    phone.context.close()
