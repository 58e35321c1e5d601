"""The page's script uploads one file per request and asks for JSON; the plain form keeps working without it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from documents.models import Document
from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db


def post_one(client, case, upload):
    return client.post(reverse("documents:upload", args=[case.pk]), {"files": [upload]},
                       HTTP_ACCEPT="application/json")


def test_each_photo_gets_its_own_answer(client, corpus_dir):
    case = CaseFactory()
    client.force_login(case.sponsor)
    photo = (corpus_dir / "046_other.jpg").read_bytes()

    first = post_one(client, case, SimpleUploadedFile("IMG_1.jpg", photo))
    again = post_one(client, case, SimpleUploadedFile("IMG_2.jpg", photo))

    document = Document.objects.get(case=case)
    assert first.status_code == 200
    assert first.json()["files"] == [{"name": "IMG_1.jpg", "outcome": "received", "document_id": document.pk,
                                      "message": "IMG_1.jpg was received and is being read."}]
    assert again.status_code == 200
    assert again.json()["files"][0]["outcome"] == "duplicate"


def test_a_refused_file_is_answered_in_the_sponsors_language(client):
    case = CaseFactory(sponsor__preferred_language="nl")
    client.force_login(case.sponsor)
    response = post_one(client, case, SimpleUploadedFile("notes.txt", b"just text"))
    assert response.status_code == 422
    answer = response.json()["files"][0]
    assert answer["outcome"] == "rejected"
    assert "Dit soort bestand kunnen we niet lezen" in answer["message"]
    assert not Document.objects.filter(case=case).exists()


def test_an_empty_request_is_refused_with_json(client):
    case = CaseFactory()
    client.force_login(case.sponsor)
    response = client.post(reverse("documents:upload", args=[case.pk]), {}, HTTP_ACCEPT="application/json")
    assert response.status_code == 400
    assert response.json()["files"][0]["outcome"] == "rejected"


def test_the_plain_form_still_returns_to_the_page(client, corpus_dir):
    case = CaseFactory()
    client.force_login(case.sponsor)
    response = client.post(reverse("documents:upload", args=[case.pk]),
                           {"files": [SimpleUploadedFile("IMG_1.jpg", (corpus_dir / "046_other.jpg").read_bytes())]})
    assert response.status_code == 302 and response.url == reverse("tracker:case_detail", args=[case.pk])


def test_a_photo_kept_for_another_account_is_refused_and_nothing_is_stored(client, corpus_dir):
    """A tab left open by a sponsor whose session ran out; meanwhile their counsellor logged in on that browser:
    the kept photo is not sent under the counsellor's name (409), and the page discards it."""
    from tests.factories import CounsellorFactory

    counsellor = CounsellorFactory()
    case = CaseFactory(counsellors=[counsellor], organisation=counsellor.organisation)
    client.force_login(counsellor)
    photo = SimpleUploadedFile("IMG_1.jpg", (corpus_dir / "046_other.jpg").read_bytes())
    response = client.post(reverse("documents:upload", args=[case.pk]), {"files": [photo]},
                           HTTP_ACCEPT="application/json", HTTP_X_NAREIS_ACCOUNT=str(case.sponsor.pk))

    assert response.status_code == 409 and response.json()["other_account"] is True
    assert not Document.objects.filter(case=case).exists()
    photo.seek(0)
    mine = client.post(reverse("documents:upload", args=[case.pk]), {"files": [photo]},
                       HTTP_ACCEPT="application/json", HTTP_X_NAREIS_ACCOUNT=str(counsellor.pk))
    assert mine.status_code == 200
