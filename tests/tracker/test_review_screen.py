"""The review screen: a document's pages beside what was read; decisions with standard reasons; the queue."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from documents.models import Document
from documents.pages import as_pdf
from documents.pipeline.types import DocumentKind, PipelineResult
from tests.factories import CaseFactory, CounsellorFactory, DocumentFactory, FamilyMemberFactory

pytestmark = pytest.mark.django_db

# A TD3 MRZ whose check digits all agree (ICAO 9303's specimen), and its reading as the pipeline stores it.
SPECIMEN_LINES = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"]
SPECIMEN = {"format": "TD3", "lines": SPECIMEN_LINES, "document_number": "L898902C3", "surname": "ERIKSSON",
            "given_names": "ANNA MARIA", "nationality": "UTO", "issuing_country": "UTO", "birth_date": "1974-08-12",
            "sex": "F", "expiry_date": "2012-04-15", "valid": True}


def photo(colour="white") -> ContentFile:
    output = io.BytesIO()
    Image.new("RGB", (300, 400), colour).save(output, "JPEG")
    return ContentFile(output.getvalue(), name="page.jpg")


@pytest.fixture
def case():
    counsellor = CounsellorFactory(username="sanne")
    case = CaseFactory(counsellors=[counsellor], permit_decision_date=timezone.localdate() - timedelta(days=20))
    case.counsellor = counsellor
    case.anna = FamilyMemberFactory(case=case, relation="spouse", given_names="Anna Maria", surname="Eriksson",
                                    birth_date=date(1974, 8, 12))
    return case


def screen(client, document, **query):
    return client.get(reverse("tracker:review_screen", args=[document.pk]), query)


def test_the_screen_shows_the_pages_beside_the_mrz_its_check_digits_the_people_and_why_they_are_linked(client, case):
    passport = DocumentFactory(case=case, file=photo(), mrz=SPECIMEN, confidence=0.97, languages=["en"],
                               fields={"people": [], "pages": 1})
    passport.members.add(case.anna)
    client.force_login(case.counsellor)

    page = screen(client, passport).content.decode()

    assert f'src="/documents/{passport.pk}/file/?page=1&amp;turn=0"' in page
    assert "L898902C3" in page and 'data-mrz-valid="true"' in page
    assert page.count('data-check="ok"') == 3  # number, birth date, expiry
    assert "ANNA MARIA ERIKSSON" in page and "12 August 1974" in page
    assert f'data-linked="{case.anna.pk}"' in page and "MRZ match" in page
    assert 'data-expiry="2012-04-15"' in page and "English" in page


def test_an_unsure_reading_says_so_with_the_pipelines_reason(client, case):
    read = PipelineResult(kind=DocumentKind.OTHER, confidence=0.45, pages=1, unsure="looks like an ID card, no MRZ found")
    unsure = DocumentFactory(case=case, kind="other", confidence=read.confidence, fields=read.extracted_fields())
    client.force_login(case.counsellor)
    page = screen(client, unsure).content.decode()
    assert "data-unsure" in page and "looks like an ID card, no MRZ found" in page


@pytest.mark.parametrize(("language", "words"), [
    ("en", "Looks like: ID card. No MRZ was found."), ("nl", "Lijkt op: Identiteitskaart. Er is geen MRZ gevonden."),
])
def test_the_pipelines_reason_is_said_in_the_counsellors_language(client, case, language, words):
    from documents.pipeline.doubt import Doubt, DoubtCode

    read = PipelineResult(kind=DocumentKind.OTHER, confidence=0.45, pages=1,
                          unsure=Doubt(DoubtCode.NO_MRZ, DocumentKind.ID_CARD))
    unsure = DocumentFactory(case=case, kind="other", confidence=read.confidence, fields=read.extracted_fields())
    assert unsure.fields["unsure"] == {"code": "no_mrz", "kind": "id_card", "other": None}
    case.counsellor.preferred_language = language
    case.counsellor.save()
    client.force_login(case.counsellor)
    assert words in screen(client, unsure).content.decode()


def test_a_doubt_about_the_mrz_reading_asks_to_check_the_mrz_not_the_kind(client, case):
    """A passport read with certainty whose MRZ names read differently from one reading to the next said
    "The reading is unsure: check the kind." before its reason: the kind was never in doubt."""
    from documents.pipeline.doubt import Doubt, DoubtCode

    read = PipelineResult(kind=DocumentKind.PASSPORT, confidence=0.95, pages=1,
                          unsure=Doubt(DoubtCode.MRZ_NAMES_DIFFER, DocumentKind.PASSPORT))
    passport = DocumentFactory(case=case, kind="passport", confidence=read.confidence, mrz=SPECIMEN,
                               fields=read.extracted_fields(), original_name="passport.jpg")
    unsure_kind = PipelineResult(kind=DocumentKind.OTHER, confidence=0.45, pages=1,
                                 unsure=Doubt(DoubtCode.NO_MRZ, DocumentKind.ID_CARD))
    card = DocumentFactory(case=case, kind="other", confidence=unsure_kind.confidence,
                           fields=unsure_kind.extracted_fields(), original_name="card.jpg")
    client.force_login(case.counsellor)

    page = screen(client, passport).content.decode()
    assert "data-unsure" in page and "check the kind" not in page
    assert "The MRZ may be read wrong: check its fields against the document." in page
    assert "The names in the MRZ read differently" in page
    assert "The reading is unsure: check the kind." in screen(client, card).content.decode()

    queue = client.get(reverse("tracker:review_queue")).content.decode()

    def row(document):
        start = queue.index(f'data-document="{document.pk}">')
        return queue[start:queue.index("</tr>", start)]

    assert "unsure: check the MRZ" in row(passport) and "check the kind" not in row(passport)
    assert "unsure: check the kind" in row(card)


def test_an_intended_decision_is_said_to_be_one_not_a_kind_to_check(client, case):
    """An IND voornemen, rightly kept "other", asked the counsellor to "check the kind" (tempting a change to
    asylum decision, which would count as the decision)."""
    from documents.pipeline.doubt import Doubt, DoubtCode

    read = PipelineResult(kind=DocumentKind.OTHER, confidence=0.45, pages=1,
                          unsure=Doubt(DoubtCode.INTENDED_DECISION, DocumentKind.ASYLUM_DECISION))
    letter = DocumentFactory(case=case, kind="other", confidence=read.confidence, fields=read.extracted_fields(),
                             original_name="letter.pdf")
    client.force_login(case.counsellor)
    page = screen(client, letter).content.decode()
    assert "data-unsure" in page and "check the kind" not in page
    assert "The deadline does not start from it." in page
    queue = client.get(reverse("tracker:review_queue")).content.decode()
    start = queue.index(f'data-document="{letter.pk}">')
    row = queue[start:queue.index("</tr>", start)]
    assert "intended decision (voornemen), not the decision" in row and "check the kind" not in row


@pytest.mark.parametrize("language", ["en", "nl", "ar", "fa", "ti", "so", "tr"])
def test_every_reason_of_the_pipeline_has_a_sentence_in_every_language(language):
    from django.utils import translation

    from documents.messages import DOUBTS, doubt_message
    from documents.pipeline.doubt import Doubt, DoubtCode

    assert set(DOUBTS) == {str(code) for code in DoubtCode}
    with translation.override(language):
        for code in DoubtCode:
            said = doubt_message(Doubt(code, DocumentKind.PASSPORT, DocumentKind.ID_CARD).to_dict())
            label = str(Document.Kind.PASSPORT.label)
            assert label in said and (language == "en" or said != DOUBTS[code] % {"kind": label, "other": ""})


def test_pages_are_served_turned_through_the_permission_checked_file_view(client, case):
    pdf = as_pdf([photo("white").read(), photo("black").read()])
    booklet = DocumentFactory(case=case, file=ContentFile(pdf, name="b.pdf"), content_type="application/pdf",
                              fields={"pages": 2})
    client.force_login(case.counsellor)

    second = client.get(reverse("documents:file", args=[booklet.pk]), {"page": 2, "turn": 1})
    assert second.status_code == 200 and second["Content-Type"] == "image/jpeg"
    picture = Image.open(io.BytesIO(b"".join(second.streaming_content if second.streaming else [second.content])))
    assert picture.width > picture.height  # a portrait page turned a quarter
    assert picture.getpixel((10, 10))[0] < 50  # the second page, the black one
    assert client.get(reverse("documents:file", args=[booklet.pk]), {"page": 3}).status_code == 404
    client.force_login(CounsellorFactory())
    assert client.get(reverse("documents:file", args=[booklet.pk]), {"page": 1}).status_code == 404


def test_rejecting_without_a_reason_comes_back_with_the_error_next_to_the_reason_and_focus_on_it(client, case):
    blurred = DocumentFactory(case=case)
    client.force_login(case.counsellor)

    response = client.post(reverse("tracker:review_screen", args=[blurred.pk]),
                           {"review_status": "rejected", "kind": "passport"})

    assert response.status_code == 400
    page = response.content.decode()
    field = page[page.index('id="id_rejection_reason"'):page.index("</select>", page.index('id="id_rejection_reason"'))]
    assert "autofocus" in field and 'aria-invalid="true"' in field
    assert 'id="error-rejection_reason">Choose a reason' in page
    blurred.refresh_from_db()
    assert blurred.review_status == "pending"


def test_a_standard_reason_reaches_the_sponsor_in_arabic_and_the_note_is_labelled_as_the_counsellors(client, case):
    first, second = DocumentFactory(case=case), DocumentFactory(case=case)
    client.force_login(case.counsellor)

    response = client.post(reverse("tracker:review_screen", args=[first.pk]), {
        "review_status": "rejected", "rejection_reason": "glare", "review_reason": "Zie de flits rechtsboven.",
        "kind": "passport"})

    assert response.status_code == 302 and response.url == reverse("tracker:review_screen", args=[second.pk])
    first.refresh_from_db()
    assert (first.review_status, first.rejection_reason) == ("rejected", "glare")
    case.sponsor.preferred_language = "ar"
    case.sponsor.save()
    client.force_login(case.sponsor)
    page = client.get(reverse("tracker:case_detail", args=[case.pk])).content.decode()
    reason = page[page.index('data-rejection-reason="glare"'):]
    assert "ينعكس الضوء" in reason[:300]
    assert '<bdi dir="auto">Zie de flits rechtsboven.</bdi>' in page and "كتب مرشدك:" in page


def test_the_queue_lists_the_case_nearest_its_deadline_first_and_accepts_several_at_once(client, case):
    later = CaseFactory(counsellors=[case.counsellor], permit_decision_date=timezone.localdate() - timedelta(days=5))
    late_one = DocumentFactory(case=later, original_name="later.jpg")
    urgent = [DocumentFactory(case=case, original_name=f"urgent-{n}.jpg") for n in range(2)]
    DocumentFactory(case=CaseFactory(), original_name="not-mine.jpg")
    client.force_login(case.counsellor)

    page = client.get(reverse("tracker:review_queue")).content.decode()
    assert page.index("urgent-0.jpg") < page.index("urgent-1.jpg") < page.index("later.jpg")
    assert "not-mine.jpg" not in page

    client.post(reverse("tracker:review_accept"), {"documents": [d.pk for d in urgent]})
    assert set(Document.objects.filter(review_status="accepted")) == set(urgent)
    late_one.refresh_from_db()
    assert late_one.review_status == "pending"


def test_the_queue_marks_the_documents_whose_kind_the_pipeline_is_unsure_of(client, case):
    """The queue showed "Other 45%" like "Passport 95%": nothing kept an unsure one from being accepted in bulk."""
    read = PipelineResult(kind=DocumentKind.OTHER, confidence=0.45, pages=1, unsure="looks like an ID card, no MRZ found")
    unsure = DocumentFactory(case=case, kind="other", confidence=read.confidence, fields=read.extracted_fields(),
                             original_name="unsure.jpg")
    doubted = DocumentFactory(case=case, kind="id_card", confidence=0.9, original_name="doubted.jpg",
                              fields={"unsure": "looks like an ID card, no MRZ found"})
    sure = DocumentFactory(case=case, kind="passport", confidence=0.95, original_name="sure.jpg")
    client.force_login(case.counsellor)
    page = client.get(reverse("tracker:review_queue")).content.decode()

    def row(document):
        start = page.index(f'data-document="{document.pk}">')
        return page[start:page.index("</tr>", start)]

    assert "data-unsure" in row(unsure) and "unsure: check the kind" in row(unsure)
    assert "data-unsure" in row(doubted) and "data-unsure" not in row(sure)

    page = client.get(reverse("tracker:case_detail", args=[case.pk])).content.decode()  # the case's review list
    assert "data-unsure" in row(unsure) and "data-unsure" in row(doubted) and "data-unsure" not in row(sure)


def test_the_queue_steps_from_one_document_to_the_next_across_cases(client, case):
    later = CaseFactory(counsellors=[case.counsellor], permit_decision_date=timezone.localdate() - timedelta(days=5))
    first, second = DocumentFactory(case=case), DocumentFactory(case=later)
    client.force_login(case.counsellor)
    response = client.post(reverse("tracker:review_screen", args=[first.pk]) + "?from=queue",
                           {"review_status": "accepted", "kind": "passport"})
    assert response.url == reverse("tracker:review_screen", args=[second.pk]) + "?from=queue"


def queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def add_documents(case, count: int) -> Document:
    documents = [DocumentFactory(case=case, mrz=SPECIMEN, fields={"pages": 1, "people": [
        {"name": "Anna Maria Eriksson", "birth_date": "1974-08-12"}]}) for _ in range(count)]
    for document in documents:
        document.members.add(case.anna)
    return documents[0]


@pytest.mark.parametrize("url", ["screen", "queue"])
def test_the_screen_and_the_queue_run_as_many_queries_for_ten_documents_as_for_two(client, case, url):
    client.force_login(case.counsellor)
    small = CaseFactory(counsellors=[case.counsellor])
    small.anna = FamilyMemberFactory(case=small)
    first_small = add_documents(small, 2)
    address = (lambda d: reverse("tracker:review_screen", args=[d.pk])) if url == "screen" else (
        lambda d: reverse("tracker:review_queue"))
    with_two = queries_for(client, address(first_small))
    first_large = add_documents(case, 10)
    FamilyMemberFactory.create_batch(4, case=case)
    with_ten = queries_for(client, address(first_large))
    assert with_two == with_ten


def test_the_review_screen_shows_where_this_document_disagrees_on_a_person_beside_the_sponsors_entry(client, case):
    child = FamilyMemberFactory(case=case, given_names="Yonas", surname="Tesfay", birth_date=date(2016, 3, 1))
    passport = DocumentFactory(case=case, kind=Document.Kind.PASSPORT, original_name="passport.jpg",
                               mrz={"surname": "TESFAY", "given_names": "SELAM", "birth_date": "2016-03-01",
                                    "valid": True})
    passport.members.add(child)
    agreeing = DocumentFactory(case=case, kind=Document.Kind.BIRTH_CERTIFICATE, original_name="birth.jpg")
    agreeing.members.add(child)
    client.force_login(case.counsellor)

    page = screen(client, passport).content.decode()
    panel = page[page.index('id="disagreements"'):]
    panel = panel[:panel.index("</section>")]
    assert "Entered by the sponsor" in panel and "Yonas" in panel and "SELAM" in panel
    assert 'name="note"' in panel  # marked explained from here
    assert 'id="disagreements"' not in screen(client, agreeing).content.decode()  # not part of it: not shown


def test_the_counsellor_says_a_document_is_about_the_sponsor_or_leaves_it_not_yet_assigned(client, case):
    passport = DocumentFactory(case=case, kind="passport")
    client.force_login(case.counsellor)
    page = screen(client, passport).content.decode()
    assert "data-unassigned" in page and "the document counts for the sponsor" not in page
    assert 'name="about_sponsor"' in page and "none: the sponsor" not in page

    saved = {"review_status": "pending", "kind": "passport", "translation_of": ""}
    client.post(reverse("tracker:review_screen", args=[passport.pk]), saved | {"about_sponsor": "on"})
    passport.refresh_from_db()
    assert passport.about_sponsor
    page = screen(client, passport).content.decode()
    assert 'data-linked="sponsor"' in page and "data-unassigned" not in page
    client.force_login(case.sponsor)
    assert "data-unassigned-count" not in client.get(reverse("tracker:case_detail", args=[case.pk])).content.decode()

    client.force_login(case.counsellor)
    client.post(reverse("tracker:review_screen", args=[passport.pk]), saved)  # nobody ticked
    passport.refresh_from_db()
    assert not passport.about_sponsor and not passport.members.exists()
    assert "data-unassigned" in screen(client, passport).content.decode()


def test_the_counsellor_sees_an_asylum_decision_is_always_the_sponsors(client, case):
    decision = DocumentFactory(case=case, kind="asylum_decision")
    client.force_login(case.counsellor)
    page = screen(client, decision).content.decode()
    assert 'data-linked="sponsor"' in page and "always about the sponsor" in page and "data-unassigned" not in page


def test_the_queue_says_whom_a_translation_is_about(client, case):
    """A translation follows its original; one whose original is not chosen says so (the cell was empty)."""
    original = DocumentFactory(case=case, kind="marriage_certificate", original_name="marriage.jpg")
    DocumentFactory(case=case, kind="translation", original_name="linked-translation.jpg", translation_of=original)
    DocumentFactory(case=case, kind="translation", original_name="loose-translation.jpg")
    client.force_login(case.counsellor)
    page = client.get(reverse("tracker:review_queue")).content.decode()
    linked_row = page[page.index("linked-translation.jpg"):]
    assert "as its original" in linked_row[:linked_row.index("</tr>")]
    loose_row = page[page.index("loose-translation.jpg"):]
    assert "a translation: its original is not chosen" in loose_row[:loose_row.index("</tr>")]


def test_a_kind_the_counsellor_set_is_no_longer_the_pipelines_guess(client, case):
    """After correcting "Other 45%" to ID card, the screen said "ID card, certainty 45%", asked again to check the
    kind, and the queue still flagged it; a doubt about what the MRZ says stays, the counsellor did not check that."""
    from documents.pipeline.doubt import Doubt, DoubtCode

    read = PipelineResult(kind=DocumentKind.OTHER, confidence=0.45, pages=1,
                          unsure=Doubt(DoubtCode.NO_MRZ, DocumentKind.ID_CARD))
    card = DocumentFactory(case=case, kind="other", confidence=read.confidence, fields=read.extracted_fields(),
                           original_name="card.jpg")
    mrz_doubt = PipelineResult(kind=DocumentKind.PASSPORT, confidence=0.95, pages=1,
                               unsure=Doubt(DoubtCode.MRZ_NAMES_DIFFER, DocumentKind.PASSPORT))
    passport = DocumentFactory(case=case, kind="passport", confidence=0.95, mrz=SPECIMEN,
                               fields=mrz_doubt.extracted_fields(), original_name="passport.jpg")
    client.force_login(case.counsellor)

    for document, kind in ((card, "id_card"), (passport, "id_card")):
        client.post(reverse("tracker:review_screen", args=[document.pk]),
                    {"review_status": "pending", "kind": kind, "members": [case.anna.pk]})

    page = screen(client, card).content.decode()
    assert "certainty" not in page and "data-unsure" not in page and "check the kind" not in page
    page = screen(client, passport).content.decode()
    assert "certainty" not in page and "The MRZ may be read wrong: check its fields against the document." in page
    queue = client.get(reverse("tracker:review_queue")).content.decode()
    card_row = queue[queue.index(f'data-document="{card.pk}">'):]
    assert "data-unsure" not in card_row[:card_row.index("</tr>")]


def test_the_members_to_tick_are_named_as_on_the_checklist(client, case):
    FamilyMemberFactory(case=case, relation="child", sex="F", given_names="Sara", surname="Eriksson",
                        birth_date=date(2016, 2, 3))
    document = DocumentFactory(case=case)
    client.force_login(case.counsellor)
    page = screen(client, document).content.decode()
    assert "<bdi>Sara Eriksson</bdi> <small>Daughter (under 18)</small>" in page
