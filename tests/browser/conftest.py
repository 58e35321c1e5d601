"""Real Chromium (Debian's) driven by Playwright, phone-sized, against pytest-django's live server.

Screenshots go to ``$NAREIS_TEST_ARTIFACTS/screenshots/``; axe-core (from node_modules, see package.json)
is injected into pages to check accessibility.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect, sync_playwright

# Playwright's sync API runs an event loop in this thread; the ORM calls in tests are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
LAPTOP = {"viewport": {"width": 1366, "height": 768}, "device_scale_factor": 1}  # staff work on laptops
AXE_SOURCE = settings.BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"
PASSWORD = "correct horse battery"  # the factories' password
# Ceilings against hangs on a busy machine, not speed checks.
expect.set_options(timeout=30_000)


def log_in(page, username: str, password: str = PASSWORD) -> None:
    """Fill in and send the login form already open on ``page`` (a phone's page, or another tab of it)."""
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.locator("form.card button[type=submit]").click()
    page.wait_for_load_state()


@dataclass
class Invitation:
    code: str
    link: str
    username: str


def open_a_case(desk: "Phone", counsellor, given_names: str, surname: str, language: str = "") -> Invitation:
    """A counsellor logs in on ``desk``, opens a case for a new sponsor (asylum decision 1 Oct 2026, refugee permit)
    and reads the invitation shown. The form has no serious accessibility finding."""
    page = desk.page
    desk.sign_in(counsellor.username)
    page.get_by_role("link", name="New case").click()
    page.get_by_label("Sponsor's given names").fill(given_names)
    page.get_by_label("Sponsor's surname").fill(surname)
    page.get_by_label("Date on the asylum decision").fill("2026-10-01")
    page.get_by_label("Permit type").select_option("refugee")
    page.get_by_label("Sponsor's language").select_option(language)
    assert desk.serious_accessibility_violations() == []
    page.get_by_role("button", name="Create case and invitation").click()
    return Invitation(
        code=page.locator("[data-invitation-code]").inner_text(),
        link=page.locator("[data-invitation-link]").inner_text(),
        username=page.locator("[data-invitation-username]").inner_text(),
    )


@pytest.fixture(scope="session")
def playwright_driver():
    assert Path(CHROMIUM).exists(), "Chromium is missing: `make test` installs it (Makefile APT_PACKAGES)"
    with sync_playwright() as playwright:
        yield playwright


def _launch(playwright, language: str | None = None):
    # Chromium takes its own language (date fields' format, Accept-Language) from the environment; its
    # translations come with Debian's chromium-l10n (Makefile APT_PACKAGES).
    env = {**os.environ, "LANGUAGE": language} if language else None
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True, env=env)


@pytest.fixture(scope="session")
def browser(playwright_driver):
    """Chromium as installed, in English (US)."""
    browser = _launch(playwright_driver)
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def browser_in(playwright_driver, browser):
    """``browser_in("ar")``: a Chromium set to a reader's language, as their own phone is, so a date field shows
    the day, month and year in their order and digits (not mm/dd/yyyy); launched once per language."""
    launched = {}

    def get(language: str | None):
        if language is None:
            return browser
        if language not in launched:
            launched[language] = _launch(playwright_driver, language)
        return launched[language]

    yield get
    for each in launched.values():
        each.close()


@pytest.fixture(scope="session")
def screenshot_dir(tmp_path_factory) -> Path:
    root = os.environ.get("NAREIS_TEST_ARTIFACTS")
    folder = Path(root) / "screenshots" if root else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class Phone:
    """One person's phone: a browser context, its page, and what the page complained about."""

    def __init__(self, browser, base_url: str, screenshot_dir: Path, name: str, device: dict = PHONE):
        self.context = browser.new_context(base_url=base_url, **device)
        self.context.set_default_timeout(30_000)
        self.page = self.context.new_page()
        self.screenshot_dir = screenshot_dir
        self.name = name
        self.policy_violations: list[str] = []
        self.page.on("console", self._console)

    def _console(self, message) -> None:
        if "Content Security Policy" in message.text:
            self.policy_violations.append(message.text)

    def screenshot(self, step: str) -> Path:
        path = self.screenshot_dir / f"{self.name}-{step}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def log_in(self, username: str, password: str = PASSWORD) -> None:
        log_in(self.page, username, password)

    def sign_in(self, username: str, password: str = PASSWORD, language: str | None = None) -> None:
        """Open the login page, choose ``language`` on it if given (the switcher reloads the page in it), log in."""
        self.page.goto("/login/")
        if language is not None:
            self.page.select_option("#language", language)
            expect(self.page.locator("html")).to_have_attribute("lang", language)
        self.log_in(username, password)

    def serious_accessibility_violations(self) -> list[dict]:
        """axe-core's serious and critical findings on the page as it is now."""
        return [v for v in self.accessibility_violations() if v["impact"] in ("serious", "critical")]

    def accessibility_violations(self) -> list[dict]:
        """Every axe-core finding on the page as it is now, whatever its impact."""
        if not self.page.evaluate("typeof window.axe !== 'undefined'"):
            self.page.evaluate(AXE_SOURCE.read_text())
        return self.page.evaluate(
            "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
            ".map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' '))}))"
        )

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def phone_factory(browser_in, live_server, screenshot_dir):
    """``phone_factory(name, device, language="ar")``: a phone (or laptop) whose browser is set to ``language``
    (its Accept-Language too), or the English one."""
    assert AXE_SOURCE.exists(), "axe-core is missing: `make test` installs it (npm ci)"
    phones = []

    def make(name: str, device: dict = PHONE, language: str | None = None) -> Phone:
        phone = Phone(browser_in(language), live_server.url, screenshot_dir, name, device)
        phones.append(phone)
        return phone

    yield make
    for phone in phones:
        phone.close()


@pytest.fixture
def laptop_factory(phone_factory):
    """A staff member's laptop: the same browser, 1366 x 768."""
    return lambda name: phone_factory(name, LAPTOP)
