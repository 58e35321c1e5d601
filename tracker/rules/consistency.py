"""The same person on every document (CONTRACTS.md section 3): birth dates and first given names.

For each member the sources are what the sponsor entered and what each non-rejected
document says about that member. Two sources that disagree raise a warning naming
the documents involved. Spelling is set aside as the contract says (MOHAMMED,
MUHAMMAD and MOHAMAD agree); beyond the contract, a name in Arabic script is
compared with a Latin spelling by its consonants (محمد and MOHAMMED agree), as
linking documents to members does.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import date
from itertools import combinations

from documents.names import arabic_skeleton, is_arabic_script, latin_skeleton, name_tokens

from .codes import ReviewStatus, WarningCode
from .facts import CaseFacts, MemberFacts


@dataclass(frozen=True)
class Source:
    document: str | None  # None: the sponsor's entry
    value: Hashable


@dataclass(frozen=True)
class Disagreement:
    code: WarningCode
    member: str
    documents: tuple[str, ...]  # in input order
    sources: tuple[Source, ...]  # every source with a value, the sponsor's entry first


def disagreements(facts: CaseFacts) -> list[Disagreement]:
    """Birth-date disagreements of every member in order, then given-name ones."""
    found = []
    for code, entered, said, agree in (
        (WarningCode.INCONSISTENT_BIRTH_DATE, _entered_birth_date, _said_birth_date, _equal),
        (WarningCode.INCONSISTENT_GIVEN_NAMES, _entered_first_name, _said_first_name, same_first_given_name),
    ):
        for member in facts.members:
            sources = _sources(facts, member, entered, said)
            involved = _involved(sources, agree)
            if involved is not None:
                found.append(Disagreement(code, member.id, involved, tuple(sources)))
    return found


def _sources(facts: CaseFacts, member: MemberFacts, entered: Callable, said: Callable) -> list[Source]:
    sources = [Source(None, value)] if (value := entered(member)) else []
    for document in facts.documents:
        if document.status == ReviewStatus.REJECTED:
            continue
        for person in document.people:
            if person.member == member.id and (value := said(person)):
                sources.append(Source(document.id, value))
    return sources


def _involved(sources: list[Source], agree: Callable) -> tuple[str, ...] | None:
    """The documents of every pair of sources that disagree; None when all agree."""
    involved: set[str] = set()
    disagree = False
    for first, second in combinations(sources, 2):
        if not agree(first.value, second.value):
            disagree = True
            involved.update(source.document for source in (first, second) if source.document is not None)
    if not disagree:
        return None
    return tuple(dict.fromkeys(source.document for source in sources if source.document in involved))


def _equal(first, second) -> bool:
    return first == second


def _entered_birth_date(member: MemberFacts):
    return member.birth_date


def _said_birth_date(person):
    return person.birth_date


def _entered_first_name(member: MemberFacts) -> str | None:
    return _first_word(member.name)


def _said_first_name(person) -> str | None:
    return _first_word(person.given_names)


def _first_word(name: str | None) -> str | None:
    words = (name or "").split()
    return words[0] if words else None


def spelling_key(name: str) -> str:
    """CONTRACTS.md section 3: upper case without diacritics, Q and C as K, no A E I O U Y W, runs once."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().upper()
    letters = re.sub(r"[^A-Z]", "", plain).replace("Q", "K").replace("C", "K")
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[AEIOUYW]", "", letters))


def same_first_given_name(first: str, second: str) -> bool:
    first_arabic, second_arabic = is_arabic_script(first), is_arabic_script(second)
    if first_arabic and second_arabic:
        return arabic_skeleton(first) == arabic_skeleton(second)
    if first_arabic or second_arabic:
        arabic, latin = (first, second) if first_arabic else (second, first)
        tokens = name_tokens(latin)
        return bool(tokens) and latin_skeleton(tokens[0]) == arabic_skeleton(arabic)
    return spelling_key(first) == spelling_key(second)


def value_key(value) -> str:
    """A source's value as a disagreement explained once is remembered: a date as YYYY-MM-DD, a name by its
    spelling key (or, in Arabic script, its consonants), so the same name spelled again does not warn anew."""
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    return "ar:" + arabic_skeleton(text) if is_arabic_script(text) else spelling_key(text)
