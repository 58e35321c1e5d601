"""Dates as letters and certificates write them, found with where they stand in the text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from . import languages

MONTHS = {
    # Dutch, English, French, German; abbreviations as printed on letters.
    "januari": 1, "january": 1, "janvier": 1, "januar": 1, "jan": 1,
    "februari": 2, "february": 2, "fevrier": 2, "februar": 2, "feb": 2, "fev": 2,
    "maart": 3, "march": 3, "mars": 3, "marz": 3, "mrt": 3, "mar": 3,
    "april": 4, "avril": 4, "apr": 4, "avr": 4,
    "mei": 5, "may": 5, "mai": 5,
    "juni": 6, "june": 6, "juin": 6, "jun": 6,
    "juli": 7, "july": 7, "juillet": 7, "jul": 7,
    "augustus": 8, "august": 8, "aout": 8, "aug": 8,
    "september": 9, "septembre": 9, "sep": 9, "sept": 9,
    "oktober": 10, "october": 10, "octobre": 10, "okt": 10, "oct": 10,
    "november": 11, "novembre": 11, "nov": 11,
    "december": 12, "decembre": 12, "dezember": 12, "dec": 12, "dez": 12,
}
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_NAMED_DATE = re.compile(rf"\b(\d{{1,2}})\.?\s+({_MONTH_NAMES})\.?\s+(\d{{4}})\b")
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})\s?[-./]\s?(\d{1,2})\s?[-./]\s?(\d{4})\b")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


@dataclass(frozen=True)
class DateSpan:
    value: date
    start: int
    end: int


def date_spans(folded: str) -> list[DateSpan]:
    """Dates in text already folded (``fold_for_dates``), in the order they stand, with their positions."""
    found = []
    for match in _NAMED_DATE.finditer(folded):
        found.append((match, make_date(int(match[3]), MONTHS[match[2]], int(match[1]))))
    for match in _NUMERIC_DATE.finditer(folded):
        found.append((match, make_date(int(match[3]), int(match[2]), int(match[1]))))
    for match in _ISO_DATE.finditer(folded):
        found.append((match, make_date(int(match[1]), int(match[2]), int(match[3]))))
    spans = [DateSpan(value, match.start(), match.end()) for match, value in found if value is not None]
    return sorted(spans, key=lambda span: span.start)


def fold_for_dates(text: str) -> str:
    return languages.fold(languages.normalise_digits(text))


def find_dates(line: str) -> list[date]:
    """Dates written in ``line``: 28 december 2026, 28-12-2026, 28.12.2026, 28/12/2026, 2026-12-28."""
    return [span.value for span in date_spans(fold_for_dates(line))]


def make_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
