"""The worker's side of trust: the same limits as at upload, one reader at a time, and an end to retrying."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from documents import processing
from documents.models import Document
from tests.documents import hostile
from tests.factories import DocumentFactory

pytestmark = pytest.mark.django_db


def stored_document(data: bytes, name: str, content_type: str, **fields) -> Document:
    return DocumentFactory(file=ContentFile(data, name=name), content_type=content_type,
                           status=Document.Status.QUEUED, kind="", **fields)


def test_worker_applies_the_page_limit_from_settings(settings):
    settings.DOCUMENT_MAX_PDF_PAGES = 2
    document = stored_document(hostile.pdf_with_pages(3), "three.pdf", "application/pdf")

    processing.process_document(document.pk)

    document.refresh_from_db()
    assert document.status == Document.Status.FAILED
    assert "at most 2 are accepted" in document.error_message


def test_worker_applies_the_pixel_limit_from_settings(settings):
    settings.DOCUMENT_MAX_PIXELS = 100 * 100
    document = stored_document(hostile.photo_with_text((300, 300)), "photo.jpg", "image/jpeg")

    processing.process_document(document.pk)

    document.refresh_from_db()
    assert document.status == Document.Status.FAILED
    assert "too large to process" in document.error_message


def test_a_document_being_read_by_a_live_task_is_not_claimed_by_another():
    document = stored_document(b"", "a.jpg", "image/jpeg")
    assert processing.claim(document.pk, task_id="first") is not None
    assert processing.claim(document.pk, task_id="second") is None
    # The same task, delivered again after its worker died, carries on.
    assert processing.claim(document.pk, task_id="first").attempts == 2


def test_a_claim_without_a_heartbeat_for_long_is_taken_over(settings):
    document = stored_document(b"", "a.jpg", "image/jpeg")
    processing.claim(document.pk, task_id="dead")
    Document.objects.filter(pk=document.pk).update(
        updated_at=timezone.now() - timedelta(seconds=settings.DOCUMENT_WORKER_LOST_AFTER_SECONDS + 1)
    )
    assert processing.claim(document.pk, task_id="new").claimed_by == "new"


def test_finished_documents_are_never_read_again():
    document = stored_document(b"", "a.jpg", "image/jpeg")
    Document.objects.filter(pk=document.pk).update(status=Document.Status.DONE)
    assert processing.claim(document.pk, task_id="late duplicate") is None


def test_a_document_that_keeps_killing_workers_ends_failed(settings):
    settings.DOCUMENT_MAX_ATTEMPTS = 3
    document = stored_document(b"", "a.jpg", "image/jpeg", attempts=3)

    assert processing.claim(document.pk, task_id="fourth") is None

    document.refresh_from_db()
    assert document.status == Document.Status.FAILED
    assert "could not be read after several tries" in document.error_message


def test_every_page_of_a_tiff_is_read():
    from documents.pipeline import run_pipeline

    result = run_pipeline(hostile.tiff_pages(["FIRST PAGE", "BIRTH CERTIFICATE", "THIRD PAGE"]))

    assert result.error is None and result.pages == 3
    assert "BIRTH CERTIFICATE" in result.text and "THIRD PAGE" in result.text
