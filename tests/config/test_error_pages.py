"""A page that is not there, not open to this account, or failing on our side: said in the reader's language, with a way back."""

from __future__ import annotations

import re

import pytest
from django.urls import include, path, reverse
from django.utils.functional import SimpleLazyObject
from django_otp.plugins.otp_totp.models import TOTPDevice

import config.urls
from tests.factories import AdminFactory, CaseFactory, CoordinatorFactory, CounsellorFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("language", "title"), [("fa", "صفحه پیدا نشد"), ("ti", "ገጽ ኣይተረኽበን"), ("en", "Page not found")])
def test_a_page_that_is_not_there_says_so_in_the_readers_language(client, language, title):
    case, other = CaseFactory(sponsor__preferred_language=language), CaseFactory()
    client.force_login(case.sponsor)
    for address in ("/no-such-page/", reverse("tracker:case_detail", args=[other.pk])):  # another's case: not there
        response = client.get(address)
        page = response.content.decode()
        assert response.status_code == 404 and f"<h1>{title}</h1>" in page
        assert f'href="{reverse("tracker:case_list")}"' in page.split("data-not-found")[1]


def test_a_page_not_open_to_this_account_says_so_with_a_way_back(client):
    case = CaseFactory(sponsor__preferred_language="nl")
    client.force_login(case.sponsor)
    response = client.get(reverse("accounts:invitation", args=[case.pk]))  # the counsellor's page of the case
    page = response.content.decode()
    assert response.status_code == 403 and "<h1>Deze pagina kun je niet openen</h1>" in page
    assert f'href="{reverse("tracker:case_list")}"' in page.split("data-forbidden")[1]


def _fails(request):
    raise RuntimeError("a fault of ours")


urlpatterns = [path("fails/", _fails), path("", include("config.urls"))]
handler500 = config.urls.handler500  # as the site's own address book names it


@pytest.mark.urls(__name__)
@pytest.mark.parametrize(("language", "title"), [("ar", "حدث خطأ"), ("nl", "Er ging iets mis"), ("en", "Something went wrong")])
def test_a_fault_of_ours_says_so_in_the_readers_language_and_blames_no_one(client, language, title):
    case = CaseFactory(sponsor__preferred_language=language)
    client.force_login(case.sponsor)
    client.raise_request_exception = False
    response = client.get("/fails/")
    page = response.content.decode()
    assert response.status_code == 500 and f"<h1>{title}</h1>" in page
    assert f'lang="{language}"' in page
    assert f'href="{reverse("tracker:case_list")}"' in page.split("data-server-error")[1]


SPONSORS_WORDING = ("Something went wrong on our side, not because of anything you did. What was saved before is kept. "
                    "Please try again in a few minutes; if it happens again, tell your counsellor.")
COUNSELLOR_WORD = {"en": "counsellor", "nl": "begeleider", "ar": "مرشد", "fa": "مشاور", "ti": "ኣማኻሪ", "so": "lataliy",
                   "tr": "danışman"}
COORDINATOR_WORD = {"en": "coordinator", "nl": "coördinator", "ar": "المنسّق", "fa": "هماهنگ‌کننده", "ti": "ኣወሃሃዲ",
                    "so": "isku-duwaha", "tr": "koordinatör"}


def _server_error_text(page: str) -> str:
    return page.split("data-server-error")[1].split("</section>")[0]


@pytest.mark.urls(__name__)
@pytest.mark.parametrize("language", ["en", "nl", "ar", "fa", "ti", "so", "tr"])
@pytest.mark.parametrize("role", ["counsellor", "coordinator", "admin"])
def test_a_fault_of_ours_tells_staff_to_report_it_with_a_reference_not_to_tell_their_counsellor(
        client, caplog, language, role):
    staff = {"counsellor": CounsellorFactory, "coordinator": CoordinatorFactory, "admin": AdminFactory}[role](
        preferred_language=language)
    client.force_login(staff)
    client.raise_request_exception = False
    response = client.get("/fails/")
    text = _server_error_text(response.content.decode())
    assert response.status_code == 500
    assert COUNSELLOR_WORD[language] not in text.lower()
    assert COORDINATOR_WORD[language] in text.lower()
    reference = re.search(r"data-error-reference>([0-9A-F]{8})<", text).group(1)
    assert any(reference in record.getMessage() and "/fails/" in record.getMessage() for record in caplog.records)


@pytest.mark.urls(__name__)
@pytest.mark.parametrize("language", ["en", "nl", "ar", "fa", "ti", "so", "tr"])
def test_a_fault_of_ours_still_tells_a_sponsor_to_tell_their_counsellor(client, language):
    case = CaseFactory(sponsor__preferred_language=language)
    client.force_login(case.sponsor)
    client.raise_request_exception = False
    text = _server_error_text(client.get("/fails/").content.decode())
    assert COUNSELLOR_WORD[language] in text.lower() and COORDINATOR_WORD[language] not in text.lower()
    if language == "en":
        assert SPONSORS_WORDING in text


def _fails_with_the_database_gone(request):
    request.user = SimpleLazyObject(lambda: 1 / 0)  # who is signed in can no longer be read
    raise RuntimeError("a fault of ours")


urlpatterns.insert(0, path("fails-badly/", _fails_with_the_database_gone))


@pytest.mark.urls(__name__)
def test_a_fault_of_ours_is_still_explained_when_who_is_signed_in_cannot_be_read(client):
    client.force_login(CounsellorFactory())
    client.raise_request_exception = False
    response = client.get("/fails-badly/")
    assert response.status_code == 500 and SPONSORS_WORDING in _server_error_text(response.content.decode())


def test_staff_locked_out_after_wrong_codes_are_not_sent_to_a_counsellor(client, settings):
    settings.TWO_FACTOR_REQUIRED = True
    counsellor = CounsellorFactory(preferred_language="nl")
    TOTPDevice.objects.create(user=counsellor, name="authenticator", confirmed=True)
    client.post(reverse("login"), {"username": counsellor.username, "password": "correct horse battery"})
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        response = client.post(reverse("accounts:two_factor"), {"token": "123456"})
    assert response.status_code == 429
    text = response.content.decode().split("data-locked-out")[1].split("</p>")[0]
    assert "begeleider" not in text and "coördinator" in text
