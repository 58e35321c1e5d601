"""The IND's extra evidence is recognised: passport photos (one face filling much of the frame, little text),
the antecedentenverklaring and verklaring burgerlijke staat, blank or filled in by hand, in Dutch and English,
and foster children's placement, guardianship, custody and kafala decisions in Arabic, English, French and Dutch.
A photo of people that is not a passport photo stays ``other``."""

from __future__ import annotations

import pytest
from PIL import Image

from bench.samples import FACE_SPECIMENS, foster_care_decisions, holder_photo, ind_statements, photos_of_people
from documents.pipeline import classify, run_pipeline
from documents.pipeline.faces import Face, is_portrait, portrait_face
from documents.pipeline.types import DocumentKind as K


@pytest.mark.parametrize("sample", ind_statements() + foster_care_decisions() + photos_of_people(),
                         ids=lambda sample: sample.name)
def test_rendered_samples_are_classified_and_carry_no_other_kinds_fields(sample):
    result = run_pipeline(sample.make())
    assert str(result.kind) == sample.kind, result.text[:300]
    assert result.error is None
    assert (result.mrz, result.decision_date, result.translation) == (None, None, None)


def test_a_passport_photo_taken_sideways_is_still_one():
    photo = holder_photo(FACE_SPECIMENS[0]).rotate(90, expand=True)
    assert portrait_face(photo) is not None


def test_the_real_documents_holding_a_face_are_not_passport_photos(corpus_dir):
    """A passport's face fills much of its photo, but the page has text (and an MRZ)."""
    result = run_pipeline(corpus_dir / "002_passport.jpg")
    assert result.kind is K.PASSPORT


def test_a_large_face_beside_text_is_not_a_passport_photo():
    face = Face(0.1, 0.1, 0.5, 0.4)
    text = "DRIVER LICENSE\nJelani Sample\n123 Main Street Phoenix\nClass D  Expires 01/01/2030  Sex M  Eyes BRO"
    assert classify.classify(text, portrait=face).kind is not K.PASSPORT_PHOTO
    assert classify.classify("", portrait=face).kind is K.PASSPORT_PHOTO


@pytest.mark.parametrize(("faces", "portrait"), [
    ([Face(0.2, 0.2, 0.6, 0.45)], True),
    ([Face(0.2, 0.2, 0.6, 0.45), Face(0.8, 0.7, 0.08, 0.06)], True),  # a speck, or a passport's small ghost image
    ([Face(0.05, 0.2, 0.35, 0.45), Face(0.55, 0.2, 0.33, 0.44)], False),  # two people, close up
    ([Face(0.45, 0.1, 0.08, 0.06)], False),  # a face far away: someone standing in a snapshot
    ([], False),
])
def test_one_face_filling_much_of_the_frame_and_no_other_like_it(faces, portrait):
    assert is_portrait(faces) is portrait


def test_a_blank_photo_has_no_face():
    assert portrait_face(Image.new("RGB", (400, 500), (230, 230, 230))) is None


@pytest.mark.parametrize("text", [
    "The child was placed with the foster parents by order of the court.",
    "L'enfant mineur est confié à la famille d'accueil désignée par le tribunal.",
    "De kinderrechter besliste over de uithuisplaatsing; het kind woont in een pleeggezin.",
    "تقرر المحكمة إسناد حضانة الطفل إلى عمه الحاضن",
])
def test_a_foster_care_decision_is_known_by_its_wording_without_its_title(text):
    assert classify.classify(text).kind is K.FOSTER_CARE_DECISION


def test_a_consent_signed_by_a_legal_guardian_stays_a_consent():
    text = ("Parental consent\nI, the undersigned, legal guardian of the child, who has custody of her, give my "
            "permission for my child to travel to the Netherlands.\nSignature")
    assert classify.classify(text).kind is K.CONSENT_DECLARATION
