"""Stage 6: the fields a case needs from a classified document.

* an asylum decision's date (it starts the three-month nareis deadline);
* a translation's target language and whether a sworn translator's statement is on it;
* the people a document names (``people``: given names, surname, birth date, role), to link it to family
  members and to compare what the documents say about each.
"""

from __future__ import annotations

import re
from datetime import date

from .phrases import normalise
from .dates import find_dates
from .decision_date import decision_date as read_decision_date
from .people import people
from .types import TranslationInfo

_SWORN = re.compile(
    r"(sworn|certified|official) translat|beedigd|wbtv|traduct(eur|rice) (jure|assermente)|"
    r"(vereidigt|beeidigt|ermachtigt)\w* (ubersetz|dolmetsch)|yeminli|مترجم (محلف|معتمد|رسمي)"
)

__all__ = ["decision_date", "find_dates", "people", "translation_info"]


def decision_date(text: str) -> date | None:
    """The date of an IND decision: its own, never the permit's start, the application's or a birth date."""
    return read_decision_date(text)


def translation_info(text: str, text_languages: list[str]) -> TranslationInfo:
    """Target language: the main language of the translation, which is written in it."""
    target = next((code for code in text_languages if code in ("nl", "en", "fr", "de")), None)
    target = target or (text_languages[0] if text_languages else "nl")
    sworn = bool(_SWORN.search(normalise(text)))
    return TranslationInfo(language=target, sworn=sworn)
