"""Papers that carry a kind's labels or words without being that kind's document: all of them are "other".

- A school's report or a child's health card labels the child's father, mother and birth as a birth record does;
  its pupil's and class's labels, or its vaccinations, say what it is (``school_or_health_record``).
- A refugee agency's registration lists a household by each member's relation to its head as a civil register
  does; its own words (the agency, a refugee, the case) say it registers people, not their civil status
  (``agency_registration``).
- A divorce (a court's judgment, a certificate of it) names the spouses and the marriage it ends; its title says
  it is a divorce (``divorce_is_no_marriage``).
"""

from __future__ import annotations

from . import vocabulary
from .phrases import any_phrase, whole_words
from .types import DocumentKind


def school_or_health_record(normalised: str) -> bool:
    """Whether ``normalised`` labels a pupil, a class or grades, or a child's vaccinations."""
    return bool(whole_words(vocabulary.SCHOOL_OR_HEALTH_LABELS).search(normalised))


def agency_registration(normalised: str) -> bool:
    """Whether ``normalised`` is a refugee agency's registration (UNHCR's, a refugee's or asylum seeker's case)."""
    return bool(whole_words(vocabulary.AGENCY_REGISTRATION).search(normalised))


def registration_is_no_book(normalised: str, scores: dict[DocumentKind, float]) -> None:
    """A refugee agency's registration (``agency_registration``): its household's rows are no family book's
    evidence but "other"'s."""
    if agency_registration(normalised):
        booklet = DocumentKind.FAMILY_BOOKLET
        scores[DocumentKind.OTHER] = max(scores[DocumentKind.OTHER], scores[booklet])
        scores[booklet] = 0.0


def divorce_is_no_marriage(title: str, scores: dict[DocumentKind, float]) -> bool:
    """Whether a page's title lines (``classify.title_lines``) say it is a divorce and name no marriage's record:
    its marriage's evidence is then "other"'s (and its spouses' labels no book's entry)."""
    if not whole_words(vocabulary.DIVORCE_WORDS).search(title) or _marriage_titles().search(title):
        return False
    marriage = DocumentKind.MARRIAGE_CERTIFICATE
    scores[DocumentKind.OTHER] = max(scores[DocumentKind.OTHER], scores[marriage])
    scores[marriage] = 0.0
    return True


def _marriage_titles():
    titles = next(phrases for weight, phrases in vocabulary.EVIDENCE[DocumentKind.MARRIAGE_CERTIFICATE]
                  if weight == vocabulary.TITLE_WEIGHT)
    return any_phrase(titles)
