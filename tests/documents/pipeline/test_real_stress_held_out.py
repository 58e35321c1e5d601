"""Held-out photo conditions (bench/held_out_photos.py, issue 13) and the rules that read through them: each
rule tested on a rendered zone."""

from __future__ import annotations

import numpy as np
from PIL import ImageDraw

from bench.held_out_photos import glare_streak
from documents.pipeline import lighting, mrz_zone
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


def _glared(page):
    return glare_streak(page.convert("RGB"))


def test_a_glare_streak_across_a_zone_leaves_its_lines_whole_to_the_search():
    page = zone_page(TD3)
    full = max(blob.length for blob in mrz_zone.find_zones(page)[0].lines)
    zones = mrz_zone.find_zones(_glared(page))
    assert zones
    assert min(blob.length for blob in zones[0].lines) > 0.9 * full


def test_print_a_glare_washes_out_is_stretched_back_between_its_ink_and_paper():
    gray = np.asarray(_glared(zone_page(TD3)).convert("L"))
    band = gray[320:420, 80:1030]
    stretched = lighting.without_glare(np.ascontiguousarray(band), 90)
    assert stretched is not None
    # Across the zone, column by column, the ink is as dark against its paper where the glare crosses as elsewhere.
    darkness = [int(np.ptp(stretched[:, x:x + 40])) for x in range(0, band.shape[1] - 40, 40)]
    assert min(darkness) > 0.6 * max(darkness)
    assert lighting.without_glare(np.asarray(zone_page(TD3))[320:420, 80:1030].copy(), 90) is None


def test_a_zone_a_glare_streak_crosses_is_read():
    result = read_mrz(_glared(zone_page(TD3)))
    assert result is not None and result.valid
    # The streak crosses the number line's dates and the names line's fillers. (The names' K, far from it, is the
    # shapes' old trouble: they may take its arms for a filler.)
    assert result.lines[1] == TD3[1]
    assert result.lines[0].endswith("<<ANNA<MARIA" + "<" * 19)
