"""Names as documents spell them: folded so that transliterations compare (no Django, no imports of our own).

Names on documents are transliterated from Arabic, Tigrinya or Farsi in many ways
(Mohammed, Muhammad, Mohamad); names written in Arabic script carry no short vowels.
Used by linking (which member a document names) and by the rules (whether the
documents agree on a member's name).
"""

from __future__ import annotations

import re
import unicodedata

# Spelling variants that transliteration produces, folded to one form.
_SPELLING_FOLDS = (
    ("ph", "f"), ("kh", "h"), ("gh", "g"), ("sh", "s"), ("ch", "s"), ("th", "t"), ("dh", "d"),
    ("ou", "u"), ("oo", "u"), ("ee", "i"), ("q", "k"), ("c", "k"), ("y", "i"), ("j", "g"),
    ("w", "u"), ("o", "u"), ("e", "a"),
)
_PARTICLES = {"al", "el", "ul", "bin", "ben", "ibn", "bint", "abu", "abd", "van", "de", "der"}

# Arabic and Persian letters as the consonants a Latin spelling of the name would show, folded
# like _SPELLING_FOLDS (kh -> h, q -> k, j -> g ...). Alif, hamza and ayn have no Latin letter;
# waw and ya are vowels inside a name. Arabic writes no short vowels, so names written in it are
# compared with Latin ones by their consonants: محمد and Mohammed are both MHMD.
_ARABIC_CONSONANTS = {
    "ب": "B", "پ": "P", "ت": "T", "ث": "T", "ج": "G", "چ": "S", "ح": "H", "خ": "H", "د": "D", "ذ": "D",
    "ر": "R", "ز": "Z", "ژ": "Z", "س": "S", "ش": "S", "ص": "S", "ض": "D", "ط": "T", "ظ": "Z", "غ": "G",
    "ف": "F", "ق": "K", "ك": "K", "ک": "K", "گ": "G", "ل": "L", "م": "M", "ن": "N", "ه": "H",
}
_ARABIC_GLIDES = {"و": "U", "ي": "I", "ی": "I", "ى": "I"}  # consonants only at the start of a name
_ARABIC_PARTICLES = {"ال", "بن", "بنت", "ابو", "أبو", "عبد"}


def name_tokens(name: str) -> list[str]:
    """Fold a name into comparable tokens: no accents, case, particles or doubled letters.

    Words in Arabic script become their consonants in capitals (see ``_ARABIC_CONSONANTS``)."""
    tokens = [skeleton for word in name.split() if (skeleton := arabic_skeleton(word))]
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    for token in re.split(r"[^a-z]+", ascii_name):
        if not token or token in _PARTICLES:
            continue
        for spelled, folded in _SPELLING_FOLDS:
            token = token.replace(spelled, folded)
        token = re.sub(r"(.)\1+", r"\1", token)
        tokens.append(token)
    return tokens


def arabic_skeleton(word: str) -> str:
    if word in _ARABIC_PARTICLES or not any(char in _ARABIC_CONSONANTS or char in _ARABIC_GLIDES for char in word):
        return ""
    if word.startswith("ال") and len(word) > 3:  # the article: al-Hussein
        word = word[2:]
    letters = [_ARABIC_GLIDES.get(word[0], "")] + [_ARABIC_CONSONANTS.get(char, "") for char in word]
    if word[-1] in "هة":  # a final h or ta marbuta is mostly a vowel in Latin spellings: Fatima
        letters.pop()
    skeleton = "".join(letters).replace("U", "W").replace("I", "Y")
    return re.sub(r"(.)\1+", r"\1", skeleton)


def latin_skeleton(token: str) -> str:
    """A folded Latin token's consonants, as ``arabic_skeleton`` gives them (u and i stand for w and y)."""
    head, rest = token[:1], token[1:]
    head = {"u": "w", "i": "y"}.get(head, head) if head in "ui" and rest[:1] in "aeiou" else head
    consonants = (head if head not in "aeiou" else "") + re.sub(r"[aeiouyw]", "", rest)
    consonants = consonants[:-1] if consonants.endswith("h") and len(consonants) > 2 else consonants
    return re.sub(r"(.)\1+", r"\1", consonants).upper()


def is_arabic_script(word: str) -> bool:
    return any(char in _ARABIC_CONSONANTS or char in _ARABIC_GLIDES for char in word)
