"""Read the `evaluate_case` input (CONTRACTS.md section 2) into CaseFacts.

Every problem raises ValueError with the path of the offending value, e.g.
`members[1].relation: 'cousin' is not one of spouse, partner, ...`.
Keys the contract does not know are ignored.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from enum import StrEnum
from typing import Any, TypeVar

from .codes import DocumentKind, PermitType, PolicyName, Relation, Requirement, ReviewStatus
from .facts import CaseFacts, DocumentFacts, ExplanationFacts, MemberFacts, PersonFacts, SponsorFacts

E = TypeVar("E", bound=StrEnum)
_REQUIRED: Any = object()
_JSON_TYPE_NAMES = {dict: "an object", list: "a list", str: "a string", bool: "true or false"}


def case_facts_from_dict(data: Any) -> tuple[CaseFacts, date | None]:
    """The facts of the scenario, and its `today` (None when not given).

    The facts' `policy` is None when the scenario names none: the caller chooses (`policy.choose`)."""
    scenario = _as(data, dict, "scenario")
    facts = CaseFacts(
        sponsor=_sponsor(_field(scenario, "sponsor", "scenario", dict)),
        members=tuple(_member(item, f"members[{i}]") for i, item in _items(scenario, "members")),
        documents=tuple(_document(item, f"documents[{i}]") for i, item in _items(scenario, "documents")),
        explanations=tuple(_explanation(item, f"explanations[{i}]") for i, item in _items(scenario, "explanations")),
        application_date=_date(scenario, "application_date", "scenario"),
        policy=_choice(scenario, "policy", "scenario", PolicyName, None),
    )
    _check_references(facts)
    return facts, _date(scenario, "today", "scenario")


def _sponsor(data: dict) -> SponsorFacts:
    return SponsorFacts(
        birth_date=_date(data, "birth_date", "sponsor"),
        permit_decision_date=_date(data, "permit_decision_date", "sponsor"),
        permit_type=_choice(data, "permit_type", "sponsor", PermitType, PermitType.REFUGEE),
        asylum_application_date=_date(data, "asylum_application_date", "sponsor"),
    )


def _member(item: Any, where: str) -> MemberFacts:
    data = _as(item, dict, where)
    return MemberFacts(
        id=_id(data, "id", where),
        relation=_choice(data, "relation", where, Relation),
        birth_date=_date(data, "birth_date", where),
        mentioned_in_asylum_procedure=_field(data, "mentioned_in_asylum_procedure", where, bool, True),
        belongs_to_family=_field(data, "belongs_to_family", where, bool, True),
        other_parent_stays_behind=_field(data, "other_parent_stays_behind", where, bool, False),
        married=_field(data, "married", where, bool, False),
        in_relationship=_field(data, "in_relationship", where, bool, False),
        name=_field(data, "name", where, str, None),
        other_parent=_field(data, "other_parent", where, str, None),
    )


def _document(item: Any, where: str) -> DocumentFacts:
    data = _as(item, dict, where)
    members = _field(data, "members", where, list, [])
    language = _field(data, "language", where, str, None)
    return DocumentFacts(
        id=_id(data, "id", where),
        kind=_choice(data, "kind", where, DocumentKind),
        members=tuple(_as(member, str, f"{where}.members[{i}]") for i, member in enumerate(members)),
        language=language.strip().lower() or None if language else None,
        status=_choice(data, "status", where, ReviewStatus),
        translation_of=_field(data, "translation_of", where, str, None),
        expiry_date=_date(data, "expiry_date", where),
        mrz=_field(data, "mrz", where, bool, False),
        people=tuple(
            _person(person, f"{where}.people[{i}]") for i, person in enumerate(_field(data, "people", where, list, []))
        ),
    )


def _person(item: Any, where: str) -> PersonFacts:
    data = _as(item, dict, where)
    return PersonFacts(
        member=_id(data, "member", where),
        given_names=_field(data, "given_names", where, str, None),
        surname=_field(data, "surname", where, str, None),
        birth_date=_date(data, "birth_date", where),
    )


def _explanation(item: Any, where: str) -> ExplanationFacts:
    data = _as(item, dict, where)
    explanation = ExplanationFacts(
        member=_field(data, "member", where, str, None),
        requirement=_choice(data, "requirement", where, Requirement),
        text=_field(data, "text", where, str),
    )
    is_sponsor_requirement = explanation.requirement == Requirement.ASYLUM_DECISION
    if is_sponsor_requirement != (explanation.member is None):
        raise ValueError(
            f"{where}: asylum_decision is explained for the sponsor (member null), every other requirement for a member"
        )
    return explanation


def _check_references(facts: CaseFacts) -> None:
    member_ids = _unique_ids([member.id for member in facts.members], "members")
    document_ids = _unique_ids([document.id for document in facts.documents], "documents")
    for i, document in enumerate(facts.documents):
        for member_id in document.members:
            if member_id not in member_ids:
                raise ValueError(f"documents[{i}].members: no member has id {member_id!r}")
        if document.translation_of is not None and document.translation_of not in document_ids - {document.id}:
            raise ValueError(f"documents[{i}].translation_of: no other document has id {document.translation_of!r}")
        for j, person in enumerate(document.people):
            if person.member not in member_ids:
                raise ValueError(f"documents[{i}].people[{j}].member: no member has id {person.member!r}")
    for i, member in enumerate(facts.members):
        if member.other_parent is not None and member.other_parent not in member_ids - {member.id}:
            raise ValueError(f"members[{i}].other_parent: no other member has id {member.other_parent!r}")
    for i, explanation in enumerate(facts.explanations):
        if explanation.member is not None and explanation.member not in member_ids:
            raise ValueError(f"explanations[{i}].member: no member has id {explanation.member!r}")


def _unique_ids(ids: list[str], where: str) -> set[str]:
    duplicates = sorted(id_ for id_, count in Counter(ids).items() if count > 1)
    if duplicates:
        raise ValueError(f"{where}: duplicate id {', '.join(map(repr, duplicates))}")
    return set(ids)


# --- Typed access to JSON values --------------------------------------------------------


def _as(value: Any, expected: type, where: str) -> Any:
    if not isinstance(value, expected):
        raise ValueError(f"{where}: expected {_JSON_TYPE_NAMES[expected]}, got {_json_repr(value)}")
    return value


def _field(data: dict, key: str, where: str, expected: type, default: Any = _REQUIRED) -> Any:
    """data[key] of the expected type; `default` when absent (or null, if the default is None)."""
    if key not in data or (data[key] is None and default is None):
        if default is _REQUIRED:
            raise ValueError(f"{where}.{key}: required")
        return default
    return _as(data[key], expected, f"{where}.{key}")


def _items(scenario: dict, key: str) -> enumerate:
    return enumerate(_field(scenario, key, "scenario", list, []))


def _id(data: dict, key: str, where: str) -> str:
    value = _field(data, key, where, str)
    if not value.strip():
        raise ValueError(f"{where}.{key}: must not be empty")
    return value


def _date(data: dict, key: str, where: str) -> date | None:
    value = _field(data, key, where, str, None)
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{where}.{key}: {value!r} is not a date as YYYY-MM-DD") from None


def _choice(data: dict, key: str, where: str, enum: type[E], default: E | None = _REQUIRED) -> E | None:
    value = _field(data, key, where, str, default)
    if value is None:
        return None
    try:
        return enum(value)
    except ValueError:
        choices = ", ".join(member.value for member in enum)
        raise ValueError(f"{where}.{key}: {value!r} is not one of {choices}") from None


def _json_repr(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
