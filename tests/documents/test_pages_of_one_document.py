"""Front and back of an ID card, or the pages of a family booklet: several photos kept as one document."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from documents.intake import load_limits
from documents.models import Document
from documents.pipeline import loading
from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db

FRONT, BACK = "009_id_card.jpg", "010_id_card.jpg"


def post(client, case, corpus_dir, names, **extra):
    files = [SimpleUploadedFile(f"IMG_{i}.jpg", (corpus_dir / name).read_bytes()) for i, name in enumerate(names)]
    return client.post(reverse("documents:upload", args=[case.pk]), {"files": files, **extra},
                       HTTP_ACCEPT="application/json")


def test_photos_ticked_as_one_document_become_one_pdf_with_a_page_each(client, corpus_dir):
    case = CaseFactory()
    client.force_login(case.sponsor)

    response = post(client, case, corpus_dir, [FRONT, BACK], one_document="1")

    assert response.status_code == 200
    assert [f["name"] for f in response.json()["files"]] == ["IMG_0.jpg (+1)"]
    document = Document.objects.get(case=case)
    assert (document.content_type, document.original_name) == ("application/pdf", "IMG_0.jpg (+1)")
    pages = loading.load_pages(document.file.open("rb").read(), load_limits())
    originals = [Image.open(corpus_dir / name) for name in (FRONT, BACK)]
    assert len(pages) == 2
    for page, original in zip(pages, originals):  # each page keeps its photo's resolution
        assert abs(page.width - original.width) <= 2 and abs(page.height - original.height) <= 2


def test_the_same_pages_again_are_recognised(client, corpus_dir):
    case = CaseFactory()
    client.force_login(case.sponsor)
    post(client, case, corpus_dir, [FRONT, BACK], one_document="1")
    again = post(client, case, corpus_dir, [FRONT, BACK], one_document="1")
    assert again.json()["files"][0]["outcome"] == "duplicate"
    assert Document.objects.filter(case=case).count() == 1


def test_without_the_tick_each_photo_is_its_own_document(client, corpus_dir):
    case = CaseFactory()
    client.force_login(case.sponsor)
    post(client, case, corpus_dir, [FRONT, BACK])
    assert Document.objects.filter(case=case, content_type="image/jpeg").count() == 2


def test_a_pdf_cannot_be_a_page(client, corpus_dir):
    case = CaseFactory()
    client.force_login(case.sponsor)
    response = post(client, case, corpus_dir, [FRONT, "001_passport.pdf"], one_document="1")
    assert response.status_code == 422
    assert "Upload a PDF on its own" in response.json()["files"][0]["message"]
    assert not Document.objects.filter(case=case).exists()
