"""A passport's data page whose zone is not read (cut off, under a thumb, in glare): its own marks.

Without its zone a data page's text is broken words under guilloches: the word passport misread ("Pasepart",
"PaSrORT", a Cyrillic паспорт read by a Latin pack as "nacnopt"), the labels of its first row (type, country
code, passport number) and the row's values (a lone P, the issuing state's code, the number), the holder's
labels (sex, nationality, names, birth date), its expiry and issuing authority. ``passport_marks`` says which
kinds of them a page shows; ``passport_page`` whether they make a page claiming too little for any kind a
passport's, which ``classify`` says unsure ("looks like a passport, no MRZ found"). It shares its checks against
other cards, letters and other documents with an ID card's page (``classify_card``).
"""

from __future__ import annotations

import re

from . import vocabulary
from .classify_card import ANOTHER_KINDS_EVIDENCE, NOT_A_CARDS_KINDS, holder_labels, letter_marks, says_another_card
from .phrases import whole_words
from .types import DocumentKind

# The type row's values: a lone P (the document's type), the issuing state's three letters (OCR may add or
# mix a case), then the passport's number. An ID card's type is I or ID; a visa's V.
_TYPE_ROW = re.compile(r"(?m)(?<![\w<])P[ \t]+[A-Z][A-Za-z]{2,3}[ \t]+[A-Z0-9]{0,3}\d{5,}")
_WORD = re.compile(r"[^\W\d_]{6,}")
BROKEN_SHARE = 4  # a broken word may differ from the passport word in one letter in this many (at least one)
OWN_MARKS = ("word", "row", "labels")  # what only a passport's data page prints
PASSPORT_MARKS_NEEDED = 2  # kinds of marks, one of them a passport's own


# Labelled marks: the first row's labels (a passport's own), its expiry, issue or authority.
LABELLED_MARKS = {"labels": vocabulary.PASSPORT_PAGE_LABELS,
                  "expiry": vocabulary.CARD_LABELS + vocabulary.CARD_ISSUE_LABELS}


def passport_words(normalised: str) -> set[str]:
    """The words of ``normalised`` that are a passport word (``vocabulary.PASSPORT_WORDS``) read whole or broken:
    beginning with its letter, about as long, a letter in four at most read wrong, added or lost."""
    return {token for token in set(_WORD.findall(normalised))
            if token not in vocabulary.NOT_PASSPORT_WORDS and any(_reads_as(token, word) for word in vocabulary.PASSPORT_WORDS)}


def _reads_as(token: str, word: str) -> bool:
    if len(token) > len(word) + 2:  # a longer word holding it is another word (or several run together)
        return False
    for start in range(max(1, len(token) - len(word) + 1)):  # a word run into a speck before it ("onacnopt")
        for piece in (token[start:start + len(word)], token[start:start + len(word) + 1]):
            if (piece[:1] == word[0] and abs(len(piece) - len(word)) <= 1
                    and _distance(piece, word) <= len(word) // BROKEN_SHARE + 1):
                return True
    return False


def passport_marks(text: str, normalised: str, holder: bool) -> set[str]:
    """The kinds of a passport data page's marks the page shows: "word" (the passport word, broken or whole;
    "words" too where two different readings of it show: bilingual pages print it twice), "row" (the type row's values),
    "labels" (its country code's or number's label), "holder" (``holder``: three of the holder's labels), "expiry"
    (its expiry, issue or authority)."""
    marks = set()
    words = passport_words(normalised)
    if words:
        marks.add("word")
    if len(words) >= 2:
        marks.add("words")
    if _TYPE_ROW.search(text):
        marks.add("row")
    marks |= {name for name, labels in LABELLED_MARKS.items() if whole_words(labels).search(normalised)}
    if holder:
        marks.add("holder")
    return marks


def is_passport_page(marks: set[str]) -> bool:
    return len(marks) >= PASSPORT_MARKS_NEEDED and bool(marks & set(OWN_MARKS))


def passport_page(text: str, normalised: str, scores: dict[DocumentKind, float]) -> bool:
    """Whether a page claiming too little for any kind shows a passport data page's marks: two kinds of them, one a
    passport's own, with no other document's evidence, nothing saying it is another document (a visa prints the
    passport's number; a driving licence), and no letter's marks (a letter asks for a passport's number). A data
    page's broken text may run long: its length is no sign against it."""
    if not is_passport_page(passport_marks(text, normalised, holder_labels(normalised))):
        return False
    if says_another_card(normalised) or letter_marks(normalised) or scores[DocumentKind.OTHER] > 0:
        return False
    others = (*NOT_A_CARDS_KINDS, DocumentKind.ASYLUM_DECISION)
    return not any(scores[kind] >= ANOTHER_KINDS_EVIDENCE for kind in others)


def _distance(first: str, second: str) -> int:
    previous = list(range(len(second) + 1))
    for row, left in enumerate(first, 1):
        current = [row]
        for column, right in enumerate(second, 1):
            current.append(min(previous[column] + 1, current[column - 1] + 1, previous[column - 1] + (left != right)))
        previous = current
    return previous[-1]
