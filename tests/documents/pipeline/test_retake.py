"""Retake advice (issue 12): each fault of a phone photo is named, and a good photo is left alone."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from bench.photo_faults import FAULTS, RETAKE_FAULTS, photograph, retake_photo
from documents.pipeline import run_pipeline
from documents.pipeline.loading import load_pages
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


# Real scans (issue 12, part 1): a small scan that fills the frame, white around a scanned card.

def _scan(path: str, width: int, shade: float = 1.0, margin: int = 0) -> Image.Image:
    """The page flat and straight as a scanner gives it, ``width`` px wide, its paper dimmed to ``shade``,
    on the scanner's white lid ``margin`` px wide all round (the lid runs off the image's edges)."""
    page = _paper_only(load_pages(path)[0].convert("RGB"))
    page = page.resize((width, round(page.height * width / page.width)), Image.LANCZOS)
    page = page.point(lambda value: round(value * shade))
    scan = Image.new("RGB", (page.width + 2 * margin, page.height + 2 * margin), (255, 255, 255))
    scan.paste(page, (margin, margin))
    return scan


def _paper_only(page: Image.Image) -> Image.Image:
    """The page cut out of a photo of it on a table (a scanner sees no table), a little inside its edges."""
    gray = np.asarray(page.convert("L"), dtype=np.float32)
    paper = gray > 0.8 * np.percentile(gray, 95)
    rows, columns = np.flatnonzero(paper.mean(axis=1) > 0.5), np.flatnonzero(paper.mean(axis=0) > 0.5)
    top, bottom, left, right = rows[0], rows[-1], columns[0], columns[-1]
    inset_y, inset_x = round(0.05 * (bottom - top)), round(0.05 * (right - left))
    return page.crop((left + inset_x, top + inset_y, right - inset_x, bottom - inset_y))


def test_a_small_scan_that_fills_the_frame_is_not_too_small_but_a_small_page_on_a_table_is(pages):
    for path in pages:
        assert Retake.TOO_SMALL not in judge(measure(_scan(path, 450))), path
        assert Retake.TOO_SMALL in judge(measure(retake_photo(path, "too_small"))), path


def test_a_small_scan_read_to_nothing_is_too_small(pages):
    scan = measure(_scan(pages[1], 300))
    assert advise([scan], DocumentKind.OTHER, "") == [Retake.TOO_SMALL]


def test_a_machine_readable_zone_read_right_means_the_photo_was_readable(pages):
    """A visa is `other` and has little text besides its zone: read right, it needs no new photo."""
    scan = measure(_scan(pages[0], 450))
    assert advise([scan], DocumentKind.OTHER, "", mrz_valid=True) == []


def test_the_white_lid_around_a_scanned_card_is_not_glare_but_a_reflection_on_it_is(pages):
    card = _scan(pages[0], 560, shade=0.75, margin=30)  # grey card surface, white lid touching every edge
    assert judge(measure(card)) == []
    assert Retake.GLARE in judge(measure(_with_reflection(card)))


def _with_reflection(photo: Image.Image) -> Image.Image:
    """A lamp's reflection burning out a patch in the middle of the card."""
    pixels = np.asarray(photo, dtype=np.float32)
    rows, columns = np.mgrid[0:photo.height, 0:photo.width].astype(np.float32)
    radius = 0.15 * min(photo.size)
    spot = np.exp(-(((columns - 0.5 * photo.width) ** 2 + (rows - 0.5 * photo.height) ** 2) / (2 * radius ** 2)))
    return Image.fromarray((pixels + 400 * spot[:, :, None]).clip(0, 255).astype(np.uint8))
