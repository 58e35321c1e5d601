"""Linking a read document to the family members it names.

Names on documents are transliterated from Arabic, Tigrinya or Farsi in many
ways (Mohammed, Muhammad, Mohamad) and in any order, so names are compared as
sets of loosely spelled tokens, and a birth date, where both sides have one,
must agree.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from difflib import SequenceMatcher

from .models import Document
from .pipeline.types import PersonMention, PipelineResult

# Spelling variants that transliteration produces, folded to one form.
_SPELLING_FOLDS = (
    ("ph", "f"), ("kh", "h"), ("gh", "g"), ("sh", "s"), ("ch", "s"), ("th", "t"), ("dh", "d"),
    ("ou", "u"), ("oo", "u"), ("ee", "i"), ("q", "k"), ("c", "k"), ("y", "i"), ("j", "g"),
    ("w", "u"), ("o", "u"), ("e", "a"),
)
_PARTICLES = {"al", "el", "ul", "bin", "ben", "ibn", "bint", "abu", "abd", "van", "de", "der"}
_SIMILAR_ENOUGH = 0.8


@dataclass(frozen=True)
class MemberName:
    id: int
    given_names: str
    surname: str
    birth_date: date | None


def name_tokens(name: str) -> list[str]:
    """Fold a name into comparable tokens: no accents, case, particles or doubled letters."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    tokens = []
    for token in re.split(r"[^a-z]+", ascii_name):
        if not token or token in _PARTICLES:
            continue
        for spelled, folded in _SPELLING_FOLDS:
            token = token.replace(spelled, folded)
        token = re.sub(r"(.)\1+", r"\1", token)
        tokens.append(token)
    return tokens


def _token_matches(token: str, others: Iterable[str]) -> bool:
    return any(token == other or SequenceMatcher(None, token, other).ratio() >= _SIMILAR_ENOUGH for other in others)


def is_same_person(member: MemberName, mention: PersonMention) -> bool:
    if member.birth_date and mention.birth_date and member.birth_date != mention.birth_date:
        return False
    mentioned = name_tokens(mention.name)
    surname = name_tokens(member.surname)
    given = name_tokens(member.given_names)
    if not mentioned or not (surname or given):
        return False
    surname_found = all(_token_matches(token, mentioned) for token in surname)
    given_found = sum(_token_matches(token, mentioned) for token in given)
    if surname_found and given_found:
        return True
    # Surnames are often missing or differ (a wife keeps her own family name);
    # a full given name plus the same birth date is then enough.
    dates_agree = member.birth_date is not None and member.birth_date == mention.birth_date
    return dates_agree and given_found == len(given) > 0


def match_members(mentions: Sequence[PersonMention], members: Sequence[MemberName]) -> list[int]:
    return [member.id for member in members if any(is_same_person(member, mention) for mention in mentions)]


def mentions_in(result: PipelineResult) -> list[PersonMention]:
    mentions = list(result.people)
    if result.mrz and result.mrz.surname:
        mentions.append(PersonMention(f"{result.mrz.given_names} {result.mrz.surname}", result.mrz.birth_date))
    return mentions


def link_to_members(document: Document, result: PipelineResult) -> list[int]:
    """Link ``document`` to the members it names, unless someone has already linked it by hand."""
    if document.members.exists():
        return []
    members = [
        MemberName(m.pk, m.given_names, m.surname, m.birth_date)
        for m in document.case.members.all()
    ]
    matched = match_members(mentions_in(result), members)
    document.members.add(*matched)
    return matched
