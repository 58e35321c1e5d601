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


def _image(kind: str) -> bytes:
    import io

    from PIL import Image

    output = io.BytesIO()
    Image.new("RGB", (400, 300), "white").save(output, kind)
    return output.getvalue()


@pytest.mark.parametrize(("sent_as", "kind", "shown_as"), [
    ("scan.jpg", "PNG", "scan.png"),          # a PNG called .jpg: named for what it is
    ("IMG_0001.PNG", "JPEG", "IMG_0001.jpg"),  # a PNG shrunk to JPEG on a phone that kept the old name
    ("IMG_2024.JPEG", "JPEG", "IMG_2024.JPEG"),  # another spelling of the same type stays as the phone wrote it
    ("scan", "PNG", "scan"),                  # no extension: nothing to contradict
    ("photo.v2", "JPEG", "photo.v2"),         # not an extension we know
])
def test_the_name_shown_and_downloaded_tells_the_type_stored(client, case, sent_as, kind, shown_as):
    from documents.downloads import download_name

    upload = SimpleUploadedFile(sent_as, _image(kind), content_type="application/octet-stream")
    response = client.post(reverse("documents:upload", args=[case.pk]), {"files": [upload]}, HTTP_ACCEPT="application/json")

    assert response.json()["files"][0]["outcome"] == "received"
    document = Document.objects.get(case=case)
    assert document.original_name == shown_as
    assert download_name(document).lower().endswith((".jpeg", ".jpg") if kind == "JPEG" else ".png")
    assert document.original_name in client.get(reverse("tracker:case_detail", args=[case.pk])).content.decode()
