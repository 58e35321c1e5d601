"""Stage 6: the fields a case needs from a classified document.

* an asylum decision's date (it starts the three-month nareis deadline);
* a translation's target language and whether a sworn translator's statement is on it;
* the people a certificate or booklet names, with birth dates, to link it to family members
  (for passports and ID cards, the holder from the MRZ).
"""

from __future__ import annotations

import re
from datetime import date

from . import classify, languages
from .dates import find_dates
from .decision_date import decision_date as read_decision_date
from .types import DocumentKind, MrzResult, PersonMention, TranslationInfo

_SWORN = re.compile(
    r"(sworn|certified|official) translat|beedigd|wbtv|traduct(eur|rice) (jure|assermente)|"
    r"(vereidigt|beeidigt|ermachtigt)\w* (ubersetz|dolmetsch)|yeminli|مترجم (محلف|معتمد|رسمي)"
)
_NAME_LABEL = re.compile(
    r"^(?:full name(?: of child)?|name|naam|nom(?: du defunt)?|nom et prenoms?|prenoms?|surname|given names|"
    r"husband|wife|father|mother|name of (?:father|mother|child)|vader|moeder|echtgeno(?:ot|te)|epoux|epouse)\b"
    r"[^:]*:\s*(.+)$",
    re.I,
)
_BIRTH_LABEL = re.compile(r"birth|geboorte|naissance|geburt|dogum|الولاده|الميلاد")
_CAPS_NAME = re.compile(r"\b([A-Z][A-Z'\-]+(?: [A-Z][A-Z'\-]+){1,4})\b")
_NOT_NAMES = {
    "REPUBLIC", "CERTIFICATE", "PASSPORT", "IDENTITY", "CARD", "BIRTH", "MARRIAGE", "DEATH", "ACTE", "DE", "DES",
    "FAMILY", "REGISTER", "LIVRET", "FAMILLE", "FAMILIALE", "FICHE", "CIVIL", "ETAT", "TRANSLATION", "TRADUCTION", "VERTALING",
    "CONSENT", "PARENTAL", "REGISTRAR", "NOTARY", "STATE", "ISLAMIC", "ARAB", "FEDERAL", "OF", "THE", "AND",
    "BEEDIGDE", "CERTIFIED", "GEBOORTEAKTE", "HUWELIJKSAKTE", "NAISSANCE", "MARIAGE", "DECES", "TRADUCTEUR",
    "VERKLARING", "OUDER", "ACHTERBLIJVENDE", "TOESTEMMINGSVERKLARING", "OVERLIJDENSAKTE", "SYRIAN", "EUR",
}


def decision_date(text: str) -> date | None:
    """The date of an IND decision: its own, never the permit's start, the application's or a birth date."""
    return read_decision_date(text)


def translation_info(text: str, text_languages: list[str]) -> TranslationInfo:
    """Target language: the main language of the translation, which is written in it."""
    target = next((code for code in text_languages if code in ("nl", "en", "fr", "de")), None)
    target = target or (text_languages[0] if text_languages else "nl")
    sworn = bool(_SWORN.search(classify.normalise(text)))
    return TranslationInfo(language=target, sworn=sworn)


def people(text: str, kind: DocumentKind, mrz: MrzResult | None) -> list[PersonMention]:
    """People named on the document, with a birth date where one stands with the name."""
    if mrz is not None and (mrz.surname or mrz.given_names):
        name = " ".join(part for part in (mrz.given_names, mrz.surname) if part)
        return [PersonMention(name=name, birth_date=mrz.birth_date)]
    if kind in (DocumentKind.OTHER, DocumentKind.ASYLUM_DECISION):
        return []
    mentions: dict[str, date | None] = {}
    lines = text.splitlines()
    for index, line in enumerate(lines):
        for name in _names_in(line):
            birth = _birth_date_near(lines, index)
            if name not in mentions or (mentions[name] is None and birth is not None):
                mentions[name] = birth
    for name, birth in _column_births(lines).items():
        if mentions.get(name) is None:
            mentions[name] = birth
    return [PersonMention(name=name, birth_date=birth) for name, birth in mentions.items()]


def _column_births(lines: list[str]) -> dict[str, date]:
    """Birth dates from a table laid out in columns.

    Tesseract reads such a table column by column: a run of lines holding one name each, and
    elsewhere a run of lines holding one date each. Runs of the same length pair up row by row;
    among several date runs, the one under a birth-date heading."""
    name_runs = _runs(lines, lambda line: names[0] if len(names := _names_in(line)) == 1 else None)
    date_runs = _runs(lines, lambda line: dates[0] if len(dates := find_dates(line)) == 1 and _only_a_date(line) else None)
    births: dict[str, date] = {}
    for _, names in name_runs:
        same_length = [(start, dates) for start, dates in date_runs if len(dates) == len(names) >= 2]
        headed = [dates for start, dates in same_length if start and _BIRTH_LABEL.search(languages.fold(lines[start - 1]))]
        if headed or len(same_length) == 1:
            births.update(zip(names, headed[0] if headed else same_length[0][1]))
    return births


def _runs(lines: list[str], read) -> list[tuple[int, list]]:
    """(first line, values) of each run of consecutive lines from which ``read`` gets a value."""
    runs: list[tuple[int, list]] = []
    previous = -2
    for index, line in enumerate(lines):
        value = read(line)
        if value is None:
            continue
        if index == previous + 1:
            runs[-1][1].append(value)
        else:
            runs.append((index, [value]))
        previous = index
    return runs


def _only_a_date(line: str) -> bool:
    return not re.search(r"[^\W\d_]", languages.fold(line))  # no letters beside the date (numeric dates)


# Labels before a person's name in Arabic and Persian documents (not witnesses: they are no family).
_ARABIC_NAME_LABEL = re.compile(
    r"^(?:الاسم|اسم|الزوج|الزوجة|رب الأسرة|رب الاسرة|الولد|الابن|البنت|الأب|الأم|المتوفى|نام|پدر|مادر|همسر|فرزند)"
    r"[^:：]*[:：]\s*(.+)$"
)
_ARABIC_WORD = re.compile(r"[\u0621-\u064A\u067E\u0686\u0698\u06A9\u06AF\u06CC]+")


def _names_in(line: str) -> list[str]:
    arabic = _ARABIC_NAME_LABEL.match(line.strip())
    if arabic:
        words = _ARABIC_WORD.findall(arabic[1])[:4]
        return [" ".join(words)] if words else []
    labelled = _NAME_LABEL.match(line.strip())
    candidates = _CAPS_NAME.findall(labelled[1] if labelled else line)
    names = []
    for candidate in candidates:
        # "D'ETAT": an elided article does not make a title word a name.
        words = [word for word in candidate.split() if re.sub(r"^[DL]'", "", word) not in _NOT_NAMES]
        if len(words) >= 2 or (labelled and words):
            names.append(" ".join(words))
    return names


def _birth_date_near(lines: list[str], index: int) -> date | None:
    """A date on the name's own line (booklet rows, 'born on ...') or on a birth-date line just below."""
    dates = find_dates(lines[index] + " " + (lines[index + 1] if index + 1 < len(lines) else ""))
    if dates and re.search(r"born|geboren|ne\(?e?\)? le|\d", languages.fold(lines[index])):
        return dates[0]
    for line in lines[index + 1:index + 3]:
        if _BIRTH_LABEL.search(languages.fold(line)):
            found = find_dates(line)
            if found:
                return found[0]
    return None
