"""Celery tasks: thin adapters from the queue to the services."""

from __future__ import annotations

import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.db import DatabaseError, InterfaceError

from . import processing
from .bin import empty_bin
from .queueing import PROCESS_DOCUMENT_TASK, SWEEP_STUCK_DOCUMENTS_TASK, requeue_stuck_documents

logger = logging.getLogger(__name__)

TIMEOUT_MESSAGE = "Reading this document took too long. Please upload a clearer or smaller photo."


@shared_task(
    name=PROCESS_DOCUMENT_TASK,
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(DatabaseError, InterfaceError, OSError),
    retry_backoff=2,
    retry_backoff_max=120,
    max_retries=8,
    bind=True,
)
def process_document_task(self, document_id: int) -> None:
    try:
        processing.process_document(document_id, task_id=self.request.id or "")
    except SoftTimeLimitExceeded:
        processing.mark_failed(document_id, TIMEOUT_MESSAGE)


@shared_task(name=SWEEP_STUCK_DOCUMENTS_TASK, ignore_result=True, expires=50)
def sweep_stuck_documents_task() -> int:
    """Run by Celery beat every minute: nothing uploaded stays unread because Redis or a worker failed."""
    return len(requeue_stuck_documents().requeued)


EMPTY_BIN_TASK = "documents.empty_bin"


@shared_task(name=EMPTY_BIN_TASK, ignore_result=True, expires=3000)
def empty_bin_task() -> int:
    """Run by Celery beat every hour: what has been in the bin for ``DOCUMENT_BIN_DAYS`` is deleted for good."""
    return empty_bin()
