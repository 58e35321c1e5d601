"""Bad uploads get a clear message, never a 500, and leave nothing half-stored."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from documents.models import Document
from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sponsor_case(client):
    case = CaseFactory()
    client.force_login(case.sponsor)
    return case


def post_files(client, case, *files):
    return client.post(reverse("documents:upload", args=[case.pk]), {"files": list(files)}, follow=True)


def stored_files(settings):
    root = settings.MEDIA_ROOT
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.jpg", b"", "is empty"),
        ("corrupt.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 64, "damaged or incomplete"),
        ("notes.txt", b"Just some text, not a document photo.", "not a photo or PDF we can read"),
        ("page.html", b"<html><script>alert(1)</script></html>", "not a photo or PDF we can read"),
        ("broken.pdf", b"%PDF-1.4\nthis is not really a pdf", "PDF is damaged"),
    ],
)
def test_bad_file_is_refused_with_a_clear_message(client, sponsor_case, settings, name, content, message):
    before = stored_files(settings)
    response = post_files(client, sponsor_case, SimpleUploadedFile(name, content))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Document.objects.exists()
    assert stored_files(settings) == before


def test_truncated_photo_is_refused(client, sponsor_case, corpus_dir):
    data = (corpus_dir / "003_passport.jpg").read_bytes()
    response = post_files(client, sponsor_case, SimpleUploadedFile("half.jpg", data[: len(data) // 2]))
    assert "damaged or incomplete" in response.content.decode()
    assert not Document.objects.exists()


def test_good_files_are_kept_when_another_in_the_same_upload_is_bad(client, sponsor_case, corpus_dir):
    good = SimpleUploadedFile("passport.jpg", (corpus_dir / "003_passport.jpg").read_bytes())
    bad = SimpleUploadedFile("notes.txt", b"plain text")
    response = post_files(client, sponsor_case, good, bad)

    page = response.content.decode()
    assert "passport.jpg was received" in page
    assert "notes.txt" in page and "not a photo or PDF" in page
    document = Document.objects.get()
    assert document.original_name == "passport.jpg"
    assert document.content_type == "image/jpeg"
    assert document.file.storage.exists(document.file.name)


def test_type_is_recognised_by_content_not_by_name(client, sponsor_case, corpus_dir):
    png_named_jpg = SimpleUploadedFile("scan.jpg", (corpus_dir / "014_birth_certificate.png").read_bytes())
    post_files(client, sponsor_case, png_named_jpg)
    assert Document.objects.get().content_type == "image/png"


def test_same_photo_twice_is_recognised_as_a_duplicate(client, sponsor_case, corpus_dir):
    data = (corpus_dir / "003_passport.jpg").read_bytes()
    post_files(client, sponsor_case, SimpleUploadedFile("a.jpg", data))
    response = post_files(client, sponsor_case, SimpleUploadedFile("b.jpg", data))

    assert "was uploaded before" in response.content.decode()
    assert Document.objects.count() == 1


def test_upload_without_files_asks_for_one(client, sponsor_case):
    response = client.post(reverse("documents:upload", args=[sponsor_case.pk]), {}, follow=True)
    assert response.status_code == 200
    assert "Choose at least one photo or PDF" in response.content.decode()
