"""The date read from an uploaded asylum decision is proposed; the sponsor or a counsellor confirms it."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from audit.models import AuditEvent
from documents.pipeline.types import DocumentKind, PipelineResult
from documents.processing import save_result
from documents.services import delete_document
from tests.factories import CaseFactory, CounsellorFactory, DocumentFactory
from tracker.models import DecisionDateProposal

pytestmark = pytest.mark.django_db


def read_as(document, kind, decision_date=None):
    save_result(document, PipelineResult(kind=kind, confidence=0.9, languages=["nl"], pages=1,
                                         decision_date=decision_date))


def test_a_read_asylum_decision_proposes_its_date_without_moving_the_deadline():
    case = CaseFactory(permit_decision_date=None)
    decision = DocumentFactory(case=case, kind="", status="processing")

    read_as(decision, DocumentKind.ASYLUM_DECISION, date(2026, 9, 14))

    case.refresh_from_db()
    assert case.proposed_decision_date == date(2026, 9, 14)
    assert DecisionDateProposal.objects.get(case_id=case.pk).document == decision
    assert case.permit_decision_date is None


def test_other_documents_and_a_date_already_confirmed_propose_nothing():
    case = CaseFactory(permit_decision_date=date(2026, 9, 14))
    read_as(DocumentFactory(case=case, kind="", status="processing"), DocumentKind.PASSPORT)
    read_as(DocumentFactory(case=case, kind="", status="processing"), DocumentKind.ASYLUM_DECISION, date(2026, 9, 14))
    case.refresh_from_db()
    assert case.proposed_decision_date is None


def test_the_sponsor_sees_the_proposal_and_confirms_it(client):
    case = CaseFactory(permit_decision_date=None)
    read_as(DocumentFactory(case=case, kind="", status="processing"), DocumentKind.ASYLUM_DECISION, date(2026, 8, 31))
    client.force_login(case.sponsor)

    page = client.get(reverse("tracker:case_detail", args=[case.pk])).content.decode()
    assert 'data-proposed-decision-date="2026-08-31"' in page

    client.post(reverse("tracker:decision_date_confirm", args=[case.pk]))

    case.refresh_from_db()
    assert case.permit_decision_date == date(2026, 8, 31) and case.proposed_decision_date is None
    assert case.deadline == date(2026, 11, 30)
    event = AuditEvent.objects.filter(target_id=str(case.pk), action="change").latest("id")
    assert event.actor == case.sponsor and event.changes == {"permit_decision_date": [None, "2026-08-31"],
                                                             "decision_date_to_check": [False, True]}


def test_a_counsellor_can_dismiss_a_misread_date(client):
    counsellor = CounsellorFactory()
    case = CaseFactory(counsellors=[counsellor], permit_decision_date=date(2026, 9, 1))
    read_as(DocumentFactory(case=case, kind="", status="processing"), DocumentKind.ASYLUM_DECISION, date(2016, 9, 1))
    client.force_login(counsellor)

    client.post(reverse("tracker:decision_date_dismiss", args=[case.pk]))

    case.refresh_from_db()
    assert case.proposed_decision_date is None and case.permit_decision_date == date(2026, 9, 1)


def test_nobody_else_can_confirm(client):
    case = CaseFactory(permit_decision_date=None)
    read_as(DocumentFactory(case=case, kind="", status="processing"), DocumentKind.ASYLUM_DECISION, date(2026, 8, 31))
    client.force_login(CaseFactory().sponsor)
    assert client.post(reverse("tracker:decision_date_confirm", args=[case.pk])).status_code == 404
    case.refresh_from_db()
    assert case.permit_decision_date is None


@pytest.mark.django_db(transaction=True)
def test_an_uploaded_decision_read_by_the_worker_proposes_its_date_for_the_sponsor_to_confirm(
        client, celery_worker, corpus_dir, corpus_labels):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from documents.models import Document
    from tests.conftest import wait_until_finished

    expected = date.fromisoformat(corpus_labels["036_asylum_decision.jpg"]["decision_date"])
    case = CaseFactory(permit_decision_date=None)
    client.force_login(case.sponsor)
    photo = SimpleUploadedFile("IMG_2231.jpg", (corpus_dir / "036_asylum_decision.jpg").read_bytes())
    client.post(reverse("documents:upload", args=[case.pk]), {"files": [photo]})

    document = wait_until_finished(Document.objects.get(case=case))
    assert document.kind == "asylum_decision", document.error_message

    fragment = client.get(reverse("tracker:case_live", args=[case.pk])).content.decode()
    assert f'data-proposed-decision-date="{expected.isoformat()}"' in fragment
    client.post(reverse("tracker:decision_date_confirm", args=[case.pk]))
    case.refresh_from_db()
    assert case.permit_decision_date == expected


def test_a_deleted_decision_no_longer_proposes_its_date(client):
    case = CaseFactory(permit_decision_date=None)
    decision = DocumentFactory(case=case, kind="", status="processing")
    read_as(decision, DocumentKind.ASYLUM_DECISION, date(2026, 9, 14))
    client.force_login(case.sponsor)

    client.post(reverse("documents:remove", args=[decision.pk]))

    case.refresh_from_db()
    assert case.proposed_decision_date is None
    assert not DecisionDateProposal.objects.filter(case_id=case.pk).exists()


def test_a_decision_deleted_for_good_withdraws_its_proposal_and_leaves_another_documents_alone():
    case = CaseFactory(permit_decision_date=None)
    passport = DocumentFactory(case=case)
    decision = DocumentFactory(case=case, kind="", status="processing")
    read_as(decision, DocumentKind.ASYLUM_DECISION, date(2026, 9, 14))

    delete_document(passport)
    case.refresh_from_db()
    assert case.proposed_decision_date == date(2026, 9, 14)

    delete_document(decision)
    case.refresh_from_db()
    assert case.proposed_decision_date is None
    assert not DecisionDateProposal.objects.filter(case_id=case.pk).exists()
