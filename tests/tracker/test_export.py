"""The dossier: one ZIP per case, documents per family member, translations beside originals, an index PDF."""

from __future__ import annotations

import io
import zipfile
from datetime import date

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from pypdf import PdfReader

from audit.models import AuditEvent
from documents.models import Document
from tests.factories import CaseFactory, CounsellorFactory, DocumentFactory, FamilyMemberFactory
from tracker.models import IndLetter

pytestmark = pytest.mark.django_db


@pytest.fixture
def case():
    counsellor = CounsellorFactory()
    case = CaseFactory(counsellors=[counsellor], v_number="1234567890", permit_decision_date=date(2026, 8, 31))
    case.counsellor = counsellor
    case.nour = FamilyMemberFactory(case=case, given_names="Nour", surname="Rahimi")
    case.yonas = FamilyMemberFactory(case=case, given_names="Yonas", surname="Rahimi")
    decision = DocumentFactory(case=case, kind=Document.Kind.ASYLUM_DECISION, review_status="accepted",
                               file=ContentFile(b"%PDF-1.4 decision", name="decision.pdf"))
    birth = DocumentFactory(case=case, kind=Document.Kind.BIRTH_CERTIFICATE, languages=["ar"])
    birth.members.add(case.nour, case.yonas)
    translation = DocumentFactory(case=case, kind=Document.Kind.TRANSLATION, translation_of=birth,
                                  file=ContentFile(b"%PDF-1.4 vertaling", name="vertaling.pdf"))
    rejected = DocumentFactory(case=case, review_status="rejected", review_reason="Blurred")
    rejected.members.add(case.nour)
    IndLetter.objects.create(case=case, kind="herstelverzuim", received_on=date(2026, 11, 1), subject="Aanvulling",
                             response_due=date(2026, 11, 15))
    case.docs = {"decision": decision, "birth": birth, "translation": translation, "rejected": rejected}
    return case


def download(client, case):
    response = client.get(reverse("tracker:case_export", args=[case.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"]
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def test_documents_are_grouped_per_person_with_translations_beside_their_originals(client, case):
    client.force_login(case.counsellor)

    names = download(client, case).namelist()

    root = names[0].split("/")[0]
    assert root.startswith("nareis-dossier-1234567890-")
    birth, translation, decision = case.docs["birth"], case.docs["translation"], case.docs["decision"]
    files = sorted(name.removeprefix(root + "/") for name in names)
    sponsor_folder = files[1].split("/")[0]
    assert sponsor_folder.startswith("01-")
    assert files == sorted([
        "00-index.pdf",
        f"{sponsor_folder}/asylum_decision-{decision.pk}.pdf",
        f"02-nour-rahimi/birth_certificate-{birth.pk}.jpg",
        f"02-nour-rahimi/birth_certificate-{birth.pk}-translation-{translation.pk}.pdf",
        f"03-yonas-rahimi/birth_certificate-{birth.pk}.jpg",
        f"03-yonas-rahimi/birth_certificate-{birth.pk}-translation-{translation.pk}.pdf",
    ])  # the rejected photo stays out


def test_the_index_lists_deadline_checklist_and_files_in_dutch_for_the_ind(client, case):
    client.force_login(case.sponsor)  # the sponsor files the application, so may download it too
    client.post(reverse("accounts:set_language"), {"language": "ar", "next": "/"})

    archive = download(client, case)

    index = next(name for name in archive.namelist() if name.endswith("00-index.pdf"))
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(archive.read(index))).pages)
    assert "1234567890" in text
    assert "Uiterste datum om aan te vragen" in text and "30" in text and "2026" in text
    assert "Nour Rahimi" in text and "Familieband" in text and "Identiteit" in text
    assert "Aanvulling" in text
    assert f"02-nour-rahimi/birth_certificate-{case.docs['birth'].pk}.jpg" in text.replace("\n", "")
    assert AuditEvent.objects.filter(action="export", case_id=case.pk).count() == 1


def test_a_lost_file_is_named_in_the_index_instead_of_failing(client, case):
    case.docs["decision"].file.storage.delete(case.docs["decision"].file.name)
    client.force_login(case.counsellor)

    archive = download(client, case)

    assert not any("asylum_decision" in name for name in archive.namelist())
    index = next(name for name in archive.namelist() if name.endswith("00-index.pdf"))
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(archive.read(index))).pages)
    assert "kon niet gelezen worden" in text


def test_only_people_of_the_case_can_export(client, case):
    client.force_login(CounsellorFactory())
    assert client.get(reverse("tracker:case_export", args=[case.pk])).status_code == 404
    client.logout()
    assert client.get(reverse("tracker:case_export", args=[case.pk])).status_code == 302


def test_names_in_every_script_of_the_interface_print_as_written(client):
    """Tigrinya names vanished (no Ge'ez glyphs) and Arabic printed unjoined and in reverse (no text shaping)."""
    import pypdfium2

    names = {"ti": ("ዮናስ", "ተስፋይ"), "ar": ("محمد", "حسن"), "fa": ("مهرداد", "رضایی"), "tr": ("Ayşe", "Öztürk"),
             "so": ("Cabdi", "Xasan")}
    case = CaseFactory(permit_decision_date=date(2026, 8, 31))
    for given_names, surname in names.values():
        FamilyMemberFactory(case=case, given_names=given_names, surname=surname)
    client.force_login(case.sponsor)

    archive = download(client, case)

    index = archive.read(next(name for name in archive.namelist() if name.endswith("00-index.pdf")))
    pdf = pypdfium2.PdfDocument(index)
    text = "".join(pdf[page].get_textpage().get_text_range() for page in range(len(pdf)))
    for given_names, surname in names.values():
        assert f"{given_names} {surname}" in text  # right to left in logical order: shaped, not reversed


def test_letter_scans_are_in_the_dossier_under_clear_names_and_listed_in_the_index(client, case):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.documents.test_location_data import phone_photo
    from tracker.correspondence import attach_scan

    letter = IndLetter.objects.get()  # recorded without a scan; the counsellor adds it later
    attach_scan(letter, SimpleUploadedFile("brief van de IND.jpg", phone_photo("JPEG"), content_type="image/jpeg"),
                actor=case.counsellor)
    IndLetter.objects.create(case=case, kind="question", received_on=date(2026, 11, 20), subject="Zonder scan")
    client.force_login(case.counsellor)

    archive = download(client, case)

    root = archive.namelist()[0].split("/")[0]
    path = f"00-ind-letters/2026-11-01-herstelverzuim-{letter.pk}.jpg"
    assert [n.removeprefix(root + "/") for n in archive.namelist() if "/00-ind-letters/" in n] == [path]
    with letter.scan.open("rb") as stored:
        assert archive.read(f"{root}/{path}") == stored.read()
    index = archive.read(f"{root}/00-index.pdf")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(index)).pages).replace("\n", "")
    assert text.count(path) == 2  # beside the letter, and in the list of files
    assert "brief van de IND.jpg" in text and "Brief van de IND" in text


def test_a_sponsor_without_documents_is_not_offered_an_empty_dossier(client):
    case = CaseFactory()
    client.force_login(case.sponsor)
    url = reverse("tracker:case_detail", args=[case.pk])
    assert "data-dossier" not in client.get(url).content.decode()
    DocumentFactory(case=case)
    assert "data-dossier" in client.get(url).content.decode()
