"""A passport's data page, found from its machine-readable zone: where the page lies in the photo, so that
only it is read. Pure geometry (ICAO Doc 9303 TD3 sizes), no OCR.
"""

from __future__ import annotations

import numpy as np

from .orientation import Outline

# A passport's data page (ICAO TD3: 125 x 88 mm) above its zone (two lines 112 mm long, the first ~16 mm above
# the page's foot): 72 mm, 0.65 of the zone's length; a little more for the zone's length read short.
DATA_PAGE_HEIGHT = 0.7
DATA_PAGE_SIDES = 0.1  # beyond the zone's ends: the page is 125 mm wide
WORTH_CUTTING = 0.8  # a data page covering more of the photo than this is read whole


def data_page_box(zone: Outline, rotation: int, size: tuple[int, int]) -> tuple[int, int, int, int] | None:
    """The box (original pixels) holding a passport's data page, from the outline of its zone (``zone``: the
    first line's two ends, then the last line's, as ``mrz.ZoneReading.page_outline`` gives them) and the
    counter-clockwise quarter turns that make the page upright. What lies beyond it (the booklet's facing
    page, often upside down in the photo and read as junk, a table, a letter the passport was copied onto)
    holds nothing about the holder the zone does not. None where the box would hold nearly the whole photo."""
    corners = np.asarray(zone, dtype=float)
    along, across = corners[1] - corners[0], corners[3] - corners[0]
    length = float(np.hypot(*along))
    if length == 0 or float(np.hypot(*across)) == 0:
        return None
    turn = np.radians(rotation)
    up = np.array([np.sin(turn), -np.cos(turn)])  # the upright page's top, seen in the photo
    towards_top = across / np.hypot(*across) * (1 if float(np.dot(across, up)) > 0 else -1)
    sideways = along / length * DATA_PAGE_SIDES * length
    top_edge = corners[[2, 3]] if float(np.dot(across, up)) > 0 else corners[[0, 1]]
    foot_edge = corners[[0, 1]] if float(np.dot(across, up)) > 0 else corners[[2, 3]]
    reach = towards_top * DATA_PAGE_HEIGHT * length
    points = np.concatenate([top_edge + reach, foot_edge - towards_top * 0.05 * length])
    points = np.concatenate([points + sideways, points - sideways])
    left, top = np.clip(points.min(axis=0), 0, None)
    right, bottom = np.minimum(points.max(axis=0), size)
    if (right - left) * (bottom - top) > WORTH_CUTTING * size[0] * size[1]:
        return None
    return int(left), int(top), int(np.ceil(right)), int(np.ceil(bottom))
