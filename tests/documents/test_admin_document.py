"""The admin's document pages: the file opens through the checked download (never a /media/ link, which nothing
serves), the pipeline's doubt reads as a sentence, the bin can be filtered and emptied back, documents are not
added here (the upload checks and queues them), and a document offers only its own family's members."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from documents.models import Document
from tests.conftest import admin_action
from tests.factories import CaseFactory, DocumentFactory, FamilyMemberFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:documents_document_changelist"


def test_the_file_opens_through_the_checked_download(admin_client):
    document = DocumentFactory(fields={"unsure": {"code": "no_mrz", "kind": "id_card", "other": "passport"}})
    page = admin_client.get(reverse("admin:documents_document_change", args=[document.pk])).content.decode()

    file_url = reverse("documents:file", args=[document.pk])
    assert f'href="{file_url}"' in page and "Open the file" in page
    assert "/media/" not in page
    assert b"placeholder" in b"".join(admin_client.get(file_url))
    assert "Looks like: ID card. No MRZ was found." in page


def test_documents_are_not_added_in_the_admin(admin_client):
    assert admin_client.get(reverse("admin:documents_document_add")).status_code == 403
    assert reverse("admin:documents_document_add") not in admin_client.get(reverse(CHANGELIST)).content.decode()


def test_only_the_cases_own_members_are_offered(admin_client):
    own = FamilyMemberFactory(given_names="Nour")
    stranger = FamilyMemberFactory(given_names="Fremde")
    document = DocumentFactory(case=own.case)
    page = admin_client.get(reverse("admin:documents_document_change", args=[document.pk])).content.decode()
    assert "Nour" in page and "Fremde" not in page
    assert stranger.case_id != own.case_id


def test_the_bin_filtered_and_put_back(admin_client):
    case = CaseFactory()
    kept = DocumentFactory(case=case, original_name="kept.jpg")
    binned = DocumentFactory(case=case, original_name="binned.jpg", removed_at=timezone.now())

    listed = admin_client.get(reverse(CHANGELIST), {"bin": "in"}).context["cl"].result_list
    assert [document.pk for document in listed] == [binned.pk]

    response = admin_action(admin_client, CHANGELIST, "restore_from_bin", [binned, kept], follow=True)
    assert "1 document put back from the bin." in response.content.decode()  # one document, not "1 documents"
    binned.refresh_from_db()
    assert binned.removed_at is None


def test_a_document_uploaded_again_is_not_put_back_and_the_admin_is_told(admin_client):
    case = CaseFactory()
    binned = DocumentFactory(case=case, original_name="passport.jpg", sha256="a" * 64, removed_at=timezone.now())
    DocumentFactory(case=case, original_name="passport.jpg", sha256="a" * 64)

    response = admin_action(admin_client, CHANGELIST, "restore_from_bin", [binned], follow=True)
    assert response.status_code == 200
    assert "was not put back" in response.content.decode()
    assert Document.objects.get(pk=binned.pk).removed_at is not None


def test_a_kind_changed_in_the_admin_survives_a_new_reading(admin_client):
    from documents.pipeline.types import DocumentKind, PipelineResult
    from documents.processing import save_result

    document = DocumentFactory(kind="passport", confidence=0.9)
    url = reverse("admin:documents_document_change", args=[document.pk])
    page = admin_client.get(url)
    data = {name: value for name, value in page.context["adminform"].form.initial.items()
            if name in ("case", "original_name", "review_status", "review_reason") and value is not None}
    admin_client.post(url, {**data, "kind": "id_card"})
    document.refresh_from_db()
    assert (document.kind, document.set_by_hand) == ("id_card", ["kind"])

    save_result(document, PipelineResult(kind=DocumentKind.PASSPORT, confidence=0.95, pages=1))

    document.refresh_from_db()
    assert (document.kind, document.confidence) == ("id_card", None)
