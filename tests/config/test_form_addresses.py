"""A form's address opened as a page (after logging in again, the login page sends there) leads home with a
sentence in the reader's language, not to the browser's bare "HTTP ERROR 405"."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import CaseFactory
PASSWORD = "correct horse battery"  # the factories'

pytestmark = pytest.mark.django_db

SENTENCE = "Nothing was changed. If you had to log in again, please do it once more."


def test_logged_out_while_adding_a_member_the_sponsor_logs_in_and_lands_on_their_case(client):
    case = CaseFactory()
    add_member = reverse("tracker:member_create", args=[case.pk])
    sent = client.post(add_member, {"relation": "child", "given_names": "Sara", "surname": "Haile"})
    assert sent.status_code == 302 and sent.url == f"{reverse('login')}?next={add_member}"

    page = client.post(sent.url, {"username": case.sponsor.username, "password": PASSWORD}, follow=True)

    assert page.status_code == 200 and page.redirect_chain[-1][0] == reverse("tracker:case_detail", args=[case.pk])
    assert SENTENCE in page.content.decode()
    assert not case.members.exists()


def test_the_sentence_is_in_the_readers_language(client):
    case = CaseFactory(sponsor__preferred_language="so")
    client.force_login(case.sponsor)
    page = client.get(reverse("documents:upload", args=[case.pk]), follow=True).content.decode()
    assert "Waxba lama beddelin" in page


def test_a_script_asking_keeps_its_405(client):
    case = CaseFactory()
    client.force_login(case.sponsor)
    upload = reverse("documents:upload", args=[case.pk])
    assert client.get(upload, headers={"Accept": "application/json"}).status_code == 405
    assert client.get(upload, headers={"Sec-Fetch-Mode": "cors"}).status_code == 405
