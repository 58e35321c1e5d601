"""What people change after upload keeps the review honest and nothing comes back from the dead."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from documents.intake import receive_upload
from documents.models import Document
from documents.pipeline.types import DocumentKind, PipelineResult
from documents.processing import save_result
from tests.factories import CaseFactory, CounsellorFactory, DocumentFactory, FamilyMemberFactory

pytestmark = pytest.mark.django_db


def test_sponsor_relinking_an_accepted_document_sends_it_back_to_review(client):
    case = CaseFactory()
    spouse, child = FamilyMemberFactory(case=case, relation="spouse"), FamilyMemberFactory(case=case)
    passport = DocumentFactory(case=case, review_status=Document.Review.ACCEPTED)
    passport.members.set([spouse])
    client.force_login(case.sponsor)

    client.post(reverse("documents:links", args=[passport.pk]), {"members": [child.pk]})

    passport.refresh_from_db()
    assert list(passport.members.all()) == [child]
    assert passport.review_status == Document.Review.PENDING


def test_counsellor_relinking_keeps_the_review(client):
    counsellor = CounsellorFactory()
    case = CaseFactory(counsellors=[counsellor])
    child = FamilyMemberFactory(case=case)
    passport = DocumentFactory(case=case, review_status=Document.Review.ACCEPTED)
    client.force_login(counsellor)

    client.post(reverse("documents:links", args=[passport.pk]), {"members": [child.pk]})

    passport.refresh_from_db()
    assert passport.review_status == Document.Review.ACCEPTED


def test_document_deleted_while_being_read_stays_deleted():
    document = DocumentFactory(status=Document.Status.PROCESSING, kind="")
    Document.objects.filter(pk=document.pk).delete()

    save_result(document, PipelineResult(kind=DocumentKind.PASSPORT, confidence=0.9, pages=1))

    assert not Document.objects.filter(pk=document.pk).exists()


def test_reading_again_keeps_the_kind_a_counsellor_set():
    document = DocumentFactory(status=Document.Status.PROCESSING, kind="birth_certificate",
                               review_status=Document.Review.ACCEPTED)

    save_result(document, PipelineResult(kind=DocumentKind.OTHER, confidence=0.4, pages=1))

    document.refresh_from_db()
    assert (document.status, document.kind) == (Document.Status.DONE, "birth_certificate")


def test_photo_that_failed_before_may_be_uploaded_again(corpus_dir):
    case = CaseFactory()
    data = (corpus_dir / "003_passport.jpg").read_bytes()
    first = receive_upload(case=case, uploaded=SimpleUploadedFile("a.jpg", data), user=case.sponsor).document
    Document.objects.filter(pk=first.pk).update(status=Document.Status.FAILED)

    again = receive_upload(case=case, uploaded=SimpleUploadedFile("a.jpg", data), user=case.sponsor)

    assert again.duplicate_of is None and again.document.pk != first.pk
