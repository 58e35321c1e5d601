"""File names a phone or an attacker may send: very long ones, and ones that turn text around."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from documents.models import Document
from tests.documents import hostile
from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(client):
    case = CaseFactory()
    client.force_login(case.sponsor)
    return case


def raw_upload(client, case, file_name: str, accept: str = "application/json"):
    """A multipart request as a browser sends it, file name and all (the test client's encoder would shorten it)."""
    boundary = "----nareis-boundary"
    body = (f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="{file_name}"\r\n'
            f"Content-Type: image/jpeg\r\n\r\n").encode() + hostile.photo_with_text() + f"\r\n--{boundary}--\r\n".encode()
    return client.generic("POST", reverse("documents:upload", args=[case.pk]), body,
                          content_type=f"multipart/form-data; boundary={boundary}", HTTP_ACCEPT=accept)


def test_a_thousand_character_file_name_gets_a_clear_final_answer(client, case):
    response = raw_upload(client, case, "ش" * 996 + ".jpg")

    assert response.status_code == 400
    [outcome] = response.json()["files"]
    assert outcome["outcome"] == "rejected" and "shorter name" in outcome["message"]
    assert not Document.objects.filter(case=case).exists()


def test_without_javascript_the_same_answer_is_a_page(client, case):
    response = raw_upload(client, case, "a" * 1996 + ".jpg", accept="text/html")

    assert response.status_code == 400
    assert "shorter name" in response.content.decode()


def test_a_file_name_that_turns_text_around_is_kept_without_the_turn(client, case):
    """"photo\u202egpj.exe" would show as "photoexe.jpg": Django's upload parser drops such characters."""
    response = raw_upload(client, case, "photo\u202egpj.exe")

    assert response.json()["files"][0]["outcome"] == "received"
    assert Document.objects.get(case=case).original_name == "photogpj.exe"
