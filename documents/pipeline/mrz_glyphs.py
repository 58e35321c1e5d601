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
SHARP_ENOUGH = 18  # px: characters at least this high lose nothing at CELL_SIZE
DIGITS = "0123456789"
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# What each kind of field may hold (mrz_parse.Field.kind); a check digit may be "<" for empty data.
ALLOWED = {
    "alpha": LETTERS + FILLER, "code": LETTERS + FILLER, "names": LETTERS + FILLER, "sex": "MFX" + FILLER,
    "digits": DIGITS, "alnum": LETTERS + DIGITS + FILLER, "optional": LETTERS + DIGITS + FILLER,
}
CHECK = DIGITS + FILLER


@lru_cache(maxsize=32)
def glyphs(char_height: int = 0) -> dict[str, np.ndarray] | None:
    """Each MRZ character as a cell vector: its advance box from cap height to baseline; None without
    the font. ``char_height``: the characters' height in the photo, when small: the glyphs are then
    blurred the way such a photo and its enlargement blur the zone, so like is compared with like."""
    if not OCRB_FONT.exists():
        return None
    font = ImageFont.truetype(str(OCRB_FONT), 96)
    cap_height = -font.getbbox("H", anchor="ls")[1]
    advance = round(font.getlength("0"))
    vectors = {}
    for char in LETTERS + DIGITS + FILLER:
        cell = Image.new("L", (advance, cap_height), 255)
        ImageDraw.Draw(cell).text((0, cap_height), char, font=font, fill=0, anchor="ls")
        if 0 < char_height < SHARP_ENOUGH:
            small = cell.resize((max(1, round(advance * char_height / cap_height)), char_height), Image.LANCZOS)
            cell = small.resize(cell.size, Image.BICUBIC)
        vector = np.asarray(cell.resize(CELL_SIZE, Image.BILINEAR), dtype=np.float32).ravel()
        vector -= vector.mean()
        vectors[char] = vector / (np.linalg.norm(vector) + 1e-6)
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


def read_cells(grids: Sequence[Sequence[np.ndarray]], layout: Layout, char_height: float = 0) -> list[str] | None:
    """The lines the cells show: per cell, the allowed glyph it is most like. ``grids``: per line, the
    cells as placed by one or more pitches, each a (length, shifts, 216) array; the placement and
    shift the line's glyphs fit best are used. ``char_height``: see ``glyphs``. None without the font
    or for a grid of another layout."""
    shapes = glyphs(min(round(char_height), SHARP_ENOUGH))
    if shapes is None or len(grids) != layout.line_count:
        return None
    alphabet = list(shapes)
    templates = np.stack([shapes[char] for char in alphabet])
    lines = []
    for placements, allowed_line in zip(grids, allowed_per_position(layout)):
        if any(len(cells) != layout.line_length for cells in placements):
            return None
        disallowed = np.array([[char not in allowed for char in alphabet] for allowed in allowed_line])
        best_fit, best_line = -np.inf, ""
        for cells in placements:
            for shift in range(cells.shape[1]):
                likeness = np.where(disallowed, -np.inf, cells[:, shift] @ templates.T)  # (length, alphabet)
                fit = float(likeness.max(axis=1).sum())
                if fit > best_fit:
                    best_fit, best_line = fit, "".join(alphabet[index] for index in likeness.argmax(axis=1))
        lines.append(best_line)
    return lines
