"""Which lines of a page are its titles: short lines standing alone among its first ones.

A kind's name in a title counts more than in running text (``classify.score_text``). A line that is short only
because the page wrapped a sentence there is no title: a sentence's first line runs on (several words, no stop) and
the lines after it carry it on to its end, in lower case in a cased script, in a script without case (Arabic,
Persian, Ethiopic) as lines with no label's colon that run on or end the sentence.
"""

from __future__ import annotations

import re

from . import vocabulary
from .phrases import normalise


def title_lines(text: str) -> str:
    """Titles are short lines standing alone among the first real ones (normalised); OCR specks ("ee", "a") are
    not lines, nor is the first line of a sentence wrapped over the next (``wrapped_sentence``)."""
    lines = [(line.strip(), normalise(line)) for line in text.splitlines()]
    lines = [(line, normalised) for line, normalised in lines if sum(char.isalnum() for char in normalised) >= 4]
    raw = [line for line, _ in lines]
    return "\n".join(
        normalised for index, (_, normalised) in enumerate(lines[: vocabulary.TITLE_LINES])
        if len(normalised.split()) <= vocabulary.TITLE_MAX_WORDS and not wrapped_sentence(raw, index)
    )


WRAPPED_MIN_WORDS = 5  # a line this long may be a sentence's first; titles are mostly shorter
_SENTENCE_END = re.compile(r"[.!?\u1362\u06d4]$")
_LINE_END = re.compile(r"[.!?:;,\u1362\u06d4]$")


def wrapped_sentence(lines: list[str], index: int) -> bool:
    """Whether ``lines[index]`` is part of a sentence wrapped over several lines: the first, several words ending
    in no stop, followed by lines carrying on in lower case or with a sentence's short end starting with a number
    (a date's year), the last of them ending the sentence; or one such following line. A title stands alone: the line after it starts anew."""
    if index > 0 and _runs_on(lines[index - 1]) and _carries_on(lines[index], lines[:index]):
        return True
    if not _runs_on(lines[index]):
        return False
    for offset, following in enumerate(lines[index + 1: index + 3], start=index + 1):
        if not _carries_on(following, lines[:offset]):
            return False
        if _SENTENCE_END.search(following):
            return True
    return False


def _runs_on(line: str) -> bool:
    return len(line.split()) >= WRAPPED_MIN_WORDS and not _LINE_END.search(line)


WRAPPED_TAIL_WORDS = 3  # a line starting with a number carries a sentence on if it is its short end (a date's year)


UNCASED_END_WORDS = 3  # a line of a script without case ends a sentence in this many words or more (or fewer after
# two lines running on: a sentence wrapped over three lines or more)


def _carries_on(line: str, above: list[str] = ()) -> bool:
    """Whether ``line`` carries on a sentence begun in the lines ``above`` it: in lower case; in a script without case
    (Arabic, Persian, Ethiopic), a line with no label's colon that runs on itself or ends the sentence in a few words
    (a title's line ends in no stop, and a label's line names its field); a sentence's short end starting with a
    number."""
    if line[0].isdigit():  # a title's line may be followed by a reference number
        return len(line.split()) <= WRAPPED_TAIL_WORDS and bool(_SENTENCE_END.search(line))
    first = next((char for char in line if char.isalpha()), "")
    if first and not first.islower() and not first.isupper():
        long_enough = len(line.split()) >= UNCASED_END_WORDS or (
            len(above) >= 2 and all(_runs_on(before) for before in above[-2:]))
        return ":" not in line and (_runs_on(line) or (long_enough and bool(_SENTENCE_END.search(line))))
    return line[0].islower()
