from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from cases.models import Case
from cases.selectors import cases_visible_to

from .models import Document


def documents_of(case: Case) -> QuerySet[Document]:
    """The case's documents, not those in the bin (see ``bin.binned_documents_of``)."""
    return (case.documents.filter(removed_at__isnull=True).prefetch_related("members")
            .select_related("translation_of"))


def get_document_for(user, document_id: int) -> Document:
    """The document, if ``user`` may see its case; 404 otherwise."""
    document = (
        Document.objects.select_related("case").filter(pk=document_id, case__in=cases_visible_to(user)).first()
    )
    if document is None:
        raise Http404("No such document.")
    return document


def has_unfinished(documents) -> bool:
    return any(not document.is_finished for document in documents)
