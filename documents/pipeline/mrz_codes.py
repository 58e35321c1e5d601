"""Codes in an MRZ that no check digit covers: the document code (its type letter, and the filler or issuer's
letter after it, a visa's type among them) and the issuing state's and holder's country codes. Pure Python.
"""

from __future__ import annotations

from collections.abc import Sequence

from .mrz_countries import is_country_code
from .mrz_layouts import FILLER, TO_LETTER, Layout

# ICAO 9303 document codes: the first character is the type (A, C and I identity documents, P passports,
# V visas). What OCR makes of those glyphs; and of the "<" that most often follows (the second character
# is the issuer's choice and has no check digit: a filler is far likelier than the letters "<" is misread as).
DOCUMENT_TYPES = "ACIPV"
TYPE_LOOKALIKES = {"W": "V", "Y": "V", "1": "I", "L": "I", "T": "I", "F": "P", "R": "P", "0": "C", "O": "C"}
# Not S, O, D ...: PS, PO, ID are codes in use. V is none: ICAO keeps it out of the second place (a
# document would pass for a visa), and OCR makes it of a "<" seen askew.
CODE_FILLER_LOOKALIKES = set("KXECLZGV")
# A visa's second character is the issuer's choice too; those in use tell the visa's type: Schengen A, C
# and D (airport transit, short and long stay), the United States' N (non-immigrant). S is on none: on a
# visa it is the "<" misread, as K X E L Z G V are, and C is kept.
VISA_CODE_FILLER_LOOKALIKES = (CODE_FILLER_LOOKALIKES | {"S"}) - {"C"}
# And O is none either: on a visa it is OCR-B's D misread (the two differ by a corner), as Q and 0 are.
VISA_CODE_D_LOOKALIKES = set("OQ0")
# What OCR makes of that "<" in one code or another (not D or O: ID, PO).
CODE_FILLER_MISREADINGS = CODE_FILLER_LOOKALIKES | VISA_CODE_FILLER_LOOKALIKES


def document_code(code: str) -> str:
    """The two characters of a document code as they most likely stand."""
    kind, second = code[:1], code[1:2]
    kind = kind if kind in DOCUMENT_TYPES else TYPE_LOOKALIKES.get(kind, kind)
    lookalikes = VISA_CODE_FILLER_LOOKALIKES if kind == "V" else CODE_FILLER_LOOKALIKES
    second = FILLER if second in lookalikes else TO_LETTER.get(second, second)
    if kind == "V" and (second in VISA_CODE_D_LOOKALIKES or code[1:2] in VISA_CODE_D_LOOKALIKES):
        second = "D"
    return kind + second


def plausible_countries(lines: Sequence[str], layout: Layout) -> bool:
    for name in ("nationality", "issuing_country"):
        if not layout.has(name):
            continue
        field = layout.field(name)
        if not is_country_code(lines[field.line][field.start:field.end]):
            return False
    return True
