"""A page that is not there, not open to this account, or failing on our side: said in the reader's language, with a way back."""

from __future__ import annotations

import pytest
from django.urls import include, path, reverse

from tests.factories import CaseFactory

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
