"""Choosing among several readings of one MRZ: which is good, merging them field by field,
voting on the names (which no check digit covers) and on country codes.

Pure Python, no image code; the readings come from ``mrz_parse``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from .mrz_countries import is_country_code
from .mrz_codes import CODE_FILLER_MISREADINGS, plausible_countries
from .mrz_layouts import FILLER, Layout, layout_of
from .mrz_parse import build_result, check_holds, checks, irregularity
from .types import MrzResult


def plausible(result: MrzResult) -> bool:
    """Fields no check digit covers look right: letters for countries, M/F/< for sex."""
    layout = layout_of(result)
    sex = layout.field("sex")
    return plausible_countries(result.lines, layout) and result.lines[sex.line][sex.start:sex.end] in ("M", "F", FILLER, "X")


def with_known_countries(result: MrzResult, readings: Sequence[MrzResult]) -> MrzResult:
    """``result`` with each country code that is no country replaced by the one most other
    readings of the zone give (country codes have no check digit)."""
    layout = layout_of(result)
    lines = list(result.lines)
    for name in ("issuing_country", "nationality"):
        if not layout.has(name):
            continue
        field = layout.field(name)
        if is_country_code(lines[field.line][field.start:field.end]):
            continue
        codes = Counter(
            code for reading in readings if reading.format == result.format
            and is_country_code(code := reading.lines[field.line][field.start:field.end])
        )
        if codes:
            line = lines[field.line]
            lines[field.line] = line[:field.start] + codes.most_common(1)[0][0] + line[field.end:]
    if lines == list(result.lines):
        return result
    return replace(build_result(lines, layout), surname=result.surname, given_names=result.given_names)


def with_filler_code(result: MrzResult, readings: Sequence[MrzResult]) -> MrzResult:
    """``result`` with a filler for the document code's second character where any reading of the zone
    has one there: OCR reads the "<" as a letter far more often than a letter as "<" (VS, PS for V<, P<),
    and codes with a letter there (PD, PO, PS, ID) are read so at every scale. No check digit covers it."""
    second = result.lines[0][1:2]
    if second not in CODE_FILLER_MISREADINGS or not any(
        reading.format == result.format and reading.lines[0][:1] == result.lines[0][:1] and reading.lines[0][1:2] == FILLER
        for reading in readings
    ):
        return result
    if layout_of(result).names_line is None:  # a national layout keyed to its code (IDFRA)
        return result
    lines = (result.lines[0][:1] + FILLER + result.lines[0][2:], *result.lines[1:])
    return replace(result, lines=lines)


def score(result: MrzResult) -> tuple[int, int, int]:
    """Higher is better: valid and plausible, then valid, then the number of check digits that hold."""
    layout = layout_of(result)
    return int(result.valid and plausible(result)), int(result.valid), sum(checks(result.lines, layout))


def is_good(result: MrzResult | None) -> bool:
    return result is not None and result.valid and plausible(result)


def combine_readings(readings: Sequence[MrzResult]) -> MrzResult | None:
    """Merge readings of one MRZ field by field: each check-digit protected field as most of the
    readings where its check holds give it (one reading alone may pass by chance), the rest by
    majority vote per character. The merge stands only if it scores as well as the best reading."""
    if not readings:
        return None
    layout = Counter(layout_of(r) for r in readings).most_common(1)[0][0]
    same = [r for r in readings if layout_of(r) is layout]
    merged = [list(line) for line in _vote([r.lines for r in same], layout)]
    for field in layout.fields:
        if field.check is None:
            continue
        values = [((row[field.start:field.end], row[field.check]), reading.valid)
                  for reading in same for row in (reading.lines[field.line],)]
        passing = Counter(value for value, _ in values if check_holds(*value))
        in_valid = Counter(value for value, valid in values if valid)
        read = Counter(value for value, _ in values)
        if passing and not in_valid and max(passing.values()) < max(read.values()):
            # No reading holds together and most readings agree on a value its check digit fails:
            # that is what is printed (specimens print wrong check digits); one odd reading that
            # happens to pass is not.
            passing = Counter()
        if passing:
            # A value from readings whose every check holds first (a misread passes one time in ten),
            # then from more readings, then the more regular one.
            value, digit = max(passing, key=lambda pair: (in_valid[pair], passing[pair], _regularity(field, pair[0])))
            merged[field.line][field.start:field.end] = list(value)
            merged[field.line][field.check] = digit
    lines = ["".join(row) for row in merged]
    result = build_result(lines, layout)
    best = max(same, key=score)
    return result if score(result) >= score(best) else best


def _regularity(field, value: str) -> tuple[int, int]:
    if field.name != "document_number":
        return (0, 0)
    changes, letters_like_zero = irregularity(value)
    return -changes, -letters_like_zero


def _vote(line_sets: Sequence[Sequence[str]], layout: Layout) -> list[str]:
    voted = []
    for index in range(layout.line_count):
        columns = zip(*(lines[index] for lines in line_sets))
        voted.append("".join(Counter(column).most_common(1)[0][0] for column in columns))
    return voted


def _name_doubts(surname: str, given_names: str) -> int:
    """Signs of "<" read as letters: no surname or no given names (the "<<" between them lost),
    one-letter names, names ending in K or X ("SELAMK"), the same letter three times running
    ("AHMADSSSSSS"). (A leading K is left alone: KAREEM is a name far more often than a misread "<".)"""
    tokens = f"{surname} {given_names}".split()
    return (not surname) + (not given_names) + sum(
        len(token) == 1 or token[-1] in "KX" or _TRIPLE_LETTER.search(token) is not None for token in tokens
    )


_TRIPLE_LETTER = re.compile(r"([A-Z])\1\1")


def names_doubtful(result: MrzResult) -> bool:
    return _name_doubts(result.surname, result.given_names) > 0


def number_doubtful(result: MrzResult) -> bool:
    """A document number holding O or Q (issuers avoid them beside 0) may have passed its check
    digit by chance: "BAADODO59" read for "BAA000589"."""
    return irregularity(result.document_number)[1] > 0


def with_voted_names(best: MrzResult, readings: Sequence[MrzResult]) -> MrzResult:
    """``best`` with the names most readings agree on (fewest doubts breaking ties).

    A name ending in K or X that another reading has without them ("SELAMKK", "SELAM") counts as
    that name: those letters are the fillers after it, read as letters. (Not at the start: KAREEM.)"""
    same = [r for r in readings if r.format == best.format] or [best]
    seen = {token for r in same for token in f"{r.surname} {r.given_names}".split()}

    def cleaned(name: str) -> str:
        return " ".join(token.rstrip("KX") if token.rstrip("KX") in seen else token for token in name.split())

    votes = Counter((cleaned(r.surname), cleaned(r.given_names)) for r in same)
    surname, given = max(votes, key=lambda names: (votes[names], -_name_doubts(*names)))
    layout = layout_of(best)
    if layout.names_line is None:  # surname and given names on separate lines (a national card)
        return best
    field = layout.field("names")
    written = (surname.replace(" ", FILLER) + FILLER * 2 + given.replace(" ", FILLER)).rstrip(FILLER)
    line = best.lines[field.line]
    names = written[:field.end - field.start].ljust(field.end - field.start, FILLER)
    lines = list(best.lines)
    lines[field.line] = line[:field.start] + names + line[field.end:]
    return replace(best, lines=tuple(lines), surname=surname, given_names=given)
