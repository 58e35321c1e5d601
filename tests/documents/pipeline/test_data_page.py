"""A passport whose zone reads valid: only its data page is read (``mrz_page.data_page_box``)."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageDraw, ImageFont

from documents.pipeline import mrz_page, run_pipeline
from documents.pipeline.loading import load_pages
from documents.pipeline.types import DocumentKind as K

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FACING_WORDS = ["Observations", "Endorsements", "Remarques", "Opmerkingen", "Vermerke"]


def _zone_outline(left, top, right, bottom):
    """First line's two ends, then the last line's (``mrz.ZoneReading.page_outline``)."""
    return ((left, top), (right, top), (right, bottom), (left, bottom))


@pytest.mark.parametrize("rotation", [0, 180])
def test_data_page_box_lies_above_the_zone_the_way_up_the_page_is(rotation):
    size = (1000, 1400)
    if rotation == 0:  # upright: the zone near the foot of the data page, the facing page above it
        box = mrz_page.data_page_box(_zone_outline(100, 1200, 900, 1260), 0, size)
        assert box is not None and 600 <= box[1] <= 700 and box[3] >= 1260 and box[0] <= 100 and box[2] >= 900
    else:  # upside down: the zone's lines at the photo's top, the data page below them
        box = mrz_page.data_page_box(_zone_outline(900, 200, 100, 140), 180, size)
        assert box is not None and box[1] <= 140 and 700 <= box[3] <= 800


def test_data_page_box_of_a_zone_turned_a_quarter():
    # Page turned a quarter clockwise in the photo (upright after 90 degrees counter-clockwise): its top is at
    # the photo's right, the zone's lines run down along the photo's left.
    box = mrz_page.data_page_box(((200, 100), (200, 900), (140, 900), (140, 100)), 90, (1400, 1000))
    assert box is not None and box[0] <= 140 and 700 <= box[2] <= 800


def test_no_box_where_the_data_page_fills_the_photo():
    assert mrz_page.data_page_box(_zone_outline(20, 520, 780, 580), 0, (800, 600)) is None


def _booklet(corpus_dir) -> bytes:
    """A corpus passport's data page with the booklet's facing page above it, printed in other words down to
    a margin above the fold."""
    data_page = load_pages(corpus_dir / "003_passport.jpg")[0].convert("RGB")
    facing = Image.new("RGB", (data_page.width, data_page.height), "white")
    draw = ImageDraw.Draw(facing)
    font = ImageFont.truetype(FONT, 28)
    for index in range(10):
        words = " / ".join(FACING_WORDS[(index + shift) % len(FACING_WORDS)] for shift in range(3))
        draw.text((60, 60 + index * 60), words, font=font, fill=(30, 30, 30))
    booklet = Image.new("RGB", (data_page.width, 2 * data_page.height), "white")
    booklet.paste(facing, (0, 0))
    booklet.paste(data_page, (0, data_page.height))
    buffer = io.BytesIO()
    booklet.save(buffer, "PNG")
    return buffer.getvalue()


def test_facing_page_of_a_passport_booklet_is_not_read(corpus_dir):
    result = run_pipeline(_booklet(corpus_dir))
    assert result.kind is K.PASSPORT and result.mrz is not None and result.mrz.valid
    assert not any(word.lower() in result.text.lower() for word in FACING_WORDS), result.text
    assert "OSMAN" in result.text  # the data page's own print is read
