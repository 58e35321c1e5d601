"""MRZ layouts (ICAO Doc 9303): where each field of TD1, TD2, TD3, the visas (MRV-A, MRV-B) and France's
old national identity card stands, and the characters OCR confuses in them. Pure data, no image code.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .types import MrzResult

FILLER = "<"
ALPHABET = set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<")
# Letters Tesseract produces for the "<" filler glyph (G and O as read for 6 and 0).
FILLER_LOOKALIKES = set("KXSECLZGO")

TO_DIGIT = {"O": "0", "Q": "0", "D": "0", "U": "0", "C": "0", "I": "1", "L": "1", "J": "1", "T": "7",
            "Z": "2", "S": "5", "B": "8", "G": "6", "A": "4", "E": "8"}
TO_LETTER = {"0": "O", "1": "I", "2": "Z", "5": "S", "8": "B", "6": "G", "4": "A", "7": "T", "3": "B"}
# Pairs a document number can hold either way; check digits decide.
AMBIGUOUS = {"0": "O", "O": "0", "Q": "0", "D": "0", "1": "I", "I": "1", "2": "Z", "Z": "2",
             "5": "S", "S": "5", "8": "B", "B": "8", "6": "G", "G": "6"}
ZERO_LOOKALIKES = set("ODQ")
SEX_FIXES = {"H": "M", "N": "M", "P": "F", "E": "F", "K": "<"}


@dataclass(frozen=True)
class Field:
    name: str
    line: int
    start: int
    end: int
    kind: str  # "alpha", "digits", "alnum", "names", "optional", "sex", "code"
    check: int | None = None  # index of the check digit on the same line


@dataclass(frozen=True)
class Layout:
    format: str  # the size of the lines, as the contract reports it: a visa's are TD3's or TD2's
    line_count: int
    line_length: int
    fields: tuple[Field, ...]
    composite_spans: tuple[tuple[int, int, int], ...]  # (line, start, end)
    composite_at: tuple[int, int] | None  # (line, index); visas have no composite check digit
    visa: bool = False

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    def has(self, name: str) -> bool:
        return any(f.name == name for f in self.fields)

    @property
    def names_line(self) -> int | None:
        """The line the names end (their fillers run to its end), if they end one."""
        names = self.field("names")
        return names.line if names.end == self.line_length else None


def _lower_line_td3_td2(length: int) -> tuple[Field, ...]:
    # TD3 ends with the optional data's check digit and the composite; TD2 only with the composite.
    optional_check = length - 2 if length == 44 else None
    return (
        Field("document_number", 1, 0, 9, "alnum", check=9),
        Field("nationality", 1, 10, 13, "alpha"),
        Field("birth_date", 1, 13, 19, "digits", check=19),
        Field("sex", 1, 20, 21, "sex"),
        Field("expiry_date", 1, 21, 27, "digits", check=27),
        Field("optional", 1, 28, optional_check or length - 1, "optional", check=optional_check),
    )


TD3 = Layout(
    "TD3", 2, 44,
    (Field("code", 0, 0, 2, "code"), Field("issuing_country", 0, 2, 5, "alpha"), Field("names", 0, 5, 44, "names"))
    + _lower_line_td3_td2(44),
    ((1, 0, 10), (1, 13, 20), (1, 21, 43)), (1, 43),
)
TD2 = Layout(
    "TD2", 2, 36,
    (Field("code", 0, 0, 2, "code"), Field("issuing_country", 0, 2, 5, "alpha"), Field("names", 0, 5, 36, "names"))
    + _lower_line_td3_td2(36),
    ((1, 0, 10), (1, 13, 20), (1, 21, 35)), (1, 35),
)
TD1 = Layout(
    "TD1", 3, 30,
    (
        Field("code", 0, 0, 2, "code"),
        Field("issuing_country", 0, 2, 5, "alpha"),
        Field("document_number", 0, 5, 14, "alnum", check=14),
        Field("optional", 0, 15, 30, "optional"),
        Field("birth_date", 1, 0, 6, "digits", check=6),
        Field("sex", 1, 7, 8, "sex"),
        Field("expiry_date", 1, 8, 14, "digits", check=14),
        Field("nationality", 1, 15, 18, "alpha"),
        Field("optional2", 1, 18, 29, "optional"),
        Field("names", 2, 0, 30, "names"),
    ),
    ((0, 5, 30), (1, 0, 7), (1, 8, 15), (1, 18, 29)), (1, 29),
)


def _visa_lower_line(length: int) -> tuple[Field, ...]:
    """Machine-readable visas (MRV-A, MRV-B): the lower line of TD3/TD2 without the optional data's
    check digit and the composite; the optional data runs to the end of the line."""
    return _lower_line_td3_td2(length)[:-1] + (Field("optional", 1, 28, length, "optional"),)


MRV_A = Layout("TD3", 2, 44, TD3.fields[:3] + _visa_lower_line(44), (), None, visa=True)
MRV_B = Layout("TD2", 2, 36, TD2.fields[:3] + _visa_lower_line(36), (), None, visa=True)
# France's national identity card (1988-2021): two lines of 36 that are not ICAO's TD2. The surname and
# the issuing office on the first; the card's number (year, month, department, sequence), the given
# names, the birth date and the sex on the second; no nationality, no expiry. Reported in TD2's size.
FRENCH_ID = Layout(
    "TD2", 2, 36,
    (
        Field("code", 0, 0, 2, "code"),
        Field("issuing_country", 0, 2, 5, "alpha"),
        Field("names", 0, 5, 30, "names"),
        Field("office", 0, 30, 36, "optional"),
        Field("document_number", 1, 0, 12, "alnum", check=12),
        Field("given_names", 1, 13, 27, "names"),
        Field("birth_date", 1, 27, 33, "digits", check=33),
        Field("sex", 1, 34, 35, "sex"),
    ),
    ((0, 0, 36), (1, 0, 35)), (1, 35),
)
FRENCH_ID_START = "IDFRA"
LAYOUTS = {layout.format: layout for layout in (TD1, TD2, TD3)}
VISA_LAYOUTS = {layout.format: layout for layout in (MRV_A, MRV_B)}
ALL_LAYOUTS = (*LAYOUTS.values(), *VISA_LAYOUTS.values(), FRENCH_ID)


def layout_of(result: MrzResult) -> Layout:
    """The layout ``result`` was parsed with."""
    if result.format == "TD2" and result.lines and result.lines[0].startswith(FRENCH_ID_START):
        return FRENCH_ID
    return VISA_LAYOUTS[result.format] if is_visa(result.lines) and result.format in VISA_LAYOUTS else LAYOUTS[result.format]


def is_visa(lines: Sequence[str]) -> bool:
    return bool(lines) and lines[0][:1] == "V"

