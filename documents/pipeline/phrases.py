"""The text the vocabulary is matched against, and its phrases made patterns that forgive the OCR.

``normalise`` folds a page into the form ``vocabulary`` is written in (lower case, no accents or Arabic marks,
punctuation as spaces). ``phrase`` makes one of its phrases a pattern: words may break across lines or hyphens,
Arabic's article may stand before any word of a title, and the letters the OCR reads for one another match
each other (see ``CONFUSABLE``). ``whole_words`` compiles phrases that must stand as whole words.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letter variants OCR confuses (Arabic and Persian forms, the four Persian letters read by the Arabic pack), and
# Turkish's dotless i.
_LETTER_FOLDS = str.maketrans({
    "ة": "ه", "ى": "ي", "ی": "ي", "ک": "ك", "گ": "ك", "پ": "ب", "چ": "ج", "ژ": "ز",
    "ـ": None, "\u200e": None, "\u200f": None, "\u200c": " ",
    "ı": "i",  # Turkish dotless i: "kayıt" is written "kayit" (its capital İ loses its dot as a mark)
})

# A bar the OCR reads for an I or l within a word's letters of one case ("CERT|F|CATE"), or opening a word
# ("|dentity", "|DENTITY"): a letter. A bar between words, or between a lower- and an upper-case letter
# ("Name|Surname", a table's rule), stays a separator.
_BAR_AS_LETTER = re.compile(r"(?<=[a-z])\|(?=[a-z])|(?<=[A-Z])\|(?=[A-Z])|(?<![^\W\d_])\|(?=[a-z]{2}|[A-Z]{2})")


def normalise(text: str) -> str:
    """Lower case, no accents or Arabic marks, punctuation as spaces: the form vocabulary is written in."""
    text = _BAR_AS_LETTER.sub("l", text)
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(_LETTER_FOLDS))
    stripped = "".join(char for char in decomposed if unicodedata.category(char) != "Mn")
    lines = (re.sub(r"[^\w()]+", " ", line).strip() for line in stripped.splitlines())
    return "\n".join(line for line in lines if line)


def _latin(pattern: str) -> bool:
    return all(ord(char) < 0x0250 for char in pattern)


ARTICLE = "ال"  # Arabic's article, which a title may put before any of its words: وثيقة الولادة, وثيقة ولادة
SEPARATOR = "[ _\\-]*\\n?[ _\\-]*"  # between a phrase's words: spaces, a hyphen, a line break


def phrase(pattern: str) -> str:
    """A vocabulary phrase (a regular expression on normalised text) as a pattern that matches it as OCR reads it."""
    if not _latin(pattern):  # Arabic-script and Ethiopic phrases: folded like the text they must match
        words = normalise(pattern).split(" ")
        return "(?:" + SEPARATOR.join(_dots_below(word) for word in
            [words[0], *(word if word.startswith(ARTICLE) else f"(?:{ARTICLE})?{word}" for word in words[1:])]) + ")"
    body = _confusable_letters(pattern).replace(" ", SEPARATOR)
    if not pattern.startswith("^"):
        return f"(?<![a-z0-9])(?:{body})(?![a-z])"
    return f"(?:{body})"


@lru_cache(maxsize=None)
def any_phrase(patterns: tuple[str, ...]) -> re.Pattern:
    """One pattern for ``patterns``, each matched as ``phrase`` makes it; ``^`` is a line's start."""
    return re.compile("|".join(phrase(pattern) for pattern in patterns), re.M)


@lru_cache(maxsize=None)
def whole_words(patterns: tuple[str, ...]) -> re.Pattern:
    """``any_phrase``, each phrase standing as whole words in any script (the wife's label holds the husband's)."""
    return re.compile("|".join(f"(?<!\\w){phrase(pattern)}(?!\\w)" for pattern in patterns), re.M)


# A tooth with dots below is ب with one, ي with two, Persian پ (folded to ب) with three: the OCR miscounts them
# ("سرپرست" read "سريرست"). A phrase's ب or ي matches either.
_DOTS_BELOW = str.maketrans({"ب": "[بي]", "ي": "[بي]"})


def _dots_below(word: str) -> str:
    return word.translate(_DOTS_BELOW)


# The OCR reads i, I and l for one another and for 1 (a bar is made an l by ``normalise``): "B1RTH CERT1FICATE",
# "ldentity card", "Acte de mar1age"; O for 0 ("CERTIFICATE 0F BIRTH", "EP0UX"); m for rn ("rnarriage", "narne").
# A phrase's i and l match any of i, l and 1, its o an o or 0, its m an m or rn; a word of the vocabulary is still
# matched whole, so only a word that differs from it in those letters alone matches too.
# A phrase is written folded, and its u may stand for German or Turkish ü, which the OCR's English pack reads with
# its two dots as one more i or l beside the u, or as two letters ("Ölüm" read "Oluim", "Oliuim", "Oliim"; "Nüfus"
# "Niifus"; "Gültig" "Giiltig"), or drops the dots (a u, matched as it is). In a word of four letters or more, a
# phrase's u matches those readings; never a lone i ("olum" is not "olim", "but" not "bit"), and a shorter word's u
# stays a u ("du" is not "dil"): a short word would take another's place. The other marked letters read as their
# bare letters (ö ä ë as o a e, ş ç ğ as s c g), which folding already matches.
DIAERESIS = "(?:[il1]?u[il1]?|[il1]{2})"
DIAERESIS_MIN_WORD = 4
CONFUSABLE = {"i": "[il1]", "l": "[il1]", "o": "[o0]", "m": "(?:m|rn)", "u": DIAERESIS}
WIDER = {"m", "u"}  # letters whose readings are wider than they: kept as they are within a lookbehind


def _confusable_letters(pattern: str) -> str:
    """``pattern`` with its literal i, l, o, m and u (outside character classes and escapes) matching what the OCR
    reads for them. Within a lookbehind, which must keep its width, m and u stay as they are."""
    out, in_class, escaped = [], False, False
    groups: list[bool] = []  # for each open group, whether it is a lookbehind
    for index, char in enumerate(pattern):
        if escaped:
            out.append(char)
            escaped = False
        elif char == "\\":
            out.append(char)
            escaped = True
        elif in_class:
            out.append(char)
            in_class = char != "]"
        elif char == "[":
            out.append(char)
            in_class = True
        elif char == "(":
            groups.append(pattern.startswith(("(?<!", "(?<="), index))
            out.append(char)
        elif char == ")":
            if groups:
                groups.pop()
            out.append(char)
        elif char in WIDER and any(groups) or char == "u" and _word_length(pattern, index) < DIAERESIS_MIN_WORD:
            out.append(char)
        else:
            out.append(CONFUSABLE.get(char, char))
    return "".join(out)


def _word_length(pattern: str, index: int) -> int:
    """The length of the run of letters in ``pattern`` that holds its letter at ``index``."""
    start, end = index, index + 1
    while start > 0 and pattern[start - 1].isalpha() and pattern[start - 2:start - 1] != "\\":
        start -= 1
    while end < len(pattern) and pattern[end].isalpha():
        end += 1
    return end - start
