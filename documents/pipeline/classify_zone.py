"""Evidence of a machine-readable zone read only in part: the holder's line.

A zone whose other line the OCR garbled (a card small on a table, photographed dim or at an angle) does not
parse, yet its holder's line may still stand: the birth date, its check digit, the sex, the expiry date, its
check digit, and the nationality (after them on an ID card's TD1 line, before them on a passport's or a TD2
card's line). Both check digits holding on dates that exist happens by chance about once in a few hundred
such digit runs, and only travel documents print a sex between two checked dates: a vehicle registration's
or a payslip's numbers do not. It tells a passport or an ID card, not which holder (the zone is no MRZ).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .mrz_parse import check_digit, normalise_line
from .types import DocumentKind

# What the OCR makes of a digit in an OCR-B zone; the check digits decide whether the reading holds.
_DIGIT_LOOKALIKES = str.maketrans({"O": "0", "D": "0", "Q": "0", "I": "1", "L": "1", "Z": "2", "S": "5",
                                   "B": "8", "G": "6"})
_DIGIT = "[0-9ODQILZSBG]"
# date, check, sex, date, check: the core every ICAO holder's line has (TD1, TD2, TD3, visas). The sex may be
# misread or lost (a dim photo's F read as a gap, an M as 1) where a run of fillers after the core still
# shows a zone's line.
_CORES = (re.compile(f"(?=({_DIGIT}{{6}})({_DIGIT})(.)({_DIGIT}{{6}})({_DIGIT})(.*))"),
          re.compile(f"(?=({_DIGIT}{{6}})({_DIGIT})()({_DIGIT}{{6}})({_DIGIT})(.*))"))
SEXES = ("M", "F", "X", "<")
FILLER_RUN = "<<<<<"
_COUNTRY = re.compile("[A-Z][A-Z<]{2}")
_LETTER_LOOKALIKES = str.maketrans({"0": "O", "1": "I", "2": "Z", "5": "S", "8": "B", "6": "G"})
MIN_TRUE_DIGITS = 10  # of the core's 14 digits, read as digits (not lookalike letters)
TD3_TAIL = 12  # characters after the core on a passport's line (16 printed); a TD2 card's has 8


@dataclass(frozen=True)
class HolderLine:
    kind: DocumentKind  # passport (a TD3 line) or ID card (TD1 or TD2)
    line: str


def holder_line(text: str) -> HolderLine | None:
    """The first line of ``text`` that holds an ICAO holder's core whose two check digits hold, with the kind
    its layout tells; None where there is none. A visa's lines share the layout: a line above starting
    with V (a visa's code) rules it out."""
    # A filler misread as ">" (dim or small photos) still stands for one.
    lines = [normalise_line(line.replace(">", "<")) for line in text.splitlines()]
    for index, line in enumerate(lines):
        for match in (match for core in _CORES for match in core.finditer(line)):
            birth, birth_check, sex, expiry, expiry_check, tail = match.groups()
            if sex not in SEXES and FILLER_RUN not in tail:
                continue
            digits = birth + birth_check + expiry + expiry_check
            if sum(char.isdigit() for char in digits) < MIN_TRUE_DIGITS:
                continue
            birth, birth_check, expiry, expiry_check = (part.translate(_DIGIT_LOOKALIKES) for part in
                                                         (birth, birth_check, expiry, expiry_check))
            if not (_is_date(birth) and _is_date(expiry)):
                continue
            if check_digit(birth) != birth_check or check_digit(expiry) != expiry_check:
                continue
            if _visa_above(lines, index):
                return None
            return HolderLine(_kind_of(line, match.start(), len(sex)), line)
    return None


def _is_date(digits: str) -> bool:
    month, day = int(digits[2:4]), int(digits[4:6])
    return 1 <= month <= 12 and 1 <= day <= 31


def _visa_above(lines: list[str], index: int) -> bool:
    return any(line.startswith("V") and line.count("<") >= 2 for line in lines[max(0, index - 2):index])


def _kind_of(line: str, start: int, sex: int) -> DocumentKind:
    """TD2 and TD3 put the document number and the nationality before the dates, and TD3 (a passport) leaves
    a long tail after them; TD1 (an ID card) puts the nationality after them, at the start of its line."""
    end = start + 14 + sex
    if _COUNTRY.fullmatch(line[max(0, start - 3):start]):
        return DocumentKind.PASSPORT if len(line) - end >= TD3_TAIL else DocumentKind.ID_CARD
    if _COUNTRY.fullmatch(line[end:end + 3].translate(_LETTER_LOOKALIKES)) or start < 6:
        return DocumentKind.ID_CARD
    return DocumentKind.PASSPORT if len(line) - end >= TD3_TAIL else DocumentKind.ID_CARD
