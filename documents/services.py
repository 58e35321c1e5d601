"""Changes people make to documents after upload."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from tracker.models import FamilyMember

from .models import Document


def set_document_members(document: Document, members: Iterable[FamilyMember]) -> None:
    members = list(members)
    if any(member.case_id != document.case_id for member in members):
        raise ValueError("Family members must belong to the document's case.")
    document.members.set(members)


def delete_document(document: Document) -> None:
    """Remove the row and, once the deletion is committed, the stored file."""
    file_name, storage = document.file.name, document.file.storage
    with transaction.atomic():
        document.delete()
        transaction.on_commit(lambda: storage.delete(file_name))
