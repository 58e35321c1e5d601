"""The MRZ's names, which no check digit covers: what is known of them once every reading had its say.

A names field in several parts has the "<<" separator between surname and given names.

Where the zone's first filler after a name, or the "<" of the
separator before one, is misread as a letter (SARAHE, SAMPLEX, GAIMU<KSAKURA), the page's own
print (the holder's names in the visual zone) shows the name without it: that spelling is taken,
and the letter becomes the filler it was. A name the page prints as read is left alone, and only
letters Tesseract makes of "<" are ever dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from .mrz_doubt import alike_but_for_lookalikes
from .mrz_layouts import FILLER, FILLER_LOOKALIKES, layout_of
from .mrz_parse import build_result, checked_fields
from .types import MrzResult

MAX_TRAILING = 2  # filler glyphs read as letters after a name ("SPECIMENCS")
MIN_NAME = 2


def with_separator(result: MrzResult) -> MrzResult:
    """Names in several parts with no "<<" between any two, after every reading had its say: the
    separator's second "<" was lost (OCR drops fillers more than anything), so the first "<" is the
    separator, and the fillers ending the field give one up. (A holder with a surname of several parts
    and no given names is far rarer than a dropped filler.)"""
    layout = layout_of(result)
    if layout.names_line is None:
        return result
    field = layout.field("names")
    line = result.lines[field.line]
    text = line[field.start:field.end]
    names = text.rstrip(FILLER)
    if "<<" in names or FILLER not in names or len(names) >= len(text):
        return result
    cut = names.index(FILLER)
    names = names[:cut] + FILLER + names[cut:]
    return _with_names(result, names + FILLER * (len(text) - len(names)))


def _with_names(result: MrzResult, names: str) -> MrzResult:
    layout = layout_of(result)
    field = layout.field("names")
    lines = list(result.lines)
    line = lines[field.line]
    lines[field.line] = line[:field.start] + names + line[field.end:]
    rebuilt = build_result(lines, layout)
    return replace(result, lines=rebuilt.lines, surname=rebuilt.surname, given_names=rebuilt.given_names)


def page_words(text: str) -> set[str]:
    """The words of the page's print in capitals, letters only."""
    return set(re.findall(r"[A-Z]{%d,}" % MIN_NAME, text.upper()))


def agree_with_page(result: MrzResult, page_text: str) -> MrzResult:
    """``result`` with each name the page does not print, but prints without a trailing filler glyph
    (or, where the names have no "<<" separator, without a leading one), spelt as the page prints it."""
    layout = layout_of(result)
    if layout.names_line is None:  # names split over two lines (a national card): left as read
        return result
    words = page_words(page_text)
    if not words:
        return result
    field = layout.field("names")
    text = result.lines[field.line][field.start:field.end]
    names = list(text)
    has_separator = "<<" in text.strip(FILLER)
    for match in re.finditer(r"[A-Z]+", text):
        token = match.group()
        if token in words:
            continue
        # A leading glyph may be the separator's second "<" only where the names lack one.
        lead_allowed = (not has_separator and match.start() >= 2 and text[match.start() - 1] == FILLER
                        and text[match.start() - 2] != FILLER)
        cut = _cut(token, words, lead_allowed)
        if cut is None:
            continue
        lead, trail = cut
        for index in [*range(match.start(), match.start() + lead), *range(match.end() - trail, match.end())]:
            names[index] = FILLER
        has_separator = has_separator or lead > 0
    fixed = "".join(names)
    return result if fixed == text else _with_names(result, fixed)


def with_fillers_the_shapes_see(result: MrzResult, by_shape: MrzResult) -> MrzResult:
    """``result`` with the last letter or two of a name turned to fillers where those are filler glyphs
    Tesseract reads as letters ("SAMPLEX" at every scale of a dim photo) and the zone read cell by cell
    by the shapes of OCR-B has the same name, then fillers, there. Only at a name's end: within a name,
    a K's arms look like a "<". And a K or X Tesseract adds before a name (see below)."""
    layout = layout_of(result)
    if layout.names_line is None or layout_of(by_shape) is not layout:
        return result
    field = layout.field("names")
    text = result.lines[field.line][field.start:field.end]
    seen = by_shape.lines[field.line][field.start:field.end]
    names = list(text)
    for match in re.finditer(r"[A-Z]+", text):
        token, end = match.group(), match.end()
        for trail in range(1, MAX_TRAILING + 1):
            kept = end - trail
            if (kept - match.start() >= MIN_NAME and all(char in FILLER_LOOKALIKES for char in token[-trail:])
                    and seen[match.start():kept] == text[match.start():kept] and seen[kept:end] == FILLER * trail):
                names[kept:end] = FILLER * trail
                break
    fixed = "".join(names)
    for match in re.finditer(rf"(?<={FILLER})[KX](?=[A-Z]{{{MIN_NAME},}})", fixed):
        # "ANNA<KMARIA": one filler read as "<K", the names after it a place too far. Where the shapes read the
        # names exactly as they stand without that K, it goes (a name of its own beginning with K keeps it:
        # the shapes read the K there too).
        dropped = fixed[:match.start()] + fixed[match.end():] + FILLER
        if dropped == seen:
            fixed = dropped
            break
    return result if fixed == text else _with_names(result, fixed)


SHORT_LAST_TOKEN = 3  # letters: junk read in the fillers after the names ("AHMAD<BB", "FAISAL<KUG")
NAMES_AGREEING = 0.8  # share of the letters both read that they read alike: the shapes' cells stand where the letters do


def names_worth_a_look(result: MrzResult) -> bool:
    """Names a filler read as a letter may have changed: a name ending in a glyph OCR makes of "<", or a short last one."""
    layout = layout_of(result)
    if layout.names_line is None:
        return False
    field = layout.field("names")
    tokens = re.findall(r"[A-Z]+", result.lines[field.line][field.start:field.end])
    return any(token[-1] in FILLER_LOOKALIKES for token in tokens) or (len(tokens) > 2 and len(tokens[-1]) <= SHORT_LAST_TOKEN)


def with_fillers_a_valid_shape_reading_sees(result: MrzResult, by_shape: MrzResult) -> MrzResult:
    """``result`` with the fillers the shapes of OCR-B see in its names where Tesseract read a glyph it makes of "<"
    (K X S E C L Z G O: "ANNASMARIAS", "FAISALE", "MILICASK"), and without a short last name the shapes see as
    fillers (junk read in the fillers: "AHMAD<BB"), where the shapes read the zone with every check digit holding and
    the same checked fields (their cells are where the characters are) and read the names' other letters alike.
    No name is split into a one-letter one (a K's arms look like "<"), and no name but such a last one goes."""
    if (names_seen := _names_as_valid_shapes_see_them(result, by_shape)) is None:
        return result
    text, seen = names_seen
    names = [FILLER if char in FILLER_LOOKALIKES and seen[index] == FILLER else char for index, char in enumerate(text)]
    last = list(re.finditer(r"[A-Z]+", "".join(names)))
    if len(last) >= 2 and len(last[-1].group()) <= SHORT_LAST_TOKEN and set(seen[last[-1].start():last[-1].end()]) == {FILLER}:
        names[last[-1].start():last[-1].end()] = FILLER * len(last[-1].group())
    fixed = "".join(names)
    tokens, before = re.findall(r"[A-Z]+", fixed), re.findall(r"[A-Z]+", text)
    if any(len(token) == 1 for token in tokens) or len(tokens) < len(before) - 1:
        return result
    return result if fixed == text else _with_names(result, fixed)


def _shapes_stand_where_the_characters_do(result: MrzResult, by_shape: MrzResult) -> bool:
    """Whether the shapes read the zone with every check digit holding and the checked fields of ``result``: their
    cells stand where the characters do. (A letter read for the digit it resembles, L for 1, moves no cell.)"""
    layout = layout_of(result)
    return (layout.names_line is not None and layout_of(by_shape) is layout and by_shape.valid
            and all(alike_but_for_lookalikes(theirs, ours)
                    for theirs, ours in zip(checked_fields(by_shape), checked_fields(result))))


def _names_as_valid_shapes_see_them(result: MrzResult, by_shape: MrzResult) -> tuple[str, str] | None:
    """The names field as ``result`` reads it and as the shapes see it, where the shapes stand where the characters
    do and read the names' letters mostly alike; otherwise None."""
    if not _shapes_stand_where_the_characters_do(result, by_shape):
        return None
    field = layout_of(result).field("names")
    text = result.lines[field.line][field.start:field.end]
    seen = by_shape.lines[field.line][field.start:field.end]
    return (text, seen) if _names_mostly_alike(text, seen) else None


def _names_mostly_alike(text: str, seen: str) -> bool:
    both = [index for index, char in enumerate(text) if char != FILLER and seen[index] != FILLER]
    return bool(both) and sum(text[i] == seen[i] for i in both) >= NAMES_AGREEING * len(both)


def with_fillers_readings_and_shapes_see(result: MrzResult, by_shape: MrzResult,
                                         readings: Sequence[MrzResult]) -> MrzResult:
    """``result`` with a filler for a letter Tesseract makes of "<" ("ANNACMARIA") where the shapes, reading the zone
    valid (see ``with_fillers_a_valid_shape_reading_sees``), see a filler and so does one of Tesseract's ``readings``
    at least: Tesseract's scales disagree there, and the shapes tell a filler from a letter better than they tell
    letters apart. No name is split into a one-letter one."""
    if (names_seen := _names_as_valid_shapes_see_them(result, by_shape)) is None:
        return result
    text, seen = names_seen
    field = layout_of(result).field("names")
    read = [reading.lines[field.line][field.start:field.end] for reading in readings
            if layout_of(reading) is layout_of(result)]
    names = [FILLER if char in FILLER_LOOKALIKES and seen[index] == FILLER and any(other[index] == FILLER for other in read)
             else char for index, char in enumerate(text)]
    fixed = "".join(names)
    if fixed == text or any(len(token) == 1 for token in re.findall(r"[A-Z]+", fixed)):
        return result
    return _with_names(result, fixed)


def _cut(token: str, words: set[str], lead_allowed: bool) -> tuple[int, int] | None:
    """(leading, trailing) filler glyphs to drop so that ``token`` is a word of the page; fewest first."""
    options = sorted(((lead, trail) for lead in (0, 1) if lead == 0 or lead_allowed
                      for trail in range(MAX_TRAILING + 1) if lead + trail > 0), key=sum)
    for lead, trail in options:
        dropped = token[:lead] + token[len(token) - trail:]
        kept = token[lead:len(token) - trail]
        if len(kept) >= MIN_NAME and all(char in FILLER_LOOKALIKES for char in dropped) and kept in words:
            return lead, trail
    return None
