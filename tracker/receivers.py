"""What tracker does when ``documents`` tells it something (``documents.signals``), and when a letter is deleted;
connected in ``ready()``.

Each receiver works at once, in the sender's transaction, and queues no task.
"""

from __future__ import annotations

from django.db.models.signals import pre_delete

from documents.signals import document_read, document_withdrawn, documents_changed

from .correspondence import delete_scans_with_letter
from .decision_date import forget_proposal_from, propose_decision_date
from .models import IndLetter
from .summaries import refresh_summaries


def _on_document_read(sender, document, **kwargs) -> None:
    propose_decision_date(document)  # an asylum decision proposes the deadline's date for confirmation


def _on_document_withdrawn(sender, document, **kwargs) -> None:
    forget_proposal_from(document)  # a decision in the bin, or deleted, proposes no deadline


def _on_documents_changed(sender, case_ids, **kwargs) -> None:
    refresh_summaries(case_ids)


def connect() -> None:
    """Called once from ``TrackerConfig.ready``."""
    document_read.connect(_on_document_read, dispatch_uid="tracker-document-read")
    document_withdrawn.connect(_on_document_withdrawn, dispatch_uid="tracker-document-withdrawn")
    documents_changed.connect(_on_documents_changed, dispatch_uid="tracker-documents-changed")
    pre_delete.connect(delete_scans_with_letter, sender=IndLetter, dispatch_uid="tracker-letter-scans")
