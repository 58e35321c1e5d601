"""Handing documents to the Celery workers.

Tasks are sent by name, so services can queue work without importing the
task module (which itself depends on the services).
"""

from __future__ import annotations

import logging

from celery import current_app

from .models import Document

logger = logging.getLogger(__name__)

PROCESS_DOCUMENT_TASK = "documents.process_document"


def enqueue(document: Document) -> bool:
    """Queue ``document`` for reading; if the broker is down leave it ``received`` for the sweeper."""
    try:
        current_app.send_task(PROCESS_DOCUMENT_TASK, args=[document.pk], retry=False)
    except Exception:  # kombu and redis-py raise several types when the broker is unreachable
        logger.warning("Could not queue document %s; the sweeper will queue it later", document.pk, exc_info=True)
        return False
    Document.objects.filter(pk=document.pk, status=Document.Status.RECEIVED).update(status=Document.Status.QUEUED)
    return True
