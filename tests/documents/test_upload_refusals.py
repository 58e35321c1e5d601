"""Bad uploads get a clear message, never a 500, and leave nothing half-stored."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from documents.models import Document
from tests.documents import hostile
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
        ("notes.txt", b"Just some text, not a document photo.", "not a supported document type"),
        ("page.html", b"<html><script>alert(1)</script></html>", "not a supported document type"),
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
    assert "notes.txt" in page and "not a supported document type" in page
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


# --- The hostile corpus (tests/documents/hostile.py): refused at upload, never a 500, nothing stored.

HOSTILE_REFUSALS = {
    "empty.jpg": "is empty",
    "half.jpg": "damaged or incomplete",
    "bomb.png": "too large to process",
    "huge.jpg": "too large to process",
    "book.pdf": "at most 20 are accepted",
    "locked.pdf": "protected with a password",
    "drawing.svg": "not a supported document type",
    "page.html": "not a supported document type",
    "photo.jpg": "not a supported document type",  # an executable renamed .jpg
}


@pytest.fixture(scope="module")
def hostile_corpus(tmp_path_factory):
    return hostile.write_corpus(tmp_path_factory.mktemp("hostile"))


@pytest.mark.parametrize("name", sorted(HOSTILE_REFUSALS))
def test_hostile_file_is_refused_with_a_message_the_sponsor_can_act_on(client, sponsor_case, settings, hostile_corpus, name):
    before = stored_files(settings)
    response = post_files(client, sponsor_case, SimpleUploadedFile(name, hostile_corpus[name].read_bytes()))

    assert response.status_code == 200
    page = response.content.decode()
    assert name in page  # which file, when several were chosen
    assert HOSTILE_REFUSALS[name] in page
    assert not Document.objects.exists()
    assert stored_files(settings) == before


def test_pixel_and_page_limits_come_from_settings(client, sponsor_case, settings):
    settings.DOCUMENT_MAX_PDF_PAGES = 2
    response = post_files(client, sponsor_case, SimpleUploadedFile("three.pdf", hostile.pdf_with_pages(3)))
    assert "at most 2 are accepted" in response.content.decode()

    settings.DOCUMENT_MAX_PIXELS = 100 * 100
    response = post_files(client, sponsor_case, SimpleUploadedFile("small.jpg", hostile.photo_with_text((200, 200))))
    assert "too large to process" in response.content.decode()
    assert not Document.objects.exists()


def test_file_over_the_size_cap_is_refused_before_reading(client, sponsor_case, settings):
    settings.DOCUMENT_MAX_UPLOAD_BYTES = 1024 * 1024
    response = post_files(client, sponsor_case, SimpleUploadedFile("big.jpg", hostile.oversized_file(2 * 1024 * 1024)))
    assert "big.jpg is larger than 1 MB" in response.content.decode()
    assert not Document.objects.exists()


def test_polyglot_is_stored_as_the_image_only(client, sponsor_case, hostile_corpus):
    """A JPEG with an HTML page appended: the re-encoded photo keeps the pixels and drops the rest."""
    post_files(client, sponsor_case, SimpleUploadedFile("polyglot.jpg", hostile_corpus["polyglot.jpg"].read_bytes()))

    document = Document.objects.get()
    with document.file.open("rb") as stored:
        data = stored.read()
    assert data.startswith(b"\xff\xd8\xff") and data.endswith(b"\xff\xd9")
    assert hostile.POLYGLOT_PAYLOAD not in data and b"<script" not in data
    response = client.get(reverse("documents:file", args=[document.pk]))
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_duplicate_is_recognised_by_content_within_the_case_only(client, sponsor_case, corpus_dir):
    data = (corpus_dir / "003_passport.jpg").read_bytes()
    post_files(client, sponsor_case, SimpleUploadedFile("passport.jpg", data))
    response = post_files(client, sponsor_case, SimpleUploadedFile("IMG_2041.jpg", data))
    assert "IMG_2041.jpg was uploaded before (as passport.jpg)" in response.content.decode()

    other_case = CaseFactory()
    client.force_login(other_case.sponsor)
    post_files(client, other_case, SimpleUploadedFile("passport.jpg", data))
    assert Document.objects.filter(case=other_case).count() == 1
    assert Document.objects.count() == 2
