"""Linking a read document to the family members it names.

Names on documents are transliterated from Arabic, Tigrinya or Farsi in many
ways (Mohammed, Muhammad, Mohamad) and in any order, so names are compared as
sets of loosely spelled tokens, and a birth date, where both sides have one,
must agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from difflib import SequenceMatcher
from enum import StrEnum

from .models import Document
from .names import latin_skeleton, name_tokens
from .pipeline.types import PersonMention, PipelineResult, Role

_SIMILAR_ENOUGH = 0.8


@dataclass(frozen=True)
class MemberName:
    id: int
    given_names: str
    surname: str
    birth_date: date | None


def _token_matches(token: str, others: Iterable[str]) -> bool:
    for other in others:
        if token.isupper() != other.isupper():  # one written in Arabic script: compare consonants
            latin, arabic = (other, token) if token.isupper() else (token, other)
            if len(arabic) >= 2 and latin_skeleton(latin) == arabic:
                return True
        elif token == other or SequenceMatcher(None, token, other).ratio() >= _SIMILAR_ENOUGH:
            return True
    return False


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


def stored_mentions(document: Document) -> list[PersonMention]:
    """The people a read document names, from what was kept of the pipeline's result (fields and MRZ)."""
    mentions = []
    for person in (document.fields or {}).get("people") or []:
        if isinstance(person, dict) and person.get("name"):
            mentions.append(PersonMention(person["name"], _iso_date(person.get("birth_date")),
                                          given_names=person.get("given_names"), surname=person.get("surname"),
                                          role=_role(person.get("role")), source=person.get("source"),
                                          birth_place=person.get("birth_place")))
    mrz = document.mrz or {}
    if mrz.get("surname"):
        mentions.append(PersonMention(f"{mrz.get('given_names', '')} {mrz['surname']}", _iso_date(mrz.get("birth_date")),
                                      given_names=mrz.get("given_names") or None, surname=mrz["surname"],
                                      source="mrz"))
    return mentions


def _role(value) -> Role | None:
    try:
        return Role(value) if value else None
    except ValueError:
        return None


def _iso_date(value) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def said_about(member, document: Document, linked_count: int | None = None) -> list[PersonMention]:
    """What ``document`` says about ``member`` (at most one mention): the person it names who is them by name
    (one of several on a booklet or a birth certificate; the birth date is left out of the match, since it is
    what may disagree), or, on a document linked to them alone, its holder or the child it is about.

    For comparing what the documents say about each member (form 647's data, the consistency warnings).
    ``linked_count``: how many members the document is linked to, where the caller knows (saves a query)."""
    mentions = stored_mentions(document)
    undated = MemberName(member.pk, member.given_names, member.surname, None)
    matching = [mention for mention in mentions if is_same_person(undated, mention)]
    if matching:
        return matching[:1]
    if (len(document.members.all()) if linked_count is None else linked_count) != 1:
        return []
    return [m for m in mentions if m.source == "mrz" or m.role in (Role.HOLDER, Role.CHILD)][:1]


def member_name(member) -> MemberName:
    return MemberName(member.pk, member.given_names, member.surname, member.birth_date)


@dataclass(frozen=True)
class LinkChange:
    document: Document
    linked: bool  # True: the member was linked; False: the link made from the old details was taken away


def links_after_member_change(member, before: MemberName, documents: Iterable[Document]) -> list[LinkChange]:
    """Which links a change of ``member``'s name or birth date calls for, among ``documents`` of the case.

    A document that names the member as they now are is linked; one that was linked and named them only as
    they were before (so the link came from the old details) is unlinked. Links nothing else explains stay.
    """
    after = member_name(member)
    changes = []
    for document in documents:
        mentions = stored_mentions(document)
        if not mentions:
            continue
        linked = any(m.pk == member.pk for m in document.members.all())
        matches_now = any(is_same_person(after, mention) for mention in mentions)
        matched_before = any(is_same_person(before, mention) for mention in mentions)
        if matches_now and not linked:
            changes.append(LinkChange(document, linked=True))
        elif linked and matched_before and not matches_now:
            changes.append(LinkChange(document, linked=False))
    return changes


class Difference(StrEnum):
    BIRTH_DATE = "birth_date"  # the same name, another birth date
    NAME = "name"  # the same given names and birth date, another family name (a maiden name, say)


@dataclass(frozen=True)
class ProposedLink:
    """A person a document names almost as a member was entered: shown with both values, for the sponsor to judge."""

    member_id: int
    name_on_document: str
    birth_date_on_document: date | None
    difference: Difference


def _given_names_found(member: MemberName, mention: PersonMention) -> bool:
    given = name_tokens(member.given_names)
    mentioned = name_tokens(mention.name)
    return bool(given) and all(_token_matches(token, mentioned) for token in given)


def near_miss(member: MemberName, mention: PersonMention) -> Difference | None:
    """How ``mention`` differs from ``member`` if it is almost them, else None (also when it is them)."""
    if is_same_person(member, mention):
        return None
    undated = MemberName(member.id, member.given_names, member.surname, None)
    if member.birth_date and mention.birth_date and is_same_person(undated, mention):
        return Difference.BIRTH_DATE
    dates_conflict = bool(member.birth_date and mention.birth_date and member.birth_date != mention.birth_date)
    has_family_name = len(name_tokens(mention.name)) > len(name_tokens(member.given_names))
    if not dates_conflict and has_family_name and _given_names_found(member, mention):
        return Difference.NAME
    return None


def proposed_links(mentions: Sequence[PersonMention], members: Sequence[MemberName], *,
                   linked: Iterable[int] = (), dismissed: Iterable[int] = ()) -> list[ProposedLink]:
    """One proposal per member not linked (nor turned down before) whom a mention names almost as entered."""
    skip = {*linked, *dismissed}
    proposals = []
    for member in members:
        if member.id in skip:
            continue
        for mention in mentions:
            difference = near_miss(member, mention)
            if difference is not None:
                proposals.append(ProposedLink(member.id, mention.name, mention.birth_date, difference))
                break
    return proposals
