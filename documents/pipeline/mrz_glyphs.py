"""Read MRZ characters by their shape.

ICAO Doc 9303 prints every MRZ in OCR-B, so each character cell of a zone can be
compared with the font's own glyphs. On small photos Tesseract misreads the zone
in ways no position rule repairs (a 3 read as S in a document number, fillers read
as 6, letters added to names). Reading by shape:

1. each cell is compared with every glyph its position allows, at the shift along
   the line that suits it and its neighbours (``cell_likeness``);
2. the layout then has its say (``decode``): countries are real countries, and a
   checked field is read as the likeliest characters its check digit agrees with,
   unless the cells plainly show otherwise.

The glyphs come from Debian's fonts-ocr-b (installed by ``make``).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from .mrz_countries import COUNTRY_CODES
from .mrz_cells import CELL_SIZE
from .mrz_layouts import FILLER, Layout
from .mrz_parse import CHECK_WEIGHTS, _composite_data, char_value, check_digit, checks
from .types import MrzDoubt

OCRB_FONT = Path(os.environ.get("NAREIS_OCRB_FONT", "/usr/share/fonts/opentype/ocr-b/OCRB.otf"))
SHARP_ENOUGH = 18  # px: characters at least this high lose nothing at CELL_SIZE
DIGITS = "0123456789"
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# What each kind of field may hold (mrz_parse.Field.kind); a check digit may be "<" for empty data.
ALLOWED = {
    "alpha": LETTERS + FILLER, "code": LETTERS + FILLER, "names": LETTERS + FILLER, "sex": "MFX" + FILLER,
    "digits": DIGITS, "alnum": LETTERS + DIGITS + FILLER, "optional": LETTERS + DIGITS + FILLER,
}
CHECK = DIGITS + FILLER


@lru_cache(maxsize=64)
def glyphs(char_height: int = 0, focus_blur: float = 0.0) -> dict[str, np.ndarray] | None:
    """Each MRZ character as a cell vector: its advance box from cap height to baseline; None without
    the font. ``char_height``: the characters' height in the photo, when small: the glyphs are then
    blurred the way such a photo and its enlargement blur the zone, so like is compared with like;
    ``focus_blur``: and blurred this many photo pixels more, as a photo slightly out of focus is."""
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
            if focus_blur:
                small = _blurred(small, focus_blur)
            cell = small.resize(cell.size, Image.BICUBIC)
        vector = np.asarray(cell.resize(CELL_SIZE, Image.BILINEAR), dtype=np.float32).ravel()
        vector -= vector.mean()
        vectors[char] = vector / (np.linalg.norm(vector) + 1e-6)
    return vectors


def _blurred(cell: Image.Image, radius: float) -> Image.Image:
    """``cell`` blurred as if with its neighbours' paper around it (not the black of PIL's edges)."""
    margin = 3
    padded = Image.new("L", (cell.width + 2 * margin, cell.height + 2 * margin), 255)
    padded.paste(cell, (margin, margin))
    return padded.filter(ImageFilter.GaussianBlur(radius)).crop((margin, margin, margin + cell.width, margin + cell.height))


def allowed_per_position(layout: Layout) -> list[list[str]]:
    """The characters each position of each line may hold."""
    allowed = [[LETTERS + DIGITS + FILLER] * layout.line_length for _ in range(layout.line_count)]
    for field in layout.fields:
        for index in range(field.start, field.end):
            allowed[field.line][index] = ALLOWED[field.kind]
        if field.check is not None:
            allowed[field.line][field.check] = CHECK
    if layout.composite_at is not None:
        line, index = layout.composite_at
        allowed[line][index] = DIGITS
    return allowed


def glyph_alphabet() -> list[str]:
    return list(LETTERS + DIGITS + FILLER)


SHIFT_COST = 0.03  # likeness a cell gives up per shift step it stands apart from its neighbour


def read_cells(grids: Sequence[Sequence[np.ndarray]], layout: Layout, char_height: float = 0) -> list[str] | None:
    """The lines the cells show: per cell, the allowed glyph it is most like. ``grids``: per line, the
    cells as placed by one or more pitches, each a (length, shifts, 216) array with evenly spaced
    shifts. ``char_height``: see ``glyphs``. None without the font or for a grid of another layout."""
    read = read_cells_and_guesses(grids, layout, char_height)
    return read[0] if read is not None else None


def read_cells_and_guesses(grids: Sequence[Sequence[np.ndarray]], layout: Layout,
                           char_height: float = 0) -> tuple[list[str], MrzDoubt | None] | None:
    """``read_cells``, and where it guessed (see ``guessed``)."""
    likeness = cell_likeness(grids, layout, char_height)
    if likeness is None:
        return None
    lines = decode(likeness, layout)
    return lines, guessed(likeness, lines, layout)


# Likeness by which a name's letter must beat every other letter: closer, a blurred M and H, E and F are a toss-up.
# (Letters read right out of focus or at 8-12 px beat the next by 0.016 and more; those read wrong by 0.003-0.01.)
NAME_LETTER_MARGIN = 0.012


def guessed(likeness: Sequence[np.ndarray], lines: Sequence[str], layout: Layout) -> MrzDoubt | None:
    """Where the shapes guessed what no check digit confirms: a letter of the names barely likelier than another
    (NAMES_DIFFER). (Not a checked field made to agree with its check digit by two changes: zones read right need
    as many, blurred or small.)"""
    alphabet = glyph_alphabet()
    adjusted = _with_priors(likeness, layout)
    letters = np.array([char in LETTERS for char in alphabet])
    if layout.has("names"):
        field = layout.field("names")
        row = adjusted[field.line]
        for index in range(field.start, field.end):
            char = lines[field.line][index]
            if char not in LETTERS:
                continue
            chosen = alphabet.index(char)
            others = np.where(letters & (np.arange(len(alphabet)) != chosen), row[index], -np.inf)
            if row[index][chosen] - others.max() < NAME_LETTER_MARGIN:
                return MrzDoubt.NAMES_DIFFER
    return None


def cell_likeness(grids: Sequence[Sequence[np.ndarray]], layout: Layout, char_height: float = 0) -> list[np.ndarray] | None:
    """Per line, a (length, alphabet) array: how like each allowed glyph each cell is (-inf where the
    layout forbids the glyph). Each cell is taken at its own shift: a photo's perspective and its
    resampling move characters by a fraction of a pitch, differently along a line, so the shifts
    are chosen together (Viterbi), a neighbour's shift costing little, a jump more."""
    if len(grids) != layout.line_count or any(len(cells) != layout.line_length for line in grids for cells in line):
        return None
    height = min(round(char_height), SHARP_ENOUGH)
    best_fit, best_lines = -np.inf, None
    # A small photo may also be out of focus: the glyphs blurred as much as the zone fit it best.
    for focus_blur in FOCUS_BLURS if height < SHARP_ENOUGH else (0.0,):
        shapes = glyphs(height, focus_blur)
        if shapes is None:
            return None
        fit, lines = _likeness_to(np.stack([shapes[char] for char in glyph_alphabet()]), grids, layout)
        if fit > best_fit:
            best_fit, best_lines = fit, lines
    return best_lines


# Photo pixels. A phone focused behind the document blurs it 1.5 px and more; compared with glyphs blurred less, a
# blurred 0 looks like a D and a 3 like an S. The zone picks the blur it fits best, so a sharp one loses nothing.
FOCUS_BLURS = (0.0, 0.6, 1.0, 1.4, 1.8)


def _likeness_to(templates: np.ndarray, grids: Sequence[Sequence[np.ndarray]], layout: Layout) -> tuple[float, list[np.ndarray]]:
    """How well the zone fits ``templates`` in all, and per line the likeness of each cell to each."""
    total, lines = 0.0, []
    for placements, disallowed in zip(grids, _disallowed(layout)):
        best_fit, best_likeness = -np.inf, None
        for cells in placements:
            likeness = np.where(disallowed[:, None, :], -np.inf, cells @ templates.T)  # (length, shifts, alphabet)
            path, fit = _elastic_path(likeness.max(axis=2))
            if fit > best_fit:
                best_fit, best_likeness = fit, likeness[np.arange(len(path)), path]
        total += best_fit
        lines.append(best_likeness)
    return total, lines


@lru_cache(maxsize=4)
def _disallowed(layout: Layout) -> list[np.ndarray]:
    """Per line, a (length, alphabet) mask of the glyphs each position may not hold."""
    alphabet = glyph_alphabet()
    return [np.array([[char not in allowed for char in alphabet] for allowed in line])
            for line in allowed_per_position(layout)]


def _elastic_path(fit: np.ndarray) -> tuple[np.ndarray, float]:
    """The shift per cell that maximises the cells' fit less SHIFT_COST per step between neighbours."""
    length, shifts = fit.shape
    steps = np.abs(np.arange(shifts)[:, None] - np.arange(shifts)[None, :]) * SHIFT_COST
    total = fit[0].copy()
    back = np.zeros((length, shifts), dtype=np.int64)
    for index in range(1, length):
        options = total[None, :] - steps  # (to, from)
        back[index] = options.argmax(axis=1)
        total = fit[index] + options.max(axis=1)
    path = np.zeros(length, dtype=np.int64)
    path[-1] = int(total.argmax())
    for index in range(length - 1, 0, -1):
        path[index - 1] = back[index, path[index]]
    return path, float(total.max())


# ---------------------------------------------------------------- what the layout knows

COUNTRY_FIELDS = ("issuing_country", "nationality")
SAME_COUNTRY_BONUS = 0.1
LETTER_O_DOUBT = 0.1
FILLER_PRIOR = 0.03
MAX_CHECK_REPAIR = 0.25  # likeness a field may give up to agree with its check digit
MAX_CHECK_CHANGES = 2  # characters it may change for that: more is a chance agreement


def decode(likeness: Sequence[np.ndarray], layout: Layout) -> list[str]:
    """The lines most like the cells, with what the layout knows: a country field holds a
    country's code, and a checked field agrees with its check digit unless that costs too much
    likeness (then the field stays as it looks, and the check digit fails it)."""
    alphabet = glyph_alphabet()
    likeness = _with_priors(likeness, layout)
    lines = [[alphabet[index] for index in line.argmax(axis=1)] for line in likeness]
    countries = [layout.field(name) for name in COUNTRY_FIELDS]
    for field, code in zip(countries, _likeliest_countries([likeness[f.line][f.start:f.end] for f in countries])):
        lines[field.line][field.start:field.end] = code
    for field in layout.fields:
        if field.check is not None:
            row = likeness[field.line]
            repaired = _likeliest_checked(row[field.start:field.end], row[field.check])
            if repaired is not None:
                value, check = repaired
                lines[field.line][field.start:field.end] = value
                lines[field.line][field.check] = check
    return _with_agreeing_composite(["".join(line) for line in lines], likeness, layout)


def _with_agreeing_composite(lines: list[str], likeness: Sequence[np.ndarray], layout: Layout) -> list[str]:
    """``lines`` with the composite check digit the fields give, where every other check holds and the composite's
    cell looks almost as like that digit as the one it looks most like (a blurred 8 and 6), as a field's own check
    digit is read (``_likeliest_checked``)."""
    if layout.composite_at is None:
        return lines
    results = checks(lines, layout)
    if results[-1] or not all(results[:-1]):
        return lines
    line, index = layout.composite_at
    digit = check_digit(_composite_data(lines, layout))
    cell = likeness[line][index]
    if cell.max() - cell[glyph_alphabet().index(digit)] > MAX_CHECK_REPAIR:
        return lines
    lines = list(lines)
    lines[line] = lines[line][:index] + digit + lines[line][index + 1:]
    return lines


def _with_priors(likeness: Sequence[np.ndarray], layout: Layout) -> list[np.ndarray]:
    """Near ties settled as documents usually are: no letter O in a document number (many states
    leave it out for its likeness to 0), and fillers after names and in optional data, which is
    mostly empty (a blurred "<" looks much like an H)."""
    alphabet = glyph_alphabet()
    adjusted = [line.copy() for line in likeness]
    for field in layout.fields:
        cells = adjusted[field.line][field.start:field.end]
        if field.kind == "alnum":
            for letter in "OQ":
                cells[:, alphabet.index(letter)] -= LETTER_O_DOUBT
        elif field.kind in ("names", "optional"):
            cells[:, alphabet.index(FILLER)] += FILLER_PRIOR
    return adjusted


def _likeliest_countries(fields: Sequence[np.ndarray]) -> tuple[str, str]:
    """The issuing state and nationality most like their cells, as real codes; the same code in
    both counts for SAME_COUNTRY_BONUS (the usual case, as a refugee's travel document is not)."""
    codes = _country_codes()
    index = {char: position for position, char in enumerate(glyph_alphabet())}
    columns = np.array([[index[char] for char in code] for code in codes])  # (codes, 3)
    issuing, nationality = (cells[np.arange(3), columns].sum(axis=1) for cells in fields)
    pair = issuing[:, None] + nationality[None, :] + SAME_COUNTRY_BONUS * np.eye(len(codes))
    first, second = np.unravel_index(int(pair.argmax()), pair.shape)
    return codes[first], codes[second]


@lru_cache(maxsize=1)
def _country_codes() -> tuple[str, ...]:
    return tuple(sorted(code.ljust(3, FILLER) for code in COUNTRY_CODES))


def _likeliest_checked(cells: np.ndarray, check_cell: np.ndarray) -> tuple[list[str], str] | None:
    """The likeliest field and check digit that agree (ICAO 9303 CHECK_WEIGHTS, modulo 10) with
    at most MAX_CHECK_CHANGES characters other than the likeliest of their cells; None if agreeing
    costs more than MAX_CHECK_REPAIR. Found position by position over the ten running remainders
    and the changes made so far: a field of near ties (blurred fillers) could otherwise be made to
    agree with any check digit."""
    alphabet = glyph_alphabet()
    values = np.array([char_value(char) for char in alphabet])
    changes = np.arange(MAX_CHECK_CHANGES + 1)
    best = np.full((10, len(changes)), -np.inf)  # [remainder, changes so far]
    best[0, 0] = 0.0
    back = []
    for position, row in enumerate(cells):
        contribution = values * CHECK_WEIGHTS[position % 3] % 10
        changed = (np.arange(len(alphabet)) != row.argmax()).astype(np.int64)
        # totals[r, c, a]: reaching remainder r with c changes by glyph a, after the best such prefix
        before_r = (np.arange(10)[:, None] - contribution[None, :]) % 10  # (10, alphabet)
        before_c = changes[:, None] - changed[None, :]  # (changes, alphabet)
        totals = np.where(before_c[None] >= 0, best[before_r[:, None, :], np.clip(before_c, 0, None)[None]], -np.inf)
        totals = totals + row[None, None, :]
        back.append(totals.argmax(axis=2))
        best = totals.max(axis=2)
    check_values = np.array([char_value(char) if char in CHECK else -1 for char in alphabet])
    check_changed = (np.arange(len(alphabet)) != check_cell.argmax()).astype(np.int64)
    allowed_changes = MAX_CHECK_CHANGES - check_changed  # what the field may still change, per check glyph
    field_best = np.array([best[value, :limit + 1].max() if value >= 0 and limit >= 0 else -np.inf
                           for value, limit in zip(check_values, allowed_changes)])
    with_check = field_best + check_cell
    check_index = int(with_check.argmax())
    agreeing = float(with_check[check_index])
    if not np.isfinite(agreeing) or cells.max(axis=1).sum() + check_cell.max() - agreeing > MAX_CHECK_REPAIR:
        return None
    remainder = int(check_values[check_index])
    used = int(best[remainder, :allowed_changes[check_index] + 1].argmax())
    chars = []
    for position in range(len(cells) - 1, -1, -1):
        glyph = int(back[position][remainder, used])
        chars.append(alphabet[glyph])
        remainder = int((remainder - values[glyph] * CHECK_WEIGHTS[position % 3]) % 10)
        used -= int(glyph != cells[position].argmax())
    return chars[::-1], alphabet[check_index]
