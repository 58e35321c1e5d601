"""Whether an MRZ that passes its check digits may still be read wrong, and why.

Check digits prove less than they seem. No check digit covers the names; a letter and the digit it
resembles that weigh alike (L and 1, G and 6, U and 0, S and 8) pass the same check digit; and a misread
field passes its check digit one time in ten. Where the zone's readings (Tesseract's scales, the zone
smoothed, the shapes of OCR-B) disagree in those ways, the result says so (``MrzResult.doubt``), and the
counsellor's review shows it (``pipeline.doubt``). Pure Python, no image code.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from .mrz_choose import is_good
from .mrz_layouts import AMBIGUOUS, FILLER, FILLER_LOOKALIKES, TO_DIGIT, Field, layout_of
from .mrz_parse import char_value, check_holds, checked_fields
from .types import MrzDoubt, MrzResult


# A letter and the digit it resembles that weigh alike in every check digit (L and 1, G and 6, U and 0, S and 8:
# values 21 and 1, 16 and 6 ...): a value holding one passes the same check digit read either way. (B and 8, O and 0
# change the check digit: two of them passing by chance is a narrow vote's case.)
LOOKALIKE_PAIRS = frozenset(frozenset(pair) for pair in (*TO_DIGIT.items(), *AMBIGUOUS.items(), ("S", "8"))
                            if char_value(pair[0]) % 10 == char_value(pair[1]) % 10)
# Fillers past the names: letters after three of them are junk read in the fillers ("AHMAD<<<BB"), no name.
PAST_THE_NAMES = FILLER * 3
# A checked field's value read by this few readings, where the other readings read it in this many other ways
# (each passing its check digit or not), was chosen by a narrow vote: a misread passes one time in ten.
NARROW_SUPPORT = 1
NARROW_DISSENT = 3
# Checked fields that may mix letters and digits: the document number and TD3's personal number.
NUMBER_KINDS = frozenset({"alnum", "optional"})
# Issuers put a number's letters first (a series: "L898902C3", "AB1234567") or one at its end ("ZE184226B"); two letters
# or more after three digits in a row are digits OCR read as the letters they resemble far more often
# ("0000LIZI" for "00000000", "A23456FB9S" for "A234567893"), and such a misread passes its check digit one time in ten.
# (O and Q count with the digits: issuers leave them out of numbers, OCR reads them for 0: "00O0LIID".)
DIGIT_RUN = re.compile(r"[\dOQ]{3}")
LETTERS_AFTER_DIGITS = 2
# Two letters or more like a 0 (D, O, Q) running into a 0: OCR-B's 0s read as letters ("BADOD0589" for "BAA000589"),
# kept as letters because so the number passed its check digit (see ``mrz_parse._zeros_into_digits``), by chance.
ZERO_LIKE_RUN = re.compile(r"[DOQ]{2,}0")


def with_doubt(result: MrzResult, tesseract: Sequence[MrzResult], shapes: Sequence[MrzResult] = ()) -> MrzResult:
    """``result`` (a zone's answer) with the reason the zone's other readings give to doubt it, if any:
    ``tesseract``, Tesseract's at each scale; ``shapes``, the readings by the shapes of OCR-B."""
    reason = doubt_of(result, tesseract, shapes)
    return replace(result, doubt=str(reason) if reason else "")


def doubt_of(result: MrzResult, tesseract: Sequence[MrzResult], shapes: Sequence[MrzResult] = ()) -> MrzDoubt | None:
    if not result.valid:
        return None  # an MRZ failing its check digits says so already
    layout = layout_of(result)
    tesseract = [reading for reading in tesseract if layout_of(reading) is layout]
    shapes = [reading for reading in shapes if layout_of(reading) is layout]
    if layout.names_line is not None:
        # No check digit covers the names' line: only readings whose checks hold and whose codes are real count.
        if any(is_good(reading) and _names_differ(result, reading) for reading in tesseract):
            return MrzDoubt.NAMES_DIFFER
        # The shapes match a blurred E to an F: where a scale read the zone valid, they speak against a letter only
        # with a filler, or the other way.
        confirmed = any(reading.valid for reading in tesseract)
        if any(is_good(reading) and _names_differ(result, reading, letters=not confirmed) for reading in shapes):
            return MrzDoubt.NAMES_DIFFER
    readings = [*tesseract, *shapes]
    # A reader that guessed marks its own reading (``MrzResult.doubt``: a line realigned that one check digit alone
    # judged, a filler the cells put for a letter within a name, a letter the shapes found barely likelier than
    # another): where only such readings give the answer's names, or its checked fields, the answer is as doubtful.
    for reason, part in ((MrzDoubt.NAMES_DIFFER, names_of), (MrzDoubt.NARROW_VOTE, checked_fields)):
        giving = [reading for reading in readings if part(reading) == part(result)]
        if giving and all(reading.doubt == reason for reading in giving):
            return reason
    for field in layout.fields:
        if field.check is None:
            continue
        chosen = _field(result, field)
        if field.kind in NUMBER_KINDS and (letters_after_digits(chosen[0]) or ZERO_LIKE_RUN.search(chosen[0])):
            return MrzDoubt.LOOKALIKES
        values = [_field(reading, field) for reading in readings]
        if any(value != chosen and check_holds(*value) and alike_but_for_lookalikes(value[0], chosen[0])
               for value in values):
            return MrzDoubt.LOOKALIKES
        # A value a reading gives with every check of the zone holding is no chance pass of one field.
        others = {value for value in values if value != chosen}
        if (values.count(chosen) <= NARROW_SUPPORT and len(others) >= NARROW_DISSENT
                and not any(reading.valid and _field(reading, field) == chosen for reading in readings)):
            return MrzDoubt.NARROW_VOTE
    return None


def lookalike_fields(result: MrzResult, readings: Sequence[MrzResult],
                     pairs: frozenset[frozenset[str]] = LOOKALIKE_PAIRS) -> list[Field]:
    """The checked fields of ``result`` that a reading of ``readings`` passes otherwise, but for look-alikes that weigh
    alike (``pairs``: L and 1, G and 6, U and 0, S and 8): no check digit tells which is printed."""
    layout = layout_of(result)
    fields = []
    for field in layout.fields:
        if field.check is None:
            continue
        chosen = _field(result, field)
        values = [_field(reading, field) for reading in readings if layout_of(reading) is layout]
        if any(value != chosen and check_holds(*value) and alike_but_for_lookalikes(value[0], chosen[0], pairs)
               for value in values):
            fields.append(field)
    return fields


def letters_after_digits(number: str) -> bool:
    """Whether ``number`` holds LETTERS_AFTER_DIGITS letters or more after its first three digits in a row."""
    run = DIGIT_RUN.search(number)
    return run is not None and sum(char.isalpha() for char in number[run.end():]) >= LETTERS_AFTER_DIGITS


def names_of(result: MrzResult) -> str:
    """The names' field as read ("" in a layout without one)."""
    layout = layout_of(result)
    if not layout.has("names"):
        return ""
    field = layout.field("names")
    return result.lines[field.line][field.start:field.end]


def name_splits(read: MrzResult, fixed: MrzResult) -> list[int]:
    """Where ``fixed`` (``read`` with its fillers where the cells see them) has a lone filler between two letters for a
    letter of ``read``, as indices of the names' line: a name cut in two ("ERIKSSON" made "ERI<SSON", a blurred K's
    arms taken for a "<"), or a filler read as a letter ("ANNAKMARIA") put right. (Not junk read in the fillers past
    the names, "FAISAL<<<<KKK<".)"""
    layout = layout_of(read)
    if layout_of(fixed) is not layout or not layout.has("names"):
        return []
    start = layout.field("names").start
    ours, theirs = names_of(read), names_of(fixed)
    return [start + index for index in range(1, min(len(ours), len(theirs)) - 1)
            if theirs[index] == FILLER and ours[index].isalpha() and theirs[index - 1].isalpha()
            and theirs[index + 1].isalpha()]


def _field(result: MrzResult, field: Field) -> tuple[str, str]:
    row = result.lines[field.line]
    return row[field.start:field.end], row[field.check]


def alike_but_for_lookalikes(value: str, chosen: str, pairs: frozenset[frozenset[str]] = LOOKALIKE_PAIRS) -> bool:
    """``value`` is ``chosen`` but for letters read for the digits they resemble (``pairs``), or the other way."""
    return len(value) == len(chosen) and all(a == b or frozenset((a, b)) in pairs for a, b in zip(value, chosen))


def _names_differ(result: MrzResult, reading: MrzResult, letters: bool = True) -> bool:
    """Whether ``reading`` reads the names otherwise than ``result``: a filler where ``result`` has a letter, a
    letter where it has a filler (but a glyph OCR makes of "<"), a letter more or less, or (``letters``) another
    letter. A filler more or less (the separator read as three, a filler dropped) is no other name, nor is junk read
    in the fillers past the names."""
    field = layout_of(result).field("names")
    ours, theirs = (line.lines[field.line][field.start:field.end] for line in (result, reading))
    return _difference(ours, _without_junk_past_the_names(theirs, ours), letters) > 0


def _without_junk_past_the_names(theirs: str, ours: str) -> str:
    """``theirs`` with the letters past three fillers made fillers where ``ours`` has nothing but fillers there: junk
    read in the fillers ("AHMAD<<<BB"), not the separator read as three before a name ("HASSAN<<<KAREEM")."""
    past = theirs.find(PAST_THE_NAMES, len(theirs) - len(theirs.lstrip(FILLER)))
    if past < 0 or ours[past:].strip(FILLER):
        return theirs
    return theirs[:past].ljust(len(theirs), FILLER)


def _difference(ours: str, theirs: str, letters: bool) -> int:
    """The fewest differences between two readings of the names that count (an edit distance): a filler added or
    dropped, or ``theirs`` a glyph OCR makes of "<" for a filler of ``ours``, counts nothing; a letter for another only
    where ``letters``."""
    def swap(mine: str, other: str) -> int:
        if mine == other or (mine == FILLER and other in FILLER_LOOKALIKES):
            return 0
        return 1 if letters or FILLER in (mine, other) else 0

    def gap(char: str) -> int:
        return 0 if char == FILLER else 1

    row = [0]
    for char in theirs:
        row.append(row[-1] + gap(char))
    for mine in ours:
        previous, row = row, [row[0] + gap(mine)]
        for index, other in enumerate(theirs):
            row.append(min(previous[index] + swap(mine, other), previous[index + 1] + gap(mine), row[index] + gap(other)))
    return row[-1]
