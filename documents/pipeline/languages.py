"""Scripts and languages: which Tesseract packs to read a page with, and which languages it holds.

The first OCR pass reads every page with ``eng+ara`` (Tesseract tries the second
pack only on words the first reads poorly, so Latin pages cost little more than
``eng`` alone and the many mixed Latin/Arabic ID cards are read in one pass).
The script of what comes out then decides whether a page deserves a second pass
with a more specific pack (Persian, Ethiopic).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

FIRST_PASS = "eng+ara"
PACKS_BY_SCRIPT = {
    "latin": "eng",
    "arabic": "ara+eng",
    "persian": "fas+eng",
    "ethiopic": "tir+amh+eng",
}

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# Direction marks Tesseract puts around right-to-left words: invisible, but they split words.
_BIDI_MARKS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_ETHIOPIC = re.compile(r"[\u1200-\u139f\u2d80-\u2ddf]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
# Letters Persian uses and Arabic does not, and very common Persian words.
_PERSIAN_LETTERS = re.compile(r"[پچژگکی]")
_PERSIAN_WORDS = {"است", "این", "را", "که", "می", "با", "از", "برای", "تولد", "نام", "پدر", "ازدواج", "گواهی"}
# Amharic and Tigrinya share the script; a few frequent function words tell them apart.
_TIGRINYA_WORDS = {"ናይ", "እዩ", "ኣብ", "ከም", "ምስ", "ስም", "ዕለት", "ትውልዲ"}
_AMHARIC_WORDS = {"የ", "ነው", "በ", "እና", "ስም", "ቀን", "የልደት", "ውስጥ"}

STOP_WORDS: dict[str, set[str]] = {
    "en": {"the", "of", "and", "to", "in", "is", "that", "for", "this", "with", "on", "are", "by", "was", "be",
           "i", "my", "date", "name", "hereby", "certify", "from", "at", "as", "has", "have", "will", "true",
           "please", "your", "you", "our", "we", "within", "number", "not", "all", "days", "due", "which"},
    "nl": {"de", "het", "een", "van", "en", "dat", "is", "op", "te", "voor", "met", "niet", "zijn", "ik", "die",
           "naar", "om", "bij", "uw", "u", "heeft", "mijn", "hierbij", "wordt", "aan", "ook", "geboren", "datum"},
    "fr": {"le", "la", "les", "de", "des", "du", "et", "un", "une", "est", "que", "qui", "dans", "pour", "par",
           "au", "sur", "je", "nous", "il", "mon", "ne", "pas", "avec", "ce", "cette", "nom", "ne(e)", "lieu"},
    "de": {"der", "die", "das", "und", "ist", "ein", "eine", "den", "dem", "nicht", "mit", "von", "zu", "ich",
           "auf", "fur", "sich", "des", "im", "wird", "hiermit", "geboren", "am", "bei", "name"},
    "tr": {"ve", "bir", "bu", "ile", "icin", "da", "de", "olarak", "adi", "tarihi", "dogum", "yeri", "olan",
           "ben", "benim", "cocugum", "tarafindan", "belgesi", "sayili", "soyadi"},
    "so": {"iyo", "waa", "ayaa", "soo", "wuxuu", "waxay", "waxaan", "magaca", "taariikhda", "dhalashada", "aan",
           "ahay", "ayuu", "hooyada", "aabaha", "shahaadada"},
}
LATIN_FALLBACK = "en"


def normalise_digits(text: str) -> str:
    """Arabic-Indic and Persian digits to ASCII (dates and numbers compare as written)."""
    return text.translate(_DIGITS)


def clean_ocr_text(text: str) -> str:
    """OCR output as stored and matched: ASCII digits, no direction marks."""
    return normalise_digits(text).translate(_BIDI_MARKS)


def fold(text: str) -> str:
    """Lower case without accents, for matching words whatever the OCR made of diacritics."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char) or _ARABIC.match(char))


def script_counts(text: str) -> Counter:
    return Counter(
        latin=len(_LATIN.findall(text)),
        arabic=len(_ARABIC.findall(text)),
        ethiopic=len(_ETHIOPIC.findall(text)),
    )


def dominant_script(text: str) -> str:
    """``latin``, ``arabic``, ``persian``, ``ethiopic`` or ``none``."""
    counts = script_counts(text)
    script, count = counts.most_common(1)[0]
    if count < 3:
        return "none"
    if script == "arabic" and is_persian(text):
        return "persian"
    return script


def has_script(text: str, script: str, minimum_share: float = 0.15) -> bool:
    counts = script_counts(text)
    total = sum(counts.values())
    key = "arabic" if script == "persian" else script
    return total > 0 and counts[key] >= max(8, minimum_share * total)


def is_persian(text: str) -> bool:
    words = re.findall(r"[\u0600-\u06ff]+", text)
    persian_words = sum(word in _PERSIAN_WORDS for word in words)
    return len(_PERSIAN_LETTERS.findall(text)) >= 3 or persian_words >= 2


def latin_language_of(words: list[str]) -> str | None:
    """The language whose stop words are most frequent among ``words`` (folded), if any."""
    scores = Counter()
    for word in words:
        for language, stop_words in STOP_WORDS.items():
            if word in stop_words:
                scores[language] += 1
    if not scores:
        return None
    best = scores.most_common()
    if len(best) > 1 and best[0][1] == best[1][1]:
        return None
    return best[0][0]


def detect_languages(text: str) -> list[str]:
    """ISO 639-1 codes of the languages in ``text``, most text first.

    Arabic-script text is Arabic or Persian, Ethiopic text Tigrinya or Amharic; Latin
    text is assigned line by line by stop words, lines without any taking the
    language of the whole Latin text.
    """
    amounts: Counter = Counter()
    counts = script_counts(text)
    if counts["arabic"] >= 8:
        amounts["fa" if is_persian(text) else "ar"] += counts["arabic"]
    if counts["ethiopic"] >= 8:
        words = set(re.findall(r"[\u1200-\u139f]+", text))
        amounts["am" if len(words & _AMHARIC_WORDS) > len(words & _TIGRINYA_WORDS) else "ti"] += counts["ethiopic"]
    if counts["latin"] >= 8:
        lines = [re.findall(r"[a-z()]+", fold(line)) for line in text.splitlines()]
        whole = latin_language_of([word for line in lines for word in line]) or LATIN_FALLBACK
        for line in lines:
            letters = sum(len(word) for word in line if len(word) > 1)
            if letters:
                amounts[latin_language_of(line) or whole] += letters
    total = sum(amounts.values())
    return [language for language, amount in amounts.most_common() if amount >= 0.1 * total]
