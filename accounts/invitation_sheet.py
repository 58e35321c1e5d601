"""The invitation on paper: an A4 sheet in the sponsor's language and in Dutch, with the code and the link as a QR code.

The code is shown once (only its hash is stored), so the sheet is part of the page that shows it, styled for print.
"""

from __future__ import annotations

from dataclasses import dataclass

import segno
from django.conf import settings
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language_info

SECOND_LANGUAGE = "nl"  # the sheet is also in Dutch, for whoever helps the sponsor here


@dataclass(frozen=True)
class SheetLanguage:
    code: str
    bidi: bool


def sheet_languages(sponsor_language: str) -> list[SheetLanguage]:
    """The sponsor's language first (English if it is not known), then Dutch."""
    known = dict(settings.LANGUAGES)
    first = sponsor_language if sponsor_language in known else "en"
    codes = [first] if first == SECOND_LANGUAGE else [first, SECOND_LANGUAGE]
    return [SheetLanguage(code, bool(get_language_info(code).get("bidi"))) for code in codes]


def qr_svg(link: str) -> SafeString:
    """The link as a QR code, inline SVG (made from our own link: no user input in it)."""
    svg = segno.make(link, error="m").svg_inline(scale=5, border=4, dark="#000", light="#fff", omitsize=True)
    return mark_safe(svg)
