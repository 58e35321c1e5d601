"""Held-out photo conditions (bench/held_out_photos.py, issue 13) and the rules that read through them: each
rule tested on a rendered zone."""

from __future__ import annotations

from PIL import ImageDraw

from documents.pipeline.mrz import read_mrz
from tests.documents.pipeline.ocrb import zone_page

TD3 = ("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10")


def test_a_thumb_touching_the_first_characters_of_a_zone_leaves_their_strokes_to_read():
    page = zone_page(TD3).convert("RGB")
    # A thumb (skin, darker than the paper) lying over the page above the zone, its edge on the first letters.
    ImageDraw.Draw(page).ellipse((20, 250, 260, 337), fill=(150, 100, 70))
    result = read_mrz(page)
    assert result is not None and result.valid
    assert result.lines == TD3

