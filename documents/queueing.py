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
from django.db.models import Q, QuerySet
from django.utils import timezone

from .models import Document

logger = logging.getLogger(__name__)

PROCESS_DOCUMENT_TASK = "documents.process_document"
SWEEP_STUCK_DOCUMENTS_TASK = "documents.sweep_stuck_documents"  # run by Celery beat (CELERY_BEAT_SCHEDULE)


def enqueue(document: Document) -> bool:
    """Queue ``document`` for reading; if the broker is down leave it ``received`` for the sweeper."""
    try:
        current_app.send_task(PROCESS_DOCUMENT_TASK, args=[document.pk], retry=False)
    except Exception:  # kombu and redis-py raise several types when the broker is unreachable
        logger.warning("Could not queue document %s; the sweeper will queue it later", document.pk, exc_info=True)
        return False
    Document.objects.filter(pk=document.pk, status=Document.Status.RECEIVED).update(status=Document.Status.QUEUED)
    return True


@dataclass(frozen=True)
class Sweep:
    requeued: list[int]
    broker_down: bool = False


def stuck_documents(now: datetime | None = None) -> QuerySet[Document]:
    """Documents that should be moving but are not.

    ``received`` a while: queueing failed (Redis was down). ``queued`` or ``processing`` for longer
    than ``DOCUMENT_STUCK_AFTER_SECONDS``: the message was lost or the worker died.
    """
    now = now or timezone.now()
    received_before = now - timedelta(seconds=settings.DOCUMENT_REQUEUE_RECEIVED_AFTER_SECONDS)
    stuck_before = now - timedelta(seconds=settings.DOCUMENT_STUCK_AFTER_SECONDS)
    return Document.objects.filter(
        Q(status=Document.Status.RECEIVED, updated_at__lt=received_before)
        | Q(status__in=[Document.Status.QUEUED, Document.Status.PROCESSING], updated_at__lt=stuck_before)
    ).order_by("created_at")


def requeue_stuck_documents(now: datetime | None = None, limit: int = 500) -> Sweep:
    """Queue stuck documents again (run every minute by Celery beat). Stops at the first broker failure."""
    requeued = []
    for document in stuck_documents(now)[:limit]:
        if document.status != Document.Status.RECEIVED:
            # Back to received, so the next task may claim it and the sweeper waits a full period again.
            Document.objects.filter(pk=document.pk, status=document.status).update(
                status=Document.Status.RECEIVED, updated_at=timezone.now()
            )
        if not enqueue(document):
            return Sweep(requeued, broker_down=True)
        requeued.append(document.pk)
    if requeued:
        logger.info("Queued %d stuck documents again: %s", len(requeued), requeued)
    return Sweep(requeued)
