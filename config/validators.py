"""Text that turns other text around is refused in names and file names.

Right-to-left override and embedding characters (U+202A-U+202E) and isolates (U+2066-U+2069) make
"photo\u202egpj.exe" show as "photoexe.jpg", and a name show differently from what it is. Arabic, Farsi
and Tigrinya need none of them: the page isolates names itself. Zero-width joiners (Farsi) and the
left-to-right and right-to-left marks stay allowed.
"""

from __future__ import annotations

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

DIRECTION_CONTROLS = frozenset(chr(code) for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))
ALLOWED_FORMAT_CHARACTERS = frozenset("\u200c\u200d\u200e\u200f\u061c")  # joiners, direction marks

DIRECTION_MESSAGE = _("This contains invisible characters that change the direction of text. Please type it again "
                      "without them.")


def has_direction_controls(text: str) -> bool:
    return any(
        char in DIRECTION_CONTROLS
        or (unicodedata.category(char) in ("Cc", "Cf") and char not in ALLOWED_FORMAT_CHARACTERS and char not in "\t\n\r")
        for char in text
    )


def no_direction_controls(value: str) -> None:
    if value and has_direction_controls(value):
        raise ValidationError(DIRECTION_MESSAGE, code="direction_controls")
