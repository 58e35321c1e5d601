"""Checks on what people type: text that turns other text around, dates that cannot have been, V-numbers.

Text that turns other text around is refused in names and file names.

Right-to-left override and embedding characters (U+202A-U+202E) and isolates (U+2066-U+2069) make
"photo\u202egpj.exe" show as "photoexe.jpg", and a name show differently from what it is. Arabic, Farsi
and Tigrinya need none of them: the page isolates names itself. Zero-width joiners (Farsi) and the
left-to-right and right-to-left marks stay allowed.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
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


EARLIEST_DATE = date(1900, 1, 1)


def a_past_date(value: date | None) -> None:
    """A day that has been: a birth, a decision, a filing or a letter received. A typo in the year (2062 for
    2026, 0199 for 1999) is refused with words saying which, not stored to age a child negatively or to move
    the deadline years away."""
    if value is None:
        return
    if value > timezone.localdate():
        raise ValidationError(_("This date is in the future. Check the day, month and year."), code="future_date")
    if value < EARLIEST_DATE:
        raise ValidationError(_("This date is too long ago. Check the year."), code="too_early")


def only_past_dates(form, names) -> None:
    """Give each of ``form``'s date fields ``names`` (those it has) the ``a_past_date`` check, and the date
    pickers the same bounds."""
    for name in names:
        if name in form.fields:
            form.fields[name].validators.append(a_past_date)
            form.fields[name].widget.attrs.update(min=EARLIEST_DATE.isoformat(), max=timezone.localdate().isoformat())


V_NUMBER_DIGITS = 10
_V_NUMBER_SEPARATORS = re.compile(r"[\s.\-]")


def v_number(value: str) -> str:
    """The IND's V-number as its 10 digits: typed with spaces, dots or dashes, or with the V before it
    ("V-123 456 7890"), it is kept as "1234567890"; anything else is refused saying what one looks like."""
    digits = _V_NUMBER_SEPARATORS.sub("", value or "")
    if digits[:1] in ("V", "v"):
        digits = digits[1:]
    if not digits:
        return ""
    if not (digits.isascii() and digits.isdigit() and len(digits) == V_NUMBER_DIGITS):
        raise ValidationError(_("A V-number has 10 digits, as on the residence permit."), code="v_number")
    return digits
