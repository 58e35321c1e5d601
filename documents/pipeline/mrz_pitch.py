"""How many characters a cropped zone's lines hold, by their pitch: a TD1 card's lines hold 30, a TD2's 36, a
passport's 44. Told without OCR, it says a zone of two lines of 30 is a card's zone with a line lost (the search
joined it to the card's edge or to the print above it), which no reading of two lines can make valid.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

from .mrz_cells import CHAR_HEIGHT, ink_extent, line_bands
from .mrz_zone import otsu_threshold

# An OCR-B character's advance is 0.8 to 1.1 of its height in a crop (blur thickens the strokes): the pitch is
# sought between these shares of CHAR_HEIGHT, which keep out its half and its double.
PITCH_RANGE = (0.6, 1.4)
MIN_REGULARITY = 0.3  # the lines' ink alike to itself one pitch further, at least (MRZ lines: 0.4 to 0.8)
# Lines this many characters long are a TD1 card's (30), not a TD2's (36) or a passport's (44).
TD1_CHARACTERS = (26.5, 33.0)


def characters_per_line(crop: Image.Image) -> float | None:
    """The characters each line of a zone's crop (``mrz.crop_zone``: CHAR_HEIGHT px characters) holds, the lines'
    common ink width over their pitch; None where the crop shows no lines at a fixed pitch."""
    gray = np.asarray(crop.convert("L"))
    ink = gray < otsu_threshold(gray)
    bands = line_bands(ink)
    if not bands:
        return None
    left, right = ink_extent(np.concatenate([ink[top:bottom] for top, bottom in bands]))
    shifts = np.arange(round(PITCH_RANGE[0] * CHAR_HEIGHT), round(PITCH_RANGE[1] * CHAR_HEIGHT))
    if right - left <= 2 * shifts[-1]:
        return None
    likeness = np.zeros(len(shifts))
    for top, bottom in bands:
        profile = ink[top:bottom, left:right].sum(axis=0).astype(np.float64)
        profile -= profile.mean()
        energy = float(profile @ profile) or 1.0
        likeness += [float(profile[:-shift] @ profile[shift:]) / energy for shift in shifts]
    likeness /= len(bands)
    best = int(np.argmax(likeness))
    if likeness[best] < MIN_REGULARITY:
        return None
    return (right - left) / float(shifts[best])


def holds_td1_lines(crop: Image.Image) -> bool:
    count = characters_per_line(crop)
    return count is not None and TD1_CHARACTERS[0] <= count <= TD1_CHARACTERS[1]
