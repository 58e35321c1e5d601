"""Reading a stored document: run the pipeline and keep what it found.

Idempotent: a document that is already ``done`` or ``failed`` is left alone,
so a task delivered twice (a worker died after finishing) does no harm.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils import timezone

from .linking import link_to_members
from .models import Document
from .pipeline import run_pipeline
from .pipeline.types import PipelineResult

logger = logging.getLogger(__name__)


def claim(document_id: int) -> Document | None:
    """Mark the document as being read; None if it is gone or already finished."""
    with transaction.atomic():
        document = Document.objects.select_for_update().filter(pk=document_id).first()
        if document is None or document.is_finished:
            return None
        document.status = Document.Status.PROCESSING
        document.attempts += 1
        document.save(update_fields=["status", "attempts", "updated_at"])
    return document


def process_document(document_id: int) -> Document | None:
    document = claim(document_id)
    if document is None:
        return None
    with document.file.open("rb") as stored:
        data = stored.read()
    result = run_pipeline(data)
    save_result(document, result)
    return document


def save_result(document: Document, result: PipelineResult) -> None:
    with transaction.atomic():
        document.processed_at = timezone.now()
        if result.error:
            document.status = Document.Status.FAILED
            document.error_message = result.error
            document.save()
            return
        document.status = Document.Status.DONE
        document.error_message = ""
        document.kind = str(result.kind)
        document.confidence = result.confidence
        document.languages = list(result.languages)
        document.ocr_text = result.text
        document.mrz = result.mrz.to_dict() if result.mrz else None
        document.fields = result.extracted_fields()
        document.save()
        link_to_members(document, result)
    logger.info("Document %s read as %s (%.2f) in %.2fs", document.pk, result.kind, result.confidence, result.seconds)


def mark_failed(document_id: int, message: str) -> None:
    """Give up on a document with a message the sponsor can act on."""
    Document.objects.filter(pk=document_id).exclude(status=Document.Status.DONE).update(
        status=Document.Status.FAILED, error_message=message, processed_at=timezone.now()
    )
