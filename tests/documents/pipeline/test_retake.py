"""Retake advice (issue 12): each fault of a phone photo is named, and a good photo is left alone."""

from __future__ import annotations

import io

import pytest

from bench.photo_faults import FAULTS, RETAKE_FAULTS, photograph, retake_photo
from documents.pipeline import run_pipeline
from documents.pipeline.retake import Retake, advise, judge, measure
from documents.pipeline.types import DocumentKind

PAGES = ("002_", "013_", "037_", "021_")  # a passport, a certificate, a letter, a booklet page


@pytest.fixture(scope="module")
def pages(corpus_dir, corpus_labels) -> list[str]:
    names = [name for name in corpus_labels if name.startswith(PAGES)]
    assert len(names) == len(PAGES)
    return [str(corpus_dir / name) for name in names]


@pytest.mark.parametrize("fault", [fault for fault in RETAKE_FAULTS if fault != "not_a_document"])
def test_each_fault_of_a_page_photo_is_named(pages, fault):
    for path in pages:
        assert Retake(fault) in judge(measure(retake_photo(path, fault))), path


def test_a_good_photo_of_a_page_is_not_flagged(pages):
    for path in pages:
        assert judge(measure(retake_photo(path, None))) == [], path


@pytest.mark.parametrize("fault", FAULTS)
def test_faults_the_pipeline_reads_through_are_not_flagged(pages, fault):
    """A lamp on one side, JPEG, a little out of focus, noise, an angle: read well, so no retake asked."""
    for path in pages:
        assert judge(measure(photograph(path, 1200, fault))) == [], path


def test_a_holiday_picture_is_not_a_document_and_not_called_blurred(pages):
    scene = measure(retake_photo(pages[0], "not_a_document"))
    assert judge(scene) == []
    assert advise([scene], DocumentKind.OTHER, "") == [Retake.NOT_A_DOCUMENT]


def test_a_bad_photo_explains_an_empty_reading_by_itself(pages):
    blurred = measure(retake_photo(pages[1], "blurred"))
    assert advise([blurred], DocumentKind.OTHER, "") == [Retake.BLURRED]


def test_a_passport_photo_is_a_face_not_a_page(pages):
    assert advise([measure(retake_photo(pages[0], "blurred"))], DocumentKind.PASSPORT_PHOTO, "") == []


def _png(image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def test_the_pipeline_keeps_its_advice_for_the_document_card(pages):
    result = run_pipeline(_png(retake_photo(pages[3], "too_dark")))
    assert result.retake == ["too_dark"]
    assert result.extracted_fields()["retake"] == ["too_dark"]
    holiday = run_pipeline(_png(retake_photo(pages[0], "not_a_document")))
    assert holiday.retake == ["not_a_document"]
