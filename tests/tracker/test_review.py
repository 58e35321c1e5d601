"""Counsellors review documents and explain missing evidence; everything they change is kept, with who and when."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from audit.models import AuditEvent
from documents.models import Document
from tests.factories import CaseFactory, CounsellorFactory, DocumentFactory, FamilyMemberFactory
from tracker.checklist import build_checklist
from tracker.export import index_pdf
from tracker.models import Explanation

pytestmark = pytest.mark.django_db


@pytest.fixture
def case():
    counsellor = CounsellorFactory(username="sanne")
    case = CaseFactory(counsellors=[counsellor])
    case.counsellor = counsellor
    case.child = FamilyMemberFactory(case=case, given_names="Nour", surname="Rahimi")
    return case


def review(client, document, **fields):
    data = {"review_status": document.review_status, "review_reason": document.review_reason, "kind": document.kind,
            "members": [m.pk for m in document.members.all()], "translation_of": document.translation_of_id or ""}
    data |= fields
    return client.post(reverse("tracker:review_screen", args=[document.pk]), data)


def child_requirements(case) -> dict[str, str]:
    row = build_checklist(case).members[0]
    return {r.code: r.status for r in row.requirements}


def test_accepting_a_passport_satisfies_identity_and_is_recorded_with_who(client, case):
    passport = DocumentFactory(case=case)
    passport.members.add(case.child)
    client.force_login(case.counsellor)

    response = review(client, passport, review_status="accepted")

    assert response.status_code == 302
    assert child_requirements(case)["identity"] == "satisfied"
    event = AuditEvent.objects.get(action=AuditEvent.Action.REVIEW, target_id=str(passport.pk))
    assert event.actor_name == "sanne" and event.changes == {"review_status": ["pending", "accepted"]}


def test_a_rejection_needs_a_reason_which_the_sponsor_then_sees(client, case):
    photo = DocumentFactory(case=case, original_name="blurry.jpg")
    client.force_login(case.counsellor)

    review(client, photo, review_status="rejected", review_reason="")
    photo.refresh_from_db()
    assert photo.review_status == "pending"

    review(client, photo, review_status="rejected", review_reason="The photo is blurred; take it again in daylight.")
    photo.refresh_from_db()
    assert photo.review_status == "rejected"

    client.force_login(case.sponsor)
    page = client.get(reverse("tracker:case_detail", args=[case.pk])).content.decode()
    assert "The photo is blurred; take it again in daylight." in page
    assert 'id="review"' not in page  # the review panel is for counsellors only


def test_correcting_the_kind_and_relinking_moves_the_evidence(client, case):
    document = DocumentFactory(case=case, kind=Document.Kind.OTHER, review_status="accepted")
    client.force_login(case.counsellor)

    review(client, document, kind="birth_certificate", members=[case.child.pk])

    assert child_requirements(case)["family_bond"] == "satisfied"
    event = AuditEvent.objects.filter(target_id=str(document.pk)).latest("at")
    assert event.changes == {"kind": ["other", "birth_certificate"], "members": [[], [case.child.pk]]}


def test_marking_a_translation_satisfies_the_translation_requirement(client, case):
    original = DocumentFactory(case=case, kind=Document.Kind.BIRTH_CERTIFICATE, languages=["ar"],
                               review_status="accepted")
    original.members.add(case.child)
    translation = DocumentFactory(case=case, kind=Document.Kind.TRANSLATION, languages=["nl"],
                                  review_status="accepted")
    assert child_requirements(case)["translation"] == "missing"
    client.force_login(case.counsellor)

    review(client, translation, translation_of=original.pk)

    assert child_requirements(case)["translation"] == "satisfied"


def test_a_document_cannot_be_its_own_translation(client, case):
    document = DocumentFactory(case=case)
    client.force_login(case.counsellor)
    review(client, document, translation_of=document.pk)
    document.refresh_from_db()
    assert document.translation_of_id is None


def test_an_explanation_instead_of_a_document_and_its_withdrawal(client, case):
    client.force_login(case.counsellor)

    client.post(reverse("tracker:explanation_create", args=[case.pk]), {
        "member": case.child.pk, "requirement": "family_bond", "remedy": "dna_test",
        "document_sought": "Birth certificate", "attempts": "Asked the registry in Aleppo by letter",
        "other_evidence": "Photos of the family together",
        "text": "The civil registry in the region was destroyed; the IND offered a DNA test."})

    assert child_requirements(case)["family_bond"] == "explained"
    explanation = Explanation.objects.get()
    assert explanation.created_by == case.counsellor and explanation.remedy == "dna_test"

    client.post(reverse("tracker:explanation_delete", args=[explanation.pk]))
    assert child_requirements(case)["family_bond"] == "missing"
    assert list(AuditEvent.objects.filter(target_type="tracker.explanation").values_list("action", flat=True)
                .order_by("id")) == ["create", "delete"]


def test_the_case_facts_are_changed_with_history_shown_on_the_case(client, case):
    client.force_login(case.counsellor)

    client.post(reverse("tracker:case_facts_update", args=[case.pk]), {
        "v_number": "1122334455", "sponsor_birth_date": "1988-01-15", "permit_decision_date": "2026-09-30",
        "permit_type": "subsidiary", "application_filed_on": ""})

    case.refresh_from_db()
    assert case.permit_decision_date.isoformat() == "2026-09-30" and case.permit_type == "subsidiary"
    page = client.get(reverse("tracker:case_detail", args=[case.pk])).content.decode()
    history = page[page.index('id="history"'):]
    assert "30 September 2026" in history and "Subsidiary protection" in history and str(case.counsellor) in history


def test_only_the_cases_counsellors_may_review(client, case):
    document = DocumentFactory(case=case)
    client.force_login(case.sponsor)
    assert review(client, document, review_status="accepted").status_code == 403
    client.force_login(CounsellorFactory())
    assert review(client, document, review_status="accepted").status_code == 404
    client.force_login(CaseFactory().sponsor)
    assert client.post(reverse("tracker:explanation_create", args=[case.pk]), {}).status_code == 404
    document.refresh_from_db()
    assert document.review_status == "pending"


def test_an_explanation_needs_every_part_the_ind_weighs_and_the_dossier_shows_them(client, case):
    client.force_login(case.counsellor)
    parts = {"member": case.child.pk, "requirement": "identity", "remedy": "interview",
             "document_sought": "Passport of Nour", "text": "Eritrea issues no passports to those who left",
             "attempts": "Asked the embassy in The Hague twice", "other_evidence": "A baptism certificate"}
    for missing in ("document_sought", "text", "attempts", "other_evidence"):
        response = client.post(reverse("tracker:explanation_create", args=[case.pk]), parts | {missing: " "},
                               follow=True)
        assert Explanation.objects.count() == 0, missing
        assert response.status_code == 200
    client.post(reverse("tracker:explanation_create", args=[case.pk]), parts)
    explanation = Explanation.objects.get()
    assert (explanation.document_sought, explanation.attempts, explanation.other_evidence) == (
        "Passport of Nour", "Asked the embassy in The Hague twice", "A baptism certificate")
    assert child_requirements(case)["identity"] == "explained"
    page = client.get(reverse("tracker:case_detail", args=[case.pk])).content.decode()
    assert "Asked the embassy in The Hague twice" in page and "Propose an interview" in page

    pdf = index_pdf(case, build_checklist(case), [], [], case.permit_decision_date)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Asked the embassy in The Hague twice" in text and "A baptism certificate" in text
