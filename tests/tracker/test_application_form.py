"""Form 647's data, prefilled: per family member what the IND's form asks, from the documents, in Dutch; values the
documents disagree on are marked with every reading, not guessed."""

from __future__ import annotations

import io
import zipfile
from datetime import date

import pytest
from django.urls import reverse
from pypdf import PdfReader

from documents.models import Document
from tests.factories import CaseFactory, CounsellorFactory, DocumentFactory, FamilyMemberFactory
from tracker.application_form import application_form

pytestmark = pytest.mark.django_db

MRZ = {"format": "TD3", "lines": [], "document_number": "P3328878", "surname": "RAHIMI", "given_names": "YONAS ALI",
       "nationality": "ERI", "issuing_country": "ERI", "birth_date": "2015-06-07", "sex": "M",
       "expiry_date": "2029-09-21", "valid": True}


@pytest.fixture
def case():
    counsellor = CounsellorFactory()
    case = CaseFactory(counsellors=[counsellor], v_number="1234567890", permit_decision_date=date(2026, 10, 1))
    case.counsellor = counsellor
    case.yonas = FamilyMemberFactory(case=case, given_names="Yonas", surname="Rahimi", birth_date=date(2015, 6, 7))
    passport = DocumentFactory(case=case, kind=Document.Kind.PASSPORT, mrz=MRZ, original_name="paspoort-yonas.jpg",
                               fields={"people": [{"name": "YONAS ALI RAHIMI", "given_names": "YONAS ALI",
                                                   "surname": "RAHIMI", "birth_date": "2015-06-07",
                                                   "role": "holder", "source": "mrz"}]})
    birth = DocumentFactory(case=case, kind=Document.Kind.BIRTH_CERTIFICATE, original_name="geboorteakte.jpg",
                            languages=["en"],
                            fields={"people": [{"name": "YONAS RAHIMI", "given_names": "YONAS", "surname": "RAHIMI",
                                                "birth_date": "2015-06-07", "birth_place": "Asmara", "role": "child",
                                                "source": "fields"},
                                               {"name": "ALI RAHIMI", "role": "father", "source": "fields"}]})
    passport.members.add(case.yonas)
    birth.members.add(case.yonas)
    case.passport, case.birth = passport, birth
    return case


def answers(case, member) -> dict:
    [form] = [form for form in application_form(case) if form.member == member]
    return {answer.key: answer for answer in form.answers}


def test_every_question_is_answered_from_the_documents_with_its_source(case):
    found = answers(case, case.yonas)
    assert {key: answer.value for key, answer in found.items()} == {
        "surname": "RAHIMI", "given_names": "YONAS ALI", "birth_date": "07-06-2015", "birth_place": "Asmara",
        "nationality": "Eritrese (ERI)", "sex": "Man", "passport_number": "P3328878", "passport_expiry": "21-09-2029",
        "relation": "Minderjarig kind"}
    assert found["given_names"].sources == ["paspoort paspoort-yonas.jpg"]
    assert set(found["birth_date"].sources) == {"paspoort paspoort-yonas.jpg", "geboorteakte geboorteakte.jpg"}
    assert not any(answer.disputed for answer in found.values())


def test_a_birth_date_the_documents_disagree_on_is_marked_not_chosen(case):
    case.birth.fields["people"][0]["birth_date"] = "2015-07-06"
    case.birth.save()

    birth_date = answers(case, case.yonas)["birth_date"]

    assert birth_date.disputed and birth_date.value is None
    assert [(reading.value, reading.source) for reading in birth_date.readings] == [
        ("07-06-2015", "paspoort paspoort-yonas.jpg"), ("06-07-2015", "geboorteakte geboorteakte.jpg")]


def test_rejected_documents_say_nothing_and_without_a_passport_the_sponsors_entry_is_shown_as_such(case):
    case.passport.review_status = Document.Review.REJECTED
    case.passport.save()

    found = answers(case, case.yonas)

    assert found["surname"].value == "RAHIMI" and found["surname"].sources == ["zoals de referent opgaf"]
    assert found["passport_number"].value is None


def test_the_page_for_the_counsellor_in_dutch_with_the_disputes_marked(client, case):
    case.birth.fields["people"][0]["birth_date"] = "2015-07-06"
    case.birth.save()
    client.force_login(case.counsellor)

    page = client.get(reverse("tracker:application_form", args=[case.pk])).content.decode()

    assert "Gegevens voor formulier 647" in page and "Achternaam (zoals in het paspoort)" in page
    assert 'data-question="birth_date" class="disputed" data-disputed="true"' in page
    assert "P3328878" in page and "Documenten spreken elkaar tegen" in page
    detail = client.get(reverse("tracker:case_detail", args=[case.pk])).content.decode()
    assert reverse("tracker:application_form", args=[case.pk]) in detail


def test_the_sponsor_is_refused_the_page(client, case):
    client.force_login(case.sponsor)
    assert client.get(reverse("tracker:application_form", args=[case.pk])).status_code == 403


def test_the_dossier_index_carries_the_form_647_section(client, case):
    client.force_login(case.counsellor)
    response = client.get(reverse("tracker:case_export", args=[case.pk]))
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    index = next(name for name in archive.namelist() if name.endswith("00-index.pdf"))
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(archive.read(index))).pages)
    assert "Gegevens voor formulier 647" in text
    assert "Paspoortnummer: P3328878" in text and "Geboorteplaats: Asmara" in text
