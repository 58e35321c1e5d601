"""Handing documents to the Celery workers.

Tasks are sent by name, so services can queue work without importing the
task module (which itself depends on the services).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from celery import current_app
from django.conf import settings
from django.db import DatabaseError, connection
from django.db.models import Q, QuerySet
from django.utils import timezone

from .broker import documents_with_a_task
from .models import Document
from .signals import documents_changed

logger = logging.getLogger(__name__)

PROCESS_DOCUMENT_TASK = "documents.process_document"
SWEEP_STUCK_DOCUMENTS_TASK = "documents.sweep_stuck_documents"  # run by Celery beat (CELERY_BEAT_SCHEDULE)


def enqueue(document: Document) -> bool:
    """Queue ``document`` for reading; if the broker is down leave it ``received`` for the sweeper."""
    try:
        # The worker's own time limits apply: where the task is registered in the sending process too,
        # Celery would otherwise put the sender's limits in the message, and the worker obeys those.
        current_app.send_task(PROCESS_DOCUMENT_TASK, args=[document.pk], retry=False,
                              time_limit=None, soft_time_limit=None)
    except Exception:  # kombu and redis-py raise several types when the broker is unreachable
        logger.warning("Could not queue document %s; the sweeper will queue it later", document.pk, exc_info=True)
        return False
    try:
        if Document.objects.filter(pk=document.pk, status=Document.Status.RECEIVED).update(status=Document.Status.QUEUED):
            documents_changed.send(Document, case_ids=[document.case_id])
    except DatabaseError:
        # The connection was lost (a failover) after the upload was committed and its task sent: the worker
        # claims a "received" document all the same. Connect anew for whatever the request does next.
        logger.warning("Document %s was queued but its status not updated", document.pk, exc_info=True)
        connection.close()
    return True


@dataclass(frozen=True)
class Sweep:
    requeued: list[int]
    broker_down: bool = False


def stuck_documents(now: datetime | None = None, with_a_task: set[int] | None = None) -> QuerySet[Document]:
    """Documents that should be moving but are not.

    ``received`` a while: queueing failed (Redis was down). ``queued`` a while and without a task in the
    broker (``with_a_task``: Redis lost its queue, or the worker that had the task died before starting
    it); when the broker could not be asked, ``queued`` for longer than ``DOCUMENT_STUCK_AFTER_SECONDS``.
    ``processing`` without a heartbeat for ``DOCUMENT_WORKER_LOST_AFTER_SECONDS``: the worker died.
    """
    now = now or timezone.now()

    def before(seconds: int) -> datetime:
        return now - timedelta(seconds=seconds)

    if with_a_task is None:
        queued = Q(status=Document.Status.QUEUED, updated_at__lt=before(settings.DOCUMENT_STUCK_AFTER_SECONDS))
    else:
        queued = Q(status=Document.Status.QUEUED,
                   updated_at__lt=before(settings.DOCUMENT_REQUEUE_QUEUED_AFTER_SECONDS)) & ~Q(pk__in=with_a_task)
    return Document.objects.filter(
        Q(status=Document.Status.RECEIVED, updated_at__lt=before(settings.DOCUMENT_REQUEUE_RECEIVED_AFTER_SECONDS))
        | queued
        | Q(status=Document.Status.PROCESSING, updated_at__lt=before(settings.DOCUMENT_WORKER_LOST_AFTER_SECONDS))
    ).order_by("created_at")


def requeue_stuck_documents(now: datetime | None = None, limit: int = 500) -> Sweep:
    """Queue stuck documents again (run every minute by Celery beat). Stops at the first broker failure."""
    requeued = []
    with_a_task = documents_with_a_task(PROCESS_DOCUMENT_TASK, settings.DOCUMENT_REQUEUE_QUEUED_AFTER_SECONDS)
    for document in stuck_documents(now, with_a_task)[:limit]:
        if document.status != Document.Status.RECEIVED:
            # Back to received, so the next task may claim it and the sweeper waits a full period again.
            if Document.objects.filter(pk=document.pk, status=document.status).update(
                status=Document.Status.RECEIVED, updated_at=timezone.now()
            ):
                documents_changed.send(Document, case_ids=[document.case_id])
        if not enqueue(document):
            return Sweep(requeued, broker_down=True)
        requeued.append(document.pk)
    if requeued:
        logger.info("Queued %d stuck documents again: %s", len(requeued), requeued)
    return Sweep(requeued)
