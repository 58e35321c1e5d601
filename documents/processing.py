"""Reading a stored document: run the pipeline and keep what it found.

Idempotent: a document that is already ``done`` or ``failed`` is left alone,
so a task delivered twice (a worker died after finishing) does no harm.
"""

from __future__ import annotations

import logging
import threading
from contextlib import contextmanager
from datetime import date, timedelta

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from .intake import load_limits
from .linking import link_to_members
from .models import Document
from .pipeline import run_pipeline
from .pipeline.types import PipelineResult
from .signals import document_read, documents_changed

logger = logging.getLogger(__name__)

# Where the pipeline keeps why it doubts its kind (PipelineResult.extracted_fields).
UNSURE_KEY = "unsure"

# Stored untranslated, like the pipeline's messages; the page translates it when showing it.
TOO_MANY_ATTEMPTS_MESSAGE = gettext_noop("This document could not be read after several tries. Please upload a clearer photo or scan.")


def claim(document_id: int, task_id: str = "") -> Document | None:
    """Mark the document as being read; None if it is gone, finished, or being read by another live task.

    The same task may claim again (a retry, or a redelivery after its worker died). Another task may
    take over only once the claim's heartbeat is older than ``DOCUMENT_WORKER_LOST_AFTER_SECONDS``:
    its worker is gone.
    """
    with transaction.atomic():
        document = Document.objects.select_for_update().filter(pk=document_id).first()
        if document is None or document.is_finished or _claimed_by_another(document, task_id):
            return None
        if document.attempts >= settings.DOCUMENT_MAX_ATTEMPTS:
            # Every earlier attempt died (a worker killed by the file, or a crash): stop trying.
            document.status = Document.Status.FAILED
            document.error_message = TOO_MANY_ATTEMPTS_MESSAGE
            document.processed_at = timezone.now()
            document.save(update_fields=["status", "error_message", "processed_at", "updated_at"])
            return None
        document.status = Document.Status.PROCESSING
        document.claimed_by = task_id[:64]
        document.attempts += 1
        document.save(update_fields=["status", "claimed_by", "attempts", "updated_at"])
    return document


def _claimed_by_another(document: Document, task_id: str) -> bool:
    if document.status != Document.Status.PROCESSING or not document.claimed_by or document.claimed_by == task_id:
        return False
    return document.updated_at > timezone.now() - timedelta(seconds=settings.DOCUMENT_WORKER_LOST_AFTER_SECONDS)


def process_document(document_id: int, task_id: str = "") -> Document | None:
    document = claim(document_id, task_id)
    if document is None:
        return None
    with document.file.open("rb") as stored:
        data = stored.read()
    with heartbeat(document.pk, task_id):
        result = run_pipeline(data, limits=load_limits())
    save_result(document, result)
    return document


@contextmanager
def heartbeat(document_id: int, task_id: str):
    """While the pipeline runs, touch the claimed document every ``DOCUMENT_HEARTBEAT_SECONDS``: a document
    "processing" without a heartbeat belongs to a dead worker, and the sweeper queues it again."""
    stop = threading.Event()

    def beat():
        try:
            while not stop.wait(settings.DOCUMENT_HEARTBEAT_SECONDS):
                try:
                    Document.objects.filter(pk=document_id, status=Document.Status.PROCESSING,
                                            claimed_by=task_id[:64]).update(updated_at=timezone.now())
                except DatabaseError:
                    logger.warning("No heartbeat for document %s: the database did not answer", document_id)
        finally:
            connection.close()  # this thread's own connection

    thread = threading.Thread(target=beat, name=f"heartbeat-{document_id}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=10)


READ_FIELDS = ["status", "error_message", "processed_at", "confidence", "languages", "ocr_text", "mrz", "fields", "updated_at"]


def save_result(document: Document, result: PipelineResult) -> None:
    """Keep what the pipeline found, touching only the fields it owns.

    A document deleted while it was being read stays deleted, and what a person has decided stays: the kind
    of a reviewed document, and whatever a person set by hand (``Document.set_by_hand``) even while the
    document waits for review. The new reading's text, MRZ and pages are kept all the same.
    """
    with transaction.atomic():
        current = Document.objects.select_for_update().filter(pk=document.pk).first()
        if current is None:
            return
        document.review_status = current.review_status
        document.set_by_hand = by_hand = list(current.set_by_hand or [])
        document.processed_at = timezone.now()
        if result.error:
            document.status = Document.Status.FAILED
            document.error_message = result.error
            document.save(update_fields=["status", "error_message", "processed_at", "updated_at"])
            return
        document.status = Document.Status.DONE
        document.error_message = ""
        document.languages = list(result.languages)
        document.ocr_text = result.text
        document.mrz = result.mrz.to_dict() if result.mrz else None
        document.fields = result.extracted_fields()
        fields = list(READ_FIELDS)
        if "kind" not in by_hand and (current.review_status == Document.Review.PENDING or not current.kind):
            document.kind = str(result.kind)
            fields.append("kind")
        else:
            document.kind = current.kind
        # The certainty and the doubts are the pipeline's about its own kind: shown beside a person's kind they
        # would read as doubts about that one (and ask to check it again).
        if document.kind == str(result.kind):
            document.confidence = result.confidence
        else:
            document.confidence = None
            document.fields[UNSURE_KEY] = ""
        if "expiry_date" not in by_hand and (expiry := _expiry_from_mrz(document, current, result)):
            document.expiry_date = expiry
            fields.append("expiry_date")
        document.save(update_fields=fields)
        if "members" not in by_hand:
            link_to_members(document, result)
        document_read.send(Document, document=document)  # an asylum decision proposes its date (tracker)
    logger.info("Document %s read as %s (%.2f) in %.2fs", document.pk, result.kind, result.confidence, result.seconds)


def _expiry_from_mrz(document: Document, current: Document, result: PipelineResult) -> date | None:
    """A passport's or ID card's expiry from an MRZ whose check digits all hold; a date a counsellor
    entered on a reviewed document stays."""
    if document.kind not in (Document.Kind.PASSPORT, Document.Kind.ID_CARD) or not result.mrz or not result.mrz.valid:
        return None
    if current.expiry_date and current.review_status != Document.Review.PENDING:
        return None
    return result.mrz.expiry_date


def mark_failed(document_id: int, message: str) -> None:
    """Give up on a document with a message the sponsor can act on."""
    failed = Document.objects.filter(pk=document_id).exclude(status=Document.Status.DONE)
    case_ids = list(failed.values_list("case_id", flat=True))
    if failed.update(status=Document.Status.FAILED, error_message=message, processed_at=timezone.now()):
        documents_changed.send(Document, case_ids=case_ids)
