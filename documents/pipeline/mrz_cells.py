"""The character cells of a cropped MRZ: where its fillers are, by their shape.

A crop holds its characters CHAR_HEIGHT px high. Each cell becomes a small vector; the
"<" glyphs Tesseract reads as K, X or 6 are found again by likeness to the zone's own
fillers, and the lines realigned to them (check digits then judge the rewrite). The
same cells are what ``mrz_glyphs`` reads by the shapes of OCR-B.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

import numpy as np
from PIL import Image

from .mrz_layouts import FILLER_LOOKALIKES
from .mrz_zone import otsu_threshold

CHAR_HEIGHT = 36  # px of an MRZ character in a crop
CELL_SIZE = (12, 18)  # px: each character cell is compared at this size (here and in mrz_glyphs)


def line_bands(ink: np.ndarray) -> list[tuple[int, int]]:
    profile = ink.sum(axis=1)
    on = np.concatenate([[False], profile > 0.2 * profile.max(), [False]])
    edges = np.flatnonzero(np.diff(on.astype(np.int8)))
    return [(int(a), int(b)) for a, b in zip(edges[::2], edges[1::2]) if b - a >= CHAR_HEIGHT * 0.5]


def ink_extent(ink: np.ndarray) -> tuple[int, int]:
    """Widest run of ink columns without a gap of a character height (ignores specks at the margin)."""
    columns = np.flatnonzero(ink.any(axis=0))
    if len(columns) == 0:
        return 0, 0
    breaks = np.flatnonzero(np.diff(columns) > CHAR_HEIGHT * 0.45)
    starts = np.concatenate([[0], breaks + 1])
    ends = np.concatenate([breaks, [len(columns) - 1]])
    widest = int(np.argmax(columns[ends] - columns[starts]))
    return int(columns[starts[widest]]), int(columns[ends[widest]]) + 1


FILLER_SHIFTS = (-0.25, 0.0, 0.25)  # of a pitch; the middle one unshifted
GLYPH_SHIFTS = (-0.5, -0.4, -0.3, -0.2, -0.1, 0.0, 0.1, 0.2, 0.3, 0.4, 0.5)
# A 1% error in pitch is half a cell at a line's far end; each cell's own shift (mrz_glyphs) does the rest.
GLYPH_PITCH_SCALES = (0.99, 1.0, 1.01)


def _cell_vectors(gray: np.ndarray, band: tuple[int, int], x0: float, pitch: float, count: int,
                  shifts: Sequence[float] = FILLER_SHIFTS) -> np.ndarray:
    """Each character cell, at small shifts, as a zero-mean unit vector: (count, len(shifts), 216)."""
    top, bottom = band
    vectors = np.zeros((count, len(shifts), CELL_SIZE[0] * CELL_SIZE[1]), dtype=np.float32)
    for index in range(count):
        for k, shift in enumerate(shifts):
            left = round(x0 + (index - 0.1 + shift) * pitch)
            cell = gray[top:bottom, max(left, 0):max(left + round(pitch), 1)]
            if cell.size == 0:
                continue
            small = np.asarray(Image.fromarray(cell).resize(CELL_SIZE, Image.BILINEAR), dtype=np.float32).ravel()
            small -= small.mean()
            vectors[index, k] = small / (np.linalg.norm(small) + 1e-6)
    return vectors


def cell_grid(patch: Image.Image, line_count: int, length: int, shifts: Sequence[float] = FILLER_SHIFTS,
              pitch_scales: Sequence[float] = (1.0,)) -> list[list[np.ndarray]] | None:
    """The zone's character cells as vectors: per line, one (length, shifts, 216) array per pitch
    scale (see ``_cell_vectors``); None when the crop does not show ``line_count`` lines."""
    gray = np.asarray(patch)
    ink = gray < otsu_threshold(gray)
    bands = line_bands(ink)
    if len(bands) != line_count:
        return None
    # All lines together: a narrow "1" leaves no gap there, the page edge beside the zone does.
    left, right = ink_extent(np.concatenate([ink[top:bottom] for top, bottom in bands]))
    pitch = (right - left) / (length - 0.2)
    if pitch < CHAR_HEIGHT * 0.4:
        return None
    grids = []
    for top, bottom in bands:
        # Each line placed by its own right end (a wide "<" or digit; photos add shear). A line
        # short of the zone's width at both ends is narrower, as the upper line of a page
        # photographed at an angle is; a line short at one end only starts with a narrow glyph.
        columns = left + np.flatnonzero(ink[top:bottom, left:right].any(axis=0))
        if len(columns) == 0:
            return None
        end = int(columns[-1]) + 1
        narrower = 2 * max(0, min(int(columns[0]) - left, right - end))
        line_pitch = (right - left - narrower) / (length - 0.2)
        grids.append([
            _cell_vectors(gray, (top, bottom), end - (length - 0.2) * line_pitch * scale, line_pitch * scale, length, shifts)
            for scale in pitch_scales
        ])
    return grids


def filler_cells(patch: Image.Image, line_count: int, length: int) -> list[list[bool]] | None:
    """Which character cells hold the "<" glyph, by likeness to the zone's own fillers.

    Bootstrapped from the last cells of the names line (fillers unless a name fills it)."""
    grids = cell_grid(patch, line_count, length)
    if grids is None:
        return None
    cells = [line[0] for line in grids]
    names_line = 2 if line_count == 3 else 0
    template = cells[names_line][-3:, 1].mean(axis=0)
    everything = np.concatenate(cells)
    for _ in range(2):
        template /= np.linalg.norm(template) + 1e-6
        likeness = (everything @ template).max(axis=1)
        if (likeness > 0.8).sum() < 3:
            return None
        template = everything[likeness > 0.8, 1].mean(axis=0)
    template /= np.linalg.norm(template) + 1e-6
    return [list((line @ template).max(axis=1) > 0.6) for line in cells]


def align_to_cells(text: str, fillers: Sequence[bool]) -> str:
    """Align an OCR line to the cells (edit distance) and write "<" wherever the cell shows one."""
    n, m = len(fillers), len(text)

    def cost(cell: int, char: str) -> float:
        if (char == "<") == fillers[cell]:
            # K and X are what Tesseract makes of "<": slightly prefer reading them as spurious.
            return 0.3 if char in "KX" else 0.0
        return 0.4 if fillers[cell] and char in FILLER_LOOKALIKES else 1.0

    # OCR drops and doubles "<" in filler runs more than anything else: those edits are cheap.
    def skip_cell(cell: int) -> float:
        return 0.3 if fillers[cell] else 1.0

    def skip_char(char: str) -> float:
        return 0.3 if char == "<" else 0.5 if char in "KX" else 1.0

    table = np.zeros((n + 1, m + 1))
    for i in range(1, n + 1):
        table[i, 0] = table[i - 1, 0] + skip_cell(i - 1)
    for j in range(1, m + 1):
        table[0, j] = table[0, j - 1] + skip_char(text[j - 1])
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            table[i, j] = min(table[i - 1, j - 1] + cost(i - 1, text[j - 1]),
                              table[i - 1, j] + skip_cell(i - 1), table[i, j - 1] + skip_char(text[j - 1]))
    out, i, j = [], n, m
    while i > 0:
        if j > 0 and math.isclose(table[i, j], table[i - 1, j - 1] + cost(i - 1, text[j - 1])):
            out.append("<" if fillers[i - 1] else text[j - 1])
            i, j = i - 1, j - 1
        elif j > 0 and math.isclose(table[i, j], table[i, j - 1] + skip_char(text[j - 1])):
            j -= 1
        else:
            out.append("<")
            i -= 1
    return "".join(reversed(out))


def fix_fillers_by_shape(patch: Image.Image, lines: Sequence[str], length: int) -> list[str]:
    """Rewrite the lines so "<" stands exactly where the glyph is: the names line (names have no
    check digit), and the filler runs of the other lines, where OCR reads "<" as K or 6 and adds
    junk at a line's end (their check digits then judge the rewrite)."""
    fillers = filler_cells(patch, len(lines), length)
    if fillers is None:
        return list(lines)
    names_line = 2 if len(lines) == 3 else 0
    return [_fix_names_line(line, cells, len(lines)) if index == names_line else _fix_filler_run(line, cells)
            for index, (line, cells) in enumerate(zip(lines, fillers))]


def _fix_names_line(line: str, fillers: Sequence[bool], line_count: int) -> str:
    if line_count == 3:
        fixed = align_to_cells(line, fillers)
    elif len(line) > 5:  # document code and issuing state stay as read
        fixed = line[:5] + align_to_cells(line[5:], fillers[5:])
    else:
        return line
    # Only K, X, S ... may turn into fillers; losing an A or M means the cells were misjudged (blur).
    if _firm(fixed, FILLER_LOOKALIKES) != _firm(line, FILLER_LOOKALIKES):
        return line
    # Three fillers then a letter never occur in names: the K of "<<KAREEM" looked like a "<".
    if _NAME_AFTER_FILLER_RUN.search(fixed) and not _NAME_AFTER_FILLER_RUN.search(line):
        return line
    # Nor does a name of one letter, split off a longer one: a K's arms look like "<" ("T<ACHEN<O").
    names_start = 0 if line_count == 3 else 5
    if _one_letter_names(fixed[names_start:]) > _one_letter_names(line[names_start:]):
        return line
    # Nor may the "<<" the OCR read between surname and given names go: Tesseract does not make
    # "<<" of letters; cells misjudged in a dim photo move it ("ERIKSSON<<ANNAS" to "ERIKSSONANNASM<").
    if _separators(fixed[names_start:]) < _separators(line[names_start:]):
        return line
    return fixed


def _fix_filler_run(line: str, fillers: Sequence[bool]) -> str:
    fixed = align_to_cells(line, fillers)
    lost = Counter(_firm(line, NUMBER_LINE_LOOKALIKES)) - Counter(_firm(fixed, NUMBER_LINE_LOOKALIKES))
    # A digit or letter may only go as a surplus character (junk past the line's end), never become "<".
    return fixed if sum(lost.values()) <= max(0, len(line) - len(fixed)) else line


_NAME_AFTER_FILLER_RUN = re.compile(r"<{3,}[A-Z]")


def _one_letter_names(names: str) -> int:
    return sum(len(token) == 1 for token in names.split("<"))


def _separators(names: str) -> int:
    """"<<" between two names: not in the fillers ending the field, which OCR reads with K, X ... among them."""
    return sum(len(name) >= 2 and not set(name) <= FILLER_LOOKALIKES
               for name in re.findall(r"(?<=[A-Z])<{2,3}([A-Z]+)", names))


# Small photos also turn "<" into 6 where digits may stand; the cells' shape tells them apart.
NUMBER_LINE_LOOKALIKES = FILLER_LOOKALIKES | {"6"}


def _firm(line: str, lookalikes: set[str]) -> list[str]:
    """The characters no misjudged cell may turn into a filler."""
    return sorted(char for char in line if char != "<" and char not in lookalikes)
