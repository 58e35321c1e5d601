"""A person's correction survives the machine reading the file again (read again, retake, requeue)."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from audit.models import AuditEvent
from documents.models import Document
from documents.pipeline.types import DocumentKind, PersonMention, PipelineResult
from documents.processing import save_result
from documents.services import read_again
from tests.conftest import wait_until_finished
from tests.factories import CaseFactory, CounsellorFactory, DocumentFactory, FamilyMemberFactory
from tracker.review import DocumentReview, review_document


def corrected(document, counsellor, **changes) -> dict:
    fields = {"review_status": document.review_status, "review_reason": "", "kind": document.kind,
              "members": list(document.members.all()), "translation_of": None, **changes}
    return review_document(document, DocumentReview(**fields), actor=counsellor)


@pytest.mark.django_db(transaction=True)
def test_reading_again_keeps_what_a_counsellor_set_while_the_document_waits_for_review(client, celery_worker,
                                                                                      corpus_dir):
    counsellor = CounsellorFactory()
    case = CaseFactory(counsellors=[counsellor])
    FamilyMemberFactory(case=case, relation="child", given_names="Yonas", surname="Rahimi", birth_date=date(2019, 10, 19))
    other_child = FamilyMemberFactory(case=case, relation="child", given_names="Nour", surname="Rahimi")
    client.force_login(case.sponsor)
    photo = SimpleUploadedFile("IMG_0001.jpg", (corpus_dir / "002_passport.jpg").read_bytes())
    client.post(reverse("documents:upload", args=[case.pk]), {"files": [photo]})
    document = wait_until_finished(Document.objects.get(case=case))
    assert document.kind == "passport" and document.confidence is not None
    corrected(document, counsellor, kind=Document.Kind.ID_CARD, members=[other_child],
              expiry_date=date(2031, 1, 1))
    Document.objects.filter(pk=document.pk).update(ocr_text="", mrz=None)  # to see the new reading's arrive

    assert read_again([document], actor=counsellor) == 1
    wait_until_finished(document)

    assert document.status == Document.Status.DONE, document.error_message
    assert document.review_status == Document.Review.PENDING
    assert (document.kind, document.confidence) == (Document.Kind.ID_CARD, None)
    assert list(document.members.all()) == [other_child]
    assert document.expiry_date == date(2031, 1, 1)
    assert document.ocr_text and document.mrz["surname"]  # the new reading's own results are kept
    events = AuditEvent.objects.filter(target_id=str(document.pk)).order_by("at", "id")
    kind_changes = [event.changes["kind"] for event in events if "kind" in event.changes]
    assert kind_changes == [["passport", "id_card"]]  # the trail's last word on the kind is the document's kind
    assert events.last().changes == {"status": ["done", "received"]}


@pytest.mark.django_db
def test_a_pending_document_keeps_a_kind_set_by_hand_and_loses_the_pipelines_doubt_about_its_own():
    document = DocumentFactory(status=Document.Status.PROCESSING, kind="birth_certificate", confidence=None,
                               set_by_hand=["kind"])

    save_result(document, PipelineResult(kind=DocumentKind.OTHER, confidence=0.4, pages=2, text="Certificate",
                                         unsure="looks like two kinds"))

    document.refresh_from_db()
    assert (document.status, document.kind, document.confidence) == (Document.Status.DONE, "birth_certificate", None)
    assert document.ocr_text == "Certificate" and document.fields["pages"] == 2
    assert document.fields["unsure"] == ""


@pytest.mark.django_db
def test_a_pending_document_nobody_corrected_takes_the_new_reading():
    document = DocumentFactory(status=Document.Status.PROCESSING, kind="other", confidence=0.3)

    save_result(document, PipelineResult(kind=DocumentKind.PASSPORT, confidence=0.9, pages=1))

    document.refresh_from_db()
    assert (document.kind, document.confidence) == ("passport", 0.9)


@pytest.mark.django_db
def test_members_unlinked_by_hand_are_not_linked_again_by_a_new_reading():
    counsellor = CounsellorFactory()
    case = CaseFactory(counsellors=[counsellor])
    child = FamilyMemberFactory(case=case, given_names="Yonas", surname="Rahimi")
    document = DocumentFactory(case=case, status=Document.Status.PROCESSING)
    document.members.set([child])
    corrected(document, counsellor, members=[])

    save_result(document, PipelineResult(kind=DocumentKind.PASSPORT, confidence=0.9, pages=1,
                                         people=[PersonMention("Yonas Rahimi", None)]))

    assert not document.members.exists()


@pytest.mark.django_db
def test_a_kind_cleared_by_the_counsellor_goes_back_to_the_pipeline():
    counsellor = CounsellorFactory()
    document = DocumentFactory(case=CaseFactory(counsellors=[counsellor]), kind="passport")
    corrected(document, counsellor, kind=Document.Kind.ID_CARD)
    assert Document.objects.get(pk=document.pk).set_by_hand == ["kind"]

    corrected(document, counsellor, kind="")

    assert Document.objects.get(pk=document.pk).set_by_hand == []
