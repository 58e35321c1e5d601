"""Read MRZ characters by their shape.

ICAO Doc 9303 prints every MRZ in OCR-B, so each character cell of a zone can be
compared with the font's own glyphs. On small photos Tesseract misreads the zone
in ways no position rule repairs (a 3 read as S in a document number, fillers read
as 6); the shapes give one more reading, and the check digits judge it like the
others. The glyphs come from Debian's fonts-ocr-b (installed by ``make``).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from .mrz_parse import FILLER, Layout

OCRB_FONT = Path(os.environ.get("NAREIS_OCRB_FONT", "/usr/share/fonts/opentype/ocr-b/OCRB.otf"))
CELL_SIZE = (12, 18)  # the cell vectors of mrz._cell_vectors
DIGITS = "0123456789"
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# What each kind of field may hold (mrz_parse.Field.kind); a check digit may be "<" for empty data.
ALLOWED = {
    "alpha": LETTERS + FILLER, "code": LETTERS + FILLER, "names": LETTERS + FILLER, "sex": "MFX" + FILLER,
    "digits": DIGITS, "alnum": LETTERS + DIGITS + FILLER, "optional": LETTERS + DIGITS + FILLER,
}
CHECK = DIGITS + FILLER


@lru_cache(maxsize=1)
def glyphs() -> dict[str, np.ndarray] | None:
    """Each MRZ character as a cell vector: its advance box from cap height to baseline; None without the font."""
    if not OCRB_FONT.exists():
        return None
    font = ImageFont.truetype(str(OCRB_FONT), 96)
    cap_height = -font.getbbox("H", anchor="ls")[1]
    advance = round(font.getlength("0"))
    vectors = {}
    for char in LETTERS + DIGITS + FILLER:
        cell = Image.new("L", (advance, cap_height), 255)
        ImageDraw.Draw(cell).text((0, cap_height), char, font=font, fill=0, anchor="ls")
        small = np.asarray(cell.resize(CELL_SIZE, Image.BILINEAR), dtype=np.float32).ravel()
        small -= small.mean()
        vectors[char] = small / (np.linalg.norm(small) + 1e-6)
    return vectors


def allowed_per_position(layout: Layout) -> list[list[str]]:
    """The characters each position of each line may hold."""
    allowed = [[LETTERS + DIGITS + FILLER] * layout.line_length for _ in range(layout.line_count)]
    for field in layout.fields:
        for index in range(field.start, field.end):
            allowed[field.line][index] = ALLOWED[field.kind]
        if field.check is not None:
            allowed[field.line][field.check] = CHECK
    line, index = layout.composite_at
    allowed[line][index] = DIGITS
    return allowed


def read_cells(cells: Sequence[np.ndarray], layout: Layout) -> list[str] | None:
    """The lines the cells show: per cell, the allowed glyph it is most like (``cells``: one
    (length, shifts, 216) array per line). None without the font or for a grid of another layout."""
    shapes = glyphs()
    if shapes is None or len(cells) != layout.line_count or any(len(line) != layout.line_length for line in cells):
        return None
    lines = []
    for line_cells, allowed_line in zip(cells, allowed_per_position(layout)):
        chars = []
        for cell, allowed in zip(line_cells, allowed_line):
            likeness = {char: float((cell @ shapes[char]).max()) for char in allowed}
            chars.append(max(likeness, key=likeness.get))
        lines.append("".join(chars))
    return lines
